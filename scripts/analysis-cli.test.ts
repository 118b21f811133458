/**
 * The decompose and solve CLIs (ANALYSIS.md §A.5, §B): files in, JSON out, read as `npm run settle` reads them.
 * decompose: the tiny-city points → rate rounds, parts adding up to each row's change, the same as the engine's;
 * solve: a hand-worked rate, the solved round settled again by the settle CLI, exit 3 with nothing written in a
 * jump and out of range, bad input and arguments refused with nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettlementEngine, type ContractResult } from '@/worker/settlement';
import { decompose, type Decomposition } from '@/worker/analysis';
import { handCsv, handData, type HandCity } from '@/worker/settlement/testing/hand';
import { describeWithShared, readJson, TINY_CITY_DIR, tinyCityFiles } from '@/worker/settlement/testing/shared';
import { readDatasetFiles } from '@/server/import';
import { runDecompose } from './decompose';
import { runSettle } from './settle';
import { runSolve, UNREACHABLE_EXIT } from './solve';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stderr: string[];
  stdout: string[];
}

async function run(main: typeof runSolve, argv: string[]): Promise<Run> {
  const stderr: string[] = [];
  const stdout: string[] = [];
  const code = await main(argv, (line) => stderr.push(line), (line) => stdout.push(line));
  return { code, stderr, stdout };
}

/** The city's three CSV files, a JSON file per round (by key), and where the output goes. */
function writeCity(name: string, city: HandCity, rounds: Record<string, unknown>): Record<string, string | undefined> & { hospitals: string; catalog: string; cases: string; out: string } {
  const csv = handCsv(city);
  const base = path.join(dir, name);
  fs.mkdirSync(base, { recursive: true });
  const files = { hospitals: path.join(base, 'hospitals.csv'), catalog: path.join(base, 'catalog.csv'), cases: path.join(base, 'cases.csv') };
  fs.writeFileSync(files.hospitals, csv.hospitals);
  fs.writeFileSync(files.catalog, csv.catalog);
  fs.writeFileSync(files.cases, csv.cases);
  const roundFiles: Record<string, string> = Object.fromEntries(Object.keys(rounds).map((key) => [key, path.join(base, `${key}.json`)]));
  for (const [key, round] of Object.entries(rounds)) fs.writeFileSync(roundFiles[key]!, typeof round === 'string' ? round : JSON.stringify(round));
  return { ...files, ...roundFiles, out: path.join(base, 'out.json') };
}

const dataArgs = (files: { hospitals: string; catalog: string; cases: string }) => ['--hospitals', files.hospitals, '--catalog', files.catalog, '--cases', files.cases];
const fen = (yuan: number) => Math.round(yuan * 100);

describeWithShared('decompose CLI on tiny-city (../shared/examples)', tinyCityFiles().cases, () => {
  it('round-points → round-rate: §A.5 rows in §7 order, parts adding up to each change, as the engine decomposes', async () => {
    const out = path.join(dir, 'tiny-decomposition.json');
    const from = path.join(TINY_CITY_DIR, 'round-points.json');
    const to = path.join(TINY_CITY_DIR, 'round-rate.json');
    const result = await run(runDecompose, [...dataArgs(tinyCityFiles()), '--from', from, '--to', to, '--out', out]);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    const written = readJson(out) as Decomposition;
    expect(Object.keys(written)).toEqual(['families', 'hospitals', 'totals']);
    expect(written.families).toEqual(['weights', 'rates', 'coefficients', 'case_rules', 'clearing']);
    expect(written.hospitals.map((row) => `${row.pool}/${row.hospital_code}`)).toEqual(['employee/H001', 'employee/H002', 'employee/H003', 'resident/H001', 'resident/H002', 'resident/H003']);
    for (const row of written.hospitals) {
      for (const figure of ['settlement', 'fund_payment'] as const) {
        expect(Object.values(row.parts[figure]).reduce((sum, part) => sum + fen(part), 0)).toBe(fen(row.change[figure]));
        // points → rate changes only the rates family
        expect(row.parts[figure].rates).toBe(row.change[figure]);
      }
    }
    const data = await readDatasetFiles(tinyCityFiles());
    if (!data.ok) throw new Error('tiny-city does not read');
    const direct = decompose(createSettlementEngine(data.bundle), data.bundle, readJson(from) as never, readJson(to) as never);
    expect(written.hospitals).toEqual(direct.hospitals);
    expect(written.totals).toEqual(direct.totals);
    // the reported figures are the settle CLI's
    const settled = path.join(dir, 'tiny-rate.json');
    expect(await runSettle([...dataArgs(tinyCityFiles()), '--round', to, '--out', settled], () => {})).toBe(0);
    const rate = readJson(settled) as ContractResult;
    expect(written.hospitals.map((row) => row.to.settlement)).toEqual(rate.hospitals.map((row) => row.settlement));
  });
});

// SETTLEMENT.md §4.2/§4.3 by hand: one RW-1 case costing 10 000 at a 三级 hospital (k 1) with score 0 (no
// incentive); B = rate. Above cost B is kept whole: S = rate. Below, the fund shares 70 % of the overspend while
// it is ≤ 10 % of B, 50 % while ≤ 20 %: S jumps from 5 000 + 0.5 B to 7 000 + 0.3 B at B = 10 000 ÷ 1.1.
const oneCase: HandCity = { hospitals: [{ code: 'H1', level: 3, score: 0 }], catalog: [{ code: 'A', weight: 1, benchmark: 10000 }], cases: [{ hospital: 'H1', drg: 'A', cost: 10000 }] };
const rateRound = { method: 'rate', rate: { employee: 8000 }, budget: { employee: 1000000 } };

describe('solve CLI', () => {
  it('settlement 12 000 → rate.employee = 12 000; the solved round settles to it again', async () => {
    const files = writeCity('solve-ok', oneCase, { round: rateRound });
    const result = await run(runSolve, [...dataArgs(files), '--round', files.round!, '--lever', 'rate.employee', '--target', 'settlement.employee', '--value', '12000', '--out', files.out]);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toHaveLength(1);
    expect(result.stdout[0]).toMatch(/^rate\.employee = 12000(\.0*\d+)?; settlement\.employee = 12000(\.\d+)? \(residual -?[0-9.e-]+\)$/);
    const solved = readJson(files.out) as typeof rateRound;
    expect(solved.rate.employee).toBeCloseTo(12000, 6);
    expect(solved.budget).toEqual(rateRound.budget);
    const settled = path.join(dir, 'solve-ok-settled.json');
    expect(await runSettle([...dataArgs(files), '--round', files.out, '--out', settled], () => {})).toBe(0);
    expect(Math.abs((readJson(settled) as ContractResult).hospitals[0]!.settlement - 12000)).toBeLessThanOrEqual(0.01);
  });

  it('a target inside a jump exits 3, names the closest values on both sides, writes nothing', async () => {
    const files = writeCity('solve-jump', oneCase, { round: rateRound });
    const result = await run(runSolve, [...dataArgs(files), '--round', files.round!, '--lever', 'rate.employee', '--target', 'settlement.employee', '--value', '9600', '--out', files.out]);
    expect(result.code).toBe(UNREACHABLE_EXIT);
    expect(result.stdout).toEqual([]);
    const said = result.stderr.join('\n');
    expect(said).toMatch(/jumps/);
    expect(said).toMatch(/rate\.employee = 9090\.90\d* gives settlement\.employee = 9545\.45\d* \(below the target\)/);
    expect(said).toMatch(/rate\.employee = 9090\.90\d* gives settlement\.employee = 9727\.27\d* \(above the target\)/);
    expect(fs.existsSync(files.out)).toBe(false);
  });

  it('out of range exits 3: no rate in (0, 10^7] pays 2 × 10^7', async () => {
    const files = writeCity('solve-range', oneCase, { round: rateRound });
    const result = await run(runSolve, [...dataArgs(files), '--round', files.round!, '--lever', 'rate.employee', '--target', 'settlement.employee', '--value', '2e7', '--out', files.out]);
    expect(result.code).toBe(UNREACHABLE_EXIT);
    expect(result.stderr.join('\n')).toMatch(/no value of rate\.employee in \(0, 10000000\] reaches settlement\.employee = 20000000/);
    expect(fs.existsSync(files.out)).toBe(false);
  });

  it.each([
    ['an unknown lever', ['--lever', 'rates.employee', '--target', 'settlement.employee', '--value', '1'], 2, /unknown lever "rates\.employee"/],
    ['an unknown hospital', ['--lever', 'hospital_coefficients.H9', '--target', 'settlement.employee', '--value', '1'], 2, /no hospital "H9"/],
    ['a bad target', ['--lever', 'rate.employee', '--target', 'settlement.nobody', '--value', '1'], 2, /pool must be employee or resident/],
    ['a value that is not a number', ['--lever', 'rate.employee', '--target', 'settlement.employee', '--value', '12k'], 2, /--value 12k: .*must be a number/],
    ['a point value target in 费率法', ['--lever', 'budget.employee', '--target', 'point_value.employee', '--value', '1'], 2, /needs a 费率法|point_value target needs/],
    ['a missing flag', ['--lever', 'rate.employee', '--target', 'settlement.employee'], 2, /usage: npm run solve/],
  ])('%s: refused, nothing written', async (name, flags, code, says) => {
    const files = writeCity(`solve-bad-${name}`, oneCase, { round: rateRound });
    const result = await run(runSolve, [...dataArgs(files), '--round', files.round!, ...flags, '--out', files.out]);
    expect(result.code).toBe(code);
    expect(result.stderr.join('\n')).toMatch(says);
    expect(fs.existsSync(files.out)).toBe(false);
  });

  it('bad input files: exit 1 with the row error, nothing written', async () => {
    const files = writeCity('solve-bad-input', oneCase, { round: { method: 'rate', rate: { employee: -1 } } });
    fs.writeFileSync(files.cases, fs.readFileSync(files.cases, 'utf8').replace(',A,1,', ',A,13,'));
    const result = await run(runSolve, [...dataArgs(files), '--round', files.round!, '--lever', 'rate.employee', '--target', 'settlement.employee', '--value', '1', '--out', files.out]);
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toMatch(/cases\.csv:2 month: /);
    expect(result.stderr.join('\n')).toMatch(/round\.json: rate\.employee: must be greater than 0/);
    expect(fs.existsSync(files.out)).toBe(false);
  });
});

describe('decompose CLI on bad input', () => {
  it('a bad round: exit 1, the JSON path named, nothing written; a missing flag: exit 2', async () => {
    const files = writeCity('decompose-bad', oneCase, { from: rateRound, to: '{"method": "rate",' });
    const result = await run(runDecompose, [...dataArgs(files), '--from', files.from!, '--to', files.to!, '--out', files.out]);
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toMatch(/to\.json: not valid JSON/);
    expect(fs.existsSync(files.out)).toBe(false);
    expect((await run(runDecompose, [...dataArgs(files), '--from', files.from!, '--out', files.out])).code).toBe(2);
  });

  it('a hand city from files equals the engine’s decomposition', async () => {
    const to = { ...rateRound, rate: { employee: 12000 }, surplus_cap: 0.1, evaluation_scores: { H1: 95 } };
    const files = writeCity('decompose-hand', oneCase, { from: rateRound, to });
    const result = await run(runDecompose, [...dataArgs(files), '--from', files.from!, '--to', files.to!, '--out', files.out]);
    expect(result.code).toBe(0);
    const data = handData(oneCase);
    const direct = decompose(createSettlementEngine(data), data, rateRound as never, to as never);
    expect((readJson(files.out) as Decomposition).hospitals).toEqual(direct.hospitals);
  });
});
