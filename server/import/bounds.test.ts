/**
 * The import takes what a round may set (worker/settlement/bounds.ts): a weight, coefficient, benchmark cost or
 * score that the editor would refuse is refused in the file, naming file, row, column and the range.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetBuffers, type DatasetBuffers } from '@/server/import';

const valid = path.join(__dirname, 'fixtures', 'valid');
const file = (name: string, edit: (text: string) => string = (t) => t) => ({
  name,
  data: new TextEncoder().encode(edit(fs.readFileSync(path.join(valid, name), 'utf8'))),
});

describe('bounds of the file values', () => {
  it('reads the valid files', async () => {
    const files: DatasetBuffers = { hospitals: file('hospitals.csv'), catalog: file('catalog.csv'), cases: file('cases.csv') };
    expect((await readDatasetBuffers(files)).ok).toBe(true);
  });

  it('refuses a weight above 100, a coefficient above 3, a score above 100 and a benchmark cost above 1,000 万元', async () => {
    const files: DatasetBuffers = {
      hospitals: file('hospitals.csv', (t) => t.replace('H001,市第一人民医院,3,,92,', 'H001,市第一人民医院,3,3.5,120,')),
      catalog: file('catalog.csv', (t) => t.replace('FM19,经皮冠状动脉支架植入,MDCF,3.3,26400,', 'FM19,经皮冠状动脉支架植入,MDCF,330,26400000,')),
      cases: file('cases.csv'),
    };
    const result = await readDatasetBuffers(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.errors.map((e) => `${e.file}:${e.row}:${e.column}:${e.reason.zh}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'hospitals.csv:2:coefficient:应为 > 0 且 ≤ 3 的数字（当前值：3.5）',
        'hospitals.csv:2:evaluation_score:应为 0–100 的数字（当前值：120）',
        'catalog.csv:3:weight:应为 > 0 且 ≤ 100 的数字（当前值：330）',
        'catalog.csv:3:benchmark_cost:应为 > 0 且 ≤ 10,000,000 元的数字（当前值：26400000）',
      ]),
    );
  });
});
