/**
 * The recalibrate CLI (ANALYSIS.md §C): files in, new-round.json and the XLSX report out. It reproduces the
 * hand-worked example (worker/recalibration/recalibrate.test.ts) from §5 CSV files, refuses bad input with the
 * file, row and column and writes nothing, refuses bad options naming the option and why, and runs on the real
 * CHS-DRG 2.0 catalog when ../shared is present.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRoundParams, type RoundParams } from '@/worker/settlement';
import { handCsv, type HandCity } from '@/worker/settlement/testing/hand';
import { describeWithShared, SHARED_DATA_DIR } from '@/worker/settlement/testing/shared';
import { HAND_CITY, HAND_ROUND } from '@/worker/recalibration/hand-example';
import { runRecalibrate } from './recalibrate';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recalibrate-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Files {
  hospitals: string;
  catalog: string;
  cases: string;
  round: string;
}

function writeCity(name: string, city: HandCity, round: unknown): Files {
  const csv = handCsv(city);
  const base = path.join(dir, name);
  fs.mkdirSync(base, { recursive: true });
  const files = { hospitals: path.join(base, 'hospitals.csv'), catalog: path.join(base, 'catalog.csv'), cases: path.join(base, 'cases.csv'), round: path.join(base, 'round.json') };
  fs.writeFileSync(files.hospitals, csv.hospitals);
  fs.writeFileSync(files.catalog, csv.catalog);
  fs.writeFileSync(files.cases, csv.cases);
  fs.writeFileSync(files.round, JSON.stringify(round));
  return files;
}

interface Run {
  code: number;
  stderr: string[];
  stdout: string[];
  out: string;
  report: string;
}

async function cli(files: Files, name: string, extra: string[] = []): Promise<Run> {
  const out = path.join(dir, `${name}-round.json`);
  const report = path.join(dir, `${name}-report.xlsx`);
  const stderr: string[] = [];
  const stdout: string[] = [];
  const argv = ['--hospitals', files.hospitals, '--catalog', files.catalog, '--cases', files.cases, '--round', files.round, '--out', out, '--report', report, ...extra];
  const code = await runRecalibrate(argv, (line) => stderr.push(line), (line) => stdout.push(line));
  return { code, stderr, stdout, out, report };
}

const readRound = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as RoundParams;

async function readReport(file: string): Promise<{ headers: unknown[]; rows: Record<string, ExcelJS.Cell>[]; table: ExcelJS.Worksheet; about: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.getWorksheet('权重测算')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [String(h), row.getCell(i + 1)])));
  });
  return { headers, rows, table: ws, about: workbook.getWorksheet('说明')! };
}

describe('recalibrate CLI on the hand-worked example', () => {
  it('writes the new round: every catalog DRG with a weight, the rest of the round kept', async () => {
    const run = await cli(writeCity('hand', HAND_CITY, HAND_ROUND), 'hand');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const round = readRound(run.out);
    expect(round.weights).toEqual({ A: 0.5666, B: 1.1332, C: 0.1673, D: 0.6691 });
    expect(round.benchmark_costs).toEqual({ A: 2125, B: 3000, C: 700, D: 1500 });
    expect(round.budget).toEqual(HAND_ROUND.budget);
    expect(parseRoundParams(round).ok).toBe(true);
    expect(run.stdout.join('\n')).toMatch(/recalibrated 4 DRGs from 26 cases .*few_cases 2/);
  });

  it('writes the report: one row per DRG, the §C.7 columns by name, numbers as numbers with formats', async () => {
    const run = await cli(writeCity('hand-report', HAND_CITY, HAND_ROUND), 'hand-report');
    const { headers, rows, table, about } = await readReport(run.report);
    expect(headers.slice(0, 12)).toEqual(['drg_code', 'name', 'cases', 'kept', 'mean', 'median', 'trimmed_mean', 'cv', 'current_weight', 'new_weight', 'change', 'flags']);
    expect(rows.map((r) => r.drg_code!.value)).toEqual(['A', 'B', 'C', 'D']);
    const a = rows[0]!;
    expect([a.cases!.value, a.kept!.value, a.mean!.value, a.median!.value, a.trimmed_mean!.value]).toEqual([12, 11, 2125, 1550, 1500]);
    expect([a.current_weight!.value, a.new_weight!.value]).toEqual([0.5, 0.5666]);
    expect(a.change!.value).toBeCloseTo(0.5666 / 0.5 - 1, 12);
    expect(a.cv!.value).toBeCloseTo(Math.sqrt(100000) / 1500, 12);
    expect(a.flags!.value).toBe('change_over_10pct');
    expect(rows[2]!.flags!.value).toBe('few_cases,change_over_10pct');
    expect(rows[3]!.mean!.value).toBeNull();
    expect([a.new_weight!.numFmt, a.change!.numFmt, a.mean!.numFmt]).toEqual(['0.0000', '+0.0%;-0.0%;0.0%', '#,##0.00']);
    expect(JSON.stringify(table.getCell(1, 1).note)).toMatch(/DRG编码/);
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain('--trim iqr:1.5 --min-cases 10 --blend 1 --recentre total_points');
    expect(aboutText).toContain('纳入病例数');
  });

  it('applies every option of §C', async () => {
    const files = writeCity('options', HAND_CITY, HAND_ROUND);
    expect(readRound((await cli(files, 'cap', ['--cap', '0.1'])).out).weights).toEqual({ A: 0.5019, B: 1.2047, C: 0.1825, D: 0.7301 });
    expect(readRound((await cli(files, 'cmi1', ['--recentre', 'cmi1'])).out).weights).toEqual({ A: 0.7836, B: 1.5672, C: 0.2313, D: 0.9254 });
    expect(readRound((await cli(files, 'blend', ['--blend', '0.5', '--recentre', 'none'])).out).weights).toEqual({ A: 0.5887, B: 1.2774, C: 0.2, D: 0.8 });
    // no trim, C eligible: M = (25500 + 30000 + 2600) / 26 = 2234.62, C = 650 / M = 0.2909
    expect(readRound((await cli(files, 'trim', ['--trim', 'none', '--min-cases', '4', '--recentre', 'none'])).out).weights!.C).toBe(0.2909);
    const pct = await cli(files, 'pct', ['--trim', 'pct:10:90', '--min-cases', '8']);
    expect(pct.code).toBe(0);
    expect((await readReport(pct.report)).rows[0]!.trimmed_mean!.value).toBe(1550);
  });
});

/** Replaces line `line` (1 = header) of a CSV text. */
function withLine(text: string, line: number, replace: (row: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = replace(lines[line - 1]!);
  return lines.join('\n');
}

describe('recalibrate CLI on bad input: exit 1, every error named, nothing written', () => {
  const cases: [string, keyof Files, (text: string) => string, RegExp[]][] = [
    ['month 13', 'cases', (csv) => withLine(csv, 2, (row) => row.replace(/^(C1,H1,A,)1,/, '$113,')), [/^cases\.csv:2 month: .*1–12.*13/, /cases\.csv 第 2 行 month：/]],
    ['an unknown hospital', 'cases', (csv) => withLine(csv, 3, (row) => row.replace(',H2,', ',H9,')), [/^cases\.csv:3 hospital_code: unknown hospital_code H9/]],
    ['a negative weight', 'catalog', (csv) => withLine(csv, 2, (row) => row.replace(',0.5,', ',-0.5,')), [/^catalog\.csv:2 weight: /]],
    ['a round that is not JSON', 'round', () => '{"method": "points",', [/round\.json: not valid JSON/]],
    ['a round with a bad weight', 'round', () => JSON.stringify({ method: 'points', weights: { A: 0 } }), [/round\.json: weights\.A: must be greater than 0/]],
  ];

  it.each(cases)('%s', async (name, file, edit, patterns) => {
    const files = writeCity(`bad-${name}`, HAND_CITY, HAND_ROUND);
    fs.writeFileSync(files[file], edit(fs.readFileSync(files[file], 'utf8')));
    const run = await cli(files, `bad-${name}`);
    expect(run.code).toBe(1);
    for (const pattern of patterns) expect(run.stderr.some((line) => line.split('\n').some((l) => pattern.test(l.trim()))), `${pattern} in ${JSON.stringify(run.stderr)}`).toBe(true);
    expect(run.stderr.at(-1)).toMatch(/nothing written/);
    expect(fs.existsSync(run.out)).toBe(false);
    expect(fs.existsSync(run.report)).toBe(false);
  });

  it('a missing file is named', async () => {
    const files = writeCity('missing', HAND_CITY, HAND_ROUND);
    const run = await cli({ ...files, cases: path.join(dir, 'missing', 'nope.csv') }, 'missing');
    expect(run.code).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/nope\.csv.*not found/);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it('a report that cannot be written leaves no new round behind', async () => {
    const files = writeCity('unwritable', HAND_CITY, HAND_ROUND);
    const out = path.join(dir, 'unwritable-round.json');
    const stderr: string[] = [];
    const argv = ['--hospitals', files.hospitals, '--catalog', files.catalog, '--cases', files.cases, '--round', files.round, '--out', out, '--report', path.join(dir, 'no-such-dir', 'r.xlsx')];
    expect(await runRecalibrate(argv, (line) => stderr.push(line))).toBe(1);
    expect(stderr.join('\n')).toMatch(/cannot write the output, nothing written/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('recalibrate CLI arguments: exit 2, the option and why, nothing written', () => {
  const files = () => writeCity('args', HAND_CITY, HAND_ROUND);
  it.each([
    [['--trim', 'mad:3'], /--trim mad:3: .*not one of iqr \| iqr:K \| pct:LO:HI \| logsd:K \| none/],
    [['--trim', 'pct:90:10'], /--trim pct:90:10: .*LO must be less than HI/],
    [['--min-cases', '0'], /--min-cases 0: .*at least 1/],
    [['--min-cases', 'ten'], /--min-cases ten: /],
    [['--blend', '1.5'], /--blend 1\.5: 混合比例须在 0–1 之间 \/ blend must be from 0 to 1/],
    [['--cap=-0.1'], /--cap -0\.1: .*cap must be from 0 to 10/],
    [['--recentre', 'cmi'], /--recentre cmi: .*must be total_points, cmi1 or none/],
    [['--bogus', '1'], /Unknown option '--bogus'/],
  ])('%j', async (extra, pattern) => {
    const run = await cli(files(), `args-${extra.join('')}`, extra);
    expect(run.code).toBe(2);
    expect(run.stderr.join('\n')).toMatch(pattern);
    expect(run.stderr.join('\n')).toMatch(/usage: npm run recalibrate/);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it('a missing --out gives the usage', async () => {
    const stderr: string[] = [];
    expect(await runRecalibrate(['--hospitals', 'h.csv'], (line) => stderr.push(line))).toBe(2);
    expect(stderr.join('\n')).toMatch(/usage: npm run recalibrate/);
  });
});

const CHS_GROUPS = path.join(SHARED_DATA_DIR, 'chs_drg_2.0_groups.csv');

describeWithShared('recalibrate CLI on the real CHS-DRG 2.0 catalog (../shared/data)', CHS_GROUPS, () => {
  it('recalibrates the 634 DRGs from cases generated from their imputed weights', async () => {
    const read = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(path.join(SHARED_DATA_DIR, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const weights = new Map(read('chs_drg_2.0_rw_imputed_from_harbin.csv').map((r) => [r.drg_code!, Number(r.rw_imputed)]));
    const groups = read('chs_drg_2.0_groups.csv');
    const catalog = groups.map((g) => ({ code: g.drg_code!, weight: weights.get(g.drg_code!) ?? null, benchmark: Math.round((weights.get(g.drg_code!) ?? 1) * 12000) }));
    // 12 cases per DRG around weight × 10 000 yuan (a deterministic spread): enough for --min-cases 10
    const cases = catalog.flatMap((d, i) => Array.from({ length: 12 }, (_, c) => ({ hospital: c % 2 ? 'H1' : 'H2', drg: d.code, cost: Math.round((d.weight ?? 1) * 10000 * (0.8 + 0.4 * (((c * 7 + i) % 12) / 11)) * 100) / 100 })));
    const files = writeCity('chs', { hospitals: HAND_CITY.hospitals, catalog, cases }, { method: 'points' });
    // the real names, not "DRG code"
    fs.writeFileSync(files.catalog, Papa.unparse(groups.map((g, i) => ({ drg_code: g.drg_code, name: g.drg_name, mdc: g.mdc_code, weight: catalog[i]!.weight ?? '', benchmark_cost: catalog[i]!.benchmark }))));
    const run = await cli(files, 'chs');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const withWeight = catalog.filter((d) => d.weight !== null).length;
    expect(Object.keys(readRound(run.out).weights!)).toHaveLength(withWeight);
    const { rows } = await readReport(run.report);
    expect(rows).toHaveLength(withWeight);
    expect(rows[0]!.name!.value).toBe(groups[0]!.drg_name);
    // every DRG's costs are the same spread around weight × 10 000: the new weights are the imputed ones (to 4 decimals ± re-centring)
    for (const row of rows) expect(Number(row.new_weight!.value) / Number(row.current_weight!.value)).toBeCloseTo(1, 3);
  });
});
