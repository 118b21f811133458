/**
 * Imports the real CHS-DRG 2.0 group list (国家医保局 CHS-DRG 分组方案 2.0, 634 DRGs) from ../shared/data when
 * that folder is present. The file has no weight or benchmark cost: the test maps it into the §5 catalog
 * format with the weights imputed from Harbin, in a temporary file (the data is never copied into the project).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { listCatalog } from '@/server/services/datasets';
import { formatRowError, importDataset } from '@/server/import';
import { describeWithShared, SHARED_DATA_DIR } from '@/worker/settlement/testing/shared';

const sharedData = SHARED_DATA_DIR;
const fixtures = path.join(__dirname, 'fixtures', 'valid');

function readCsvRecords(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** drg_code, name, mdc, weight (rw_imputed), benchmark_cost (left empty: not in the source). */
function writeChsCatalog(target: string): void {
  const groups = readCsvRecords(path.join(sharedData, 'chs_drg_2.0_groups.csv'));
  const weights = new Map(
    readCsvRecords(path.join(sharedData, 'chs_drg_2.0_rw_imputed_from_harbin.csv')).map((r) => [r.drg_code, r.rw_imputed]),
  );
  const rows = groups.map((g) => ({
    drg_code: g.drg_code,
    name: g.drg_name,
    mdc: g.mdc_code,
    weight: weights.get(g.drg_code ?? '') ?? '',
    benchmark_cost: '',
    adrg: g.adrg_code,
    drg_type: g.adrg_type,
  }));
  fs.writeFileSync(target, Papa.unparse(rows));
}

describeWithShared('the real CHS-DRG 2.0 catalog', path.join(sharedData, 'chs_drg_2.0_groups.csv'), () => {
  it('imports all 634 DRGs with their weights, ADRG and type', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-chs-'));
    const catalog = path.join(dir, 'catalog.csv');
    writeChsCatalog(catalog);
    const db = openDatabase(':memory:');
    const paths = { hospitals: path.join(fixtures, 'hospitals.csv'), catalog, cases: path.join(fixtures, 'cases.csv') };
    const result = await importDataset(db, { name: 'CHS-DRG 2.0', year: 2025 }, paths);
    if (!result.ok) expect.fail(result.errors.slice(0, 5).map((e) => formatRowError(e)).join('\n'));
    const drgs = listCatalog(db, result.datasetId);
    expect(drgs).toHaveLength(634);
    expect(drgs[0]).toMatchObject({ code: 'AA19', name: '心肺移植', mdc: 'MDCA', weight: 18.2858, adrg: 'AA1', drgType: 'surgical' });
    expect(drgs.every((d) => d.weight === null || d.weight > 0)).toBe(true);
  });
});
