/**
 * The demo city as import files (SETTLEMENT.md §5 column names, UTF-8, header row): hospitals.csv,
 * catalog.csv, cases.csv — streamed in chunks, never one giant string — and one JSON file of full §6
 * parameters per round (round-0.json …) with rounds.json naming them in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { POOLS, type DatasetBundle } from '@/worker/settlement/types';
import type { DemoCity } from './index';
import { csvCell } from '@/app/lib/csv-cell';

const HOSPITAL_COLUMNS = ['hospital_code', 'name', 'level', 'coefficient', 'evaluation_score', 'district', 'type'];
const CATALOG_COLUMNS = ['drg_code', 'name', 'mdc', 'weight', 'benchmark_cost', 'uniform_price', 'per_diem', 'adrg', 'drg_type'];
const CASE_COLUMNS = [
  'case_id', 'hospital_code', 'drg_code', 'month', 'pool', 'total_cost', 'patient_pay', 'los', 'special_review', 'deduction',
];

/** One CSV cell, as every CSV the app writes (app/lib/csv-cell.ts): quoted when needed, never a formula. */
export { csvCell };

const line = (cells: (string | number | boolean | null)[]) => cells.map(csvCell).join(',') + '\n';

export function hospitalsCsv(bundle: DatasetBundle): string {
  const rows = bundle.hospitals.map((h) =>
    line([h.code, h.name, h.level, h.coefficient, h.evaluationScore, h.district, h.type]),
  );
  return line(HOSPITAL_COLUMNS) + rows.join('');
}

export function catalogCsv(bundle: DatasetBundle): string {
  const rows = bundle.catalog.map((d) =>
    line([d.code, d.name, d.mdc, d.weight, d.benchmarkCost, d.uniformPrice, d.perDiem, d.adrg, d.drgType]),
  );
  return line(CATALOG_COLUMNS) + rows.join('');
}

/** cases.csv in chunks of `rowsPerChunk` rows, the header first. */
export function* casesCsvChunks(bundle: DatasetBundle, rowsPerChunk = 20_000): Generator<string> {
  const c = bundle.cases;
  const codes = bundle.hospitals.map((h) => h.code);
  yield line(CASE_COLUMNS);
  let chunk: string[] = [];
  for (let i = 0; i < c.count; i++) {
    // cells need no quoting: codes, numbers and the pool names
    chunk.push(
      `${c.caseId[i]},${codes[c.hospital[i]!]},${c.drgCode[i]},${c.month[i]},${POOLS[c.pool[i]!]},` +
        `${c.totalCost[i]},${c.patientPay[i]},${c.los[i]},${c.specialReview[i]},${c.deduction[i]}\n`,
    );
    if (chunk.length === rowsPerChunk) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const stream = fs.createWriteStream(file, { encoding: 'utf8' });
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

/** Writes every file of the city into `dir` (created if needed); returns the paths written. */
export async function writeCityFiles(city: DemoCity, dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const put = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text, 'utf8');
    written.push(file);
  };
  put('hospitals.csv', hospitalsCsv(city.bundle));
  put('catalog.csv', catalogCsv(city.bundle));
  const casesFile = path.join(dir, 'cases.csv');
  await writeChunks(casesFile, casesCsvChunks(city.bundle));
  written.push(casesFile);
  city.rounds.forEach((round, i) => put(`round-${i}.json`, JSON.stringify(round.params, null, 2) + '\n'));
  const manifest = city.rounds.map((round, i) => ({
    file: `round-${i}.json`,
    name: round.name,
    reason: round.reason,
    status: round.status,
    parent: i === 0 ? null : `round-${i - 1}.json`,
  }));
  put('rounds.json', JSON.stringify(manifest, null, 2) + '\n');
  return written;
}
