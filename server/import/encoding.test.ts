import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { importDataset, readDatasetBuffers, readDatasetFiles, type DatasetBuffers } from '@/server/import';
import { detectCsvEncoding } from './encoding';
import { REASONS } from './reasons';
import { toGbk } from './testing/gbk';

const TABLES = ['hospitals', 'catalog', 'cases'] as const;
const zhFixture = (table: string) => path.join(__dirname, 'fixtures', 'valid-zh', `${table}.csv`);
const zhText = (table: string) => fs.readFileSync(zhFixture(table), 'utf8').replace(/^\uFEFF/, '');


function chunked(bytes: Uint8Array, size: number): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
/** Latin-1 bytes ("Zürich café"): valid as neither UTF-8 nor GB18030 */
const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

describe('detectCsvEncoding', () => {
  it.each([1, 2, 3, 7, 1 << 20])('tells UTF-8, UTF-8 with a BOM and GBK apart whatever the chunk size (%i bytes)', async (size) => {
    const text = zhText('hospitals');
    expect(await detectCsvEncoding(chunked(utf8(text), size))).toEqual({ ok: true, encoding: 'utf-8' });
    expect(await detectCsvEncoding(chunked(withBom(text), size))).toEqual({ ok: true, encoding: 'utf-8-bom' });
    expect(await detectCsvEncoding(chunked(toGbk(text), size))).toEqual({ ok: true, encoding: 'gb18030' });
  });

  it('reads ASCII as UTF-8, and a file whose Chinese text starts after a long ASCII part by that text', async () => {
    const ascii = 'case_id,hospital_code\n'.repeat(100_000);
    expect(await detectCsvEncoding(chunked(utf8(ascii), 1 << 16))).toEqual({ ok: true, encoding: 'utf-8' });
    expect(await detectCsvEncoding(chunked(toGbk(`${ascii}K1,市第一人民医院\n`), 1 << 16))).toEqual({ ok: true, encoding: 'gb18030' });
    expect(await detectCsvEncoding(chunked(utf8(`${ascii}K1,市第一人民医院\n`), 1 << 16))).toEqual({ ok: true, encoding: 'utf-8' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030 text, saying why', async () => {
    const refused = { ok: false, reason: REASONS.unknownEncoding };
    expect(await detectCsvEncoding(chunked(latin1('name\nZürich café\n'), 4))).toEqual(refused);
    // valid GB18030 bytes that decode to control characters are not text either
    expect(await detectCsvEncoding(chunked(new Uint8Array([0x61, 0xff, 0x01, 0x02, 0x0a]), 2))).toEqual(refused);
    expect(await detectCsvEncoding(chunked(new Uint8Array([0x61, 0x2c, 0xe9, 0x01, 0x0a]), 2))).toEqual(refused);
  });
});

describe('importing a CSV saved by Excel on Chinese Windows (GBK)', () => {
  const buffers = (encode: (text: string) => Uint8Array): DatasetBuffers => ({
    hospitals: { name: 'hospitals.csv', data: encode(zhText('hospitals')) },
    catalog: { name: 'catalog.csv', data: encode(zhText('catalog')) },
    cases: { name: 'cases.csv', data: encode(zhText('cases')) },
  });

  it('reads Chinese headers and names from GBK files exactly as from the UTF-8 ones, and says so', async () => {
    const fromUtf8 = await readDatasetFiles({ hospitals: zhFixture('hospitals'), catalog: zhFixture('catalog'), cases: zhFixture('cases') });
    const fromGbk = await readDatasetBuffers(buffers(toGbk));
    expect(fromUtf8.ok && fromGbk.ok).toBe(true);
    if (!fromUtf8.ok || !fromGbk.ok) return;
    expect(fromGbk.bundle).toEqual(fromUtf8.bundle);
    expect(fromGbk.bundle.hospitals[0]!.name).toBe('市第一人民医院');
    expect(fromGbk.encodings).toEqual({ hospitals: 'gb18030', catalog: 'gb18030', cases: 'gb18030' });
    // the fixture's hospitals file starts with a BOM, the others do not
    expect(fromUtf8.encodings).toEqual({ hospitals: 'utf-8-bom', catalog: 'utf-8', cases: 'utf-8' });
  });

  it('imports the data set and reports the encoding of each file', async () => {
    const db = openDatabase(':memory:');
    const mixed = { ...buffers(toGbk), catalog: { name: 'catalog.csv', data: withBom(zhText('catalog')) } };
    expect(await importDataset(db, { name: 'GBK', year: 2025 }, mixed)).toEqual({
      ok: true,
      datasetId: 1,
      encodings: { hospitals: 'gb18030', catalog: 'utf-8-bom', cases: 'gb18030' },
    });
    expect(db.$client.prepare('SELECT name FROM hospitals ORDER BY code').all()).toEqual([{ name: '市第一人民医院' }, { name: '县人民医院' }, { name: '城关镇卫生院' }]);
  });

  it('refuses a file that is neither, naming it, and writes nothing', async () => {
    const db = openDatabase(':memory:');
    const broken = { ...buffers(utf8), hospitals: { name: '机构.csv', data: latin1('hospital_code,name,level\nH001,Zürich café,3\n') } };
    const result = await importDataset(db, { name: 'Latin-1', year: 2025 }, broken);
    expect(result).toEqual({ ok: false, errors: [{ file: '机构.csv', row: 0, column: '', reason: REASONS.unknownEncoding }], errorCount: 1 });
    expect(db.$client.prepare('SELECT count(*) AS n FROM datasets').get()).toEqual({ n: 0 });
  });

  it('refuses a file with a UTF-8 BOM and bytes that are not UTF-8', async () => {
    const bad = new Uint8Array([...withBom('hospital_code,name,level\nH001,'), ...toGbk('县人民医院'), ...utf8(',2\n')]);
    const result = await readDatasetBuffers({ ...buffers(utf8), hospitals: { name: 'hospitals.csv', data: bad } });
    expect(result).toEqual({ ok: false, errors: [{ file: 'hospitals.csv', row: 0, column: '', reason: REASONS.notUtf8 }], errorCount: 1 });
  });

  it.each(TABLES)('the %s table alone in GBK is read as well', async (table) => {
    const result = await readDatasetBuffers({ ...buffers(utf8), [table]: { name: `${table}.csv`, data: toGbk(zhText(table)) } });
    expect(result.ok && result.encodings[table]).toBe('gb18030');
  });
});
