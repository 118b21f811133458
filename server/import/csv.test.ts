import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import type { Reason } from './reasons';
import type { Cell } from './rows';

/** The text's UTF-8 bytes in chunks of `size`: multi-byte characters and lines split across chunks. */
async function* chunksOf(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rowsOf(text: string, chunkSize: number) {
  const rows: [number, readonly Cell[]][] = [];
  const problems: [number, Reason][] = [];
  await readCsv(
    chunksOf(text, chunkSize),
    (cells, row) => rows.push([row, cells]),
    (row, reason) => problems.push([row, reason]),
    () => {},
  );
  return { rows, problems };
}

const TEXT = '\uFEFFcase_id,名称\r\nK01,"市第一人民医院，本部"\r\n\r\nK02,"两行\r\n名称"\r\nK03,居民\r\n';
const EXPECTED = [
  [1, ['case_id', '名称']],
  [2, ['K01', '市第一人民医院，本部']],
  [4, ['K02', '两行\r\n名称']],
  [5, ['K03', '居民']],
];

describe('readCsv', () => {
  it.each([1, 2, 3, 7, 1 << 20])('gives the same rows whatever the chunk size (%i bytes)', async (size) => {
    expect(await rowsOf(TEXT, size)).toEqual({ rows: EXPECTED, problems: [] });
  });

  it('numbers rows as a spreadsheet shows them: blank lines count, a quoted line break stays in its row', async () => {
    const { rows } = await rowsOf('a,b\n\n\n1,2\n"x\ny",3\n4,5', 4);
    expect(rows.map(([row]) => row)).toEqual([1, 4, 5, 6]);
  });

  it('reports a row with an unterminated quote once', async () => {
    const { rows, problems } = await rowsOf('a,b\n1,2\n3,"4\n5,6\n', 3);
    expect(rows.map(([row]) => row)).toEqual([1, 2]);
    expect(problems).toEqual([[3, { zh: 'CSV 格式错误：引号未闭合', en: 'malformed CSV: Quoted field unterminated' }]]);
  });
});
