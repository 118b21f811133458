import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { casesCsvChunks, catalogCsv, csvCell, hospitalsCsv, writeCityFiles } from './export';
import { generateDemoCity, type DemoCity } from './index';

/** SHA-256 of every file the city exports, cases streamed chunk by chunk. */
function cityHash(city: DemoCity): string {
  const hash = crypto.createHash('sha256');
  hash.update(hospitalsCsv(city.bundle));
  hash.update(catalogCsv(city.bundle));
  for (const chunk of casesCsvChunks(city.bundle)) hash.update(chunk);
  for (const round of city.rounds) hash.update(JSON.stringify(round));
  return hash.digest('hex');
}

describe('determinism', () => {
  it('gives byte-identical files for the same seed and size', () => {
    expect(cityHash(generateDemoCity())).toBe(cityHash(generateDemoCity()));
  });

  it('gives other cases, but the same hospitals and catalog, for another seed', () => {
    const a = generateDemoCity({ seed: 1, cases: 20_000 });
    const b = generateDemoCity({ seed: 2, cases: 20_000 });
    expect(cityHash(a)).not.toBe(cityHash(b));
    expect(hospitalsCsv(a.bundle)).toBe(hospitalsCsv(b.bundle));
    expect(a.bundle.catalog.map((e) => [e.code, e.weight])).toEqual(b.bundle.catalog.map((e) => [e.code, e.weight]));
  });
});

describe('import files', () => {
  it('quotes only cells that need it', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('心力衰竭、休克，伴严重合并症或并发症')).toBe('心力衰竭、休克，伴严重合并症或并发症');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it('writes the three tables with the §5 headers and the rounds as full parameter files', async () => {
    const city = generateDemoCity({ cases: 5_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-city-'));
    try {
      await writeCityFiles(city, dir);
      const read = (name: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, name), 'utf8'), { header: true, skipEmptyLines: true });
      const cases = read('cases.csv');
      expect(cases.meta.fields).toEqual([
        'case_id', 'hospital_code', 'drg_code', 'month', 'pool', 'total_cost', 'patient_pay', 'los', 'special_review', 'deduction',
      ]);
      expect(cases.data).toHaveLength(5_000);
      expect(cases.data[0]!.case_id).toBe(city.bundle.cases.caseId[0]);
      expect(Number(cases.data[0]!.total_cost)).toBe(city.bundle.cases.totalCost[0]);
      expect(read('hospitals.csv').meta.fields).toEqual(['hospital_code', 'name', 'level', 'coefficient', 'evaluation_score', 'district', 'type']);
      const catalog = read('catalog.csv');
      expect(catalog.meta.fields?.slice(0, 7)).toEqual(['drg_code', 'name', 'mdc', 'weight', 'benchmark_cost', 'uniform_price', 'per_diem']);
      expect(catalog.data).toHaveLength(city.bundle.catalog.length);
      const round0 = JSON.parse(fs.readFileSync(path.join(dir, 'round-0.json'), 'utf8')) as Record<string, unknown>;
      expect(round0).toEqual(city.rounds[0]!.params);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'rounds.json'), 'utf8')) as { file: string }[];
      expect(manifest.map((m) => m.file)).toEqual(city.rounds.map((_, i) => `round-${i}.json`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('independence from the real reference data', () => {
  it('never reads ../shared/data in the generator (only tests may)', () => {
    const sources = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of sources) expect(fs.readFileSync(path.join(__dirname, file), 'utf8')).not.toMatch(/shared[/\\]data/);
  });
});
