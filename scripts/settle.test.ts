/**
 * The settle CLI (SETTLEMENT.md §7): files in, result.json out. It reproduces the worked tiny-city rounds and every
 * hand-checked rule fixture of the engine (written as §5 CSV files), and refuses bad input with row-level errors
 * and no output file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_FIXTURES } from '@/worker/settlement/fixtures';
import { CATALOG } from '@/worker/settlement/fixtures/city';
import type { ContractResult } from '@/worker/settlement';
import { contractMismatches, expectationOf } from '@/worker/settlement/testing/contract-check';
import { handCsv, type HandCity } from '@/worker/settlement/testing/hand';
import { describeWithShared, readJson, TINY_CITY_DIR, TINY_CITY_ROUNDS, tinyCityFiles } from '@/worker/settlement/testing/shared';
import { runSettle } from './settle';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settle-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stderr: string[];
  out: string;
}

async function settleCli(files: { hospitals: string; catalog: string; cases: string; round: string }, name: string): Promise<Run> {
  const out = path.join(dir, `${name}-result.json`);
  const stderr: string[] = [];
  const argv = ['--hospitals', files.hospitals, '--catalog', files.catalog, '--cases', files.cases, '--round', files.round, '--out', out];
  const code = await runSettle(argv, (line) => stderr.push(line));
  return { code, stderr, out };
}

/** Writes a hand city and a round as §5/§6 files under `name`; returns their paths. */
function writeCity(name: string, city: HandCity, round: unknown) {
  const csv = handCsv(city);
  const base = path.join(dir, name);
  fs.mkdirSync(base, { recursive: true });
  const files = {
    hospitals: path.join(base, 'hospitals.csv'),
    catalog: path.join(base, 'catalog.csv'),
    cases: path.join(base, 'cases.csv'),
    round: path.join(base, 'round.json'),
  };
  fs.writeFileSync(files.hospitals, csv.hospitals);
  fs.writeFileSync(files.catalog, csv.catalog);
  fs.writeFileSync(files.cases, csv.cases);
  fs.writeFileSync(files.round, JSON.stringify(round));
  return files;
}

const readResult = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ContractResult;

describeWithShared('settle CLI on tiny-city (../shared/examples)', tinyCityFiles().cases, () => {
  it.each(TINY_CITY_ROUNDS)('round-%s.json → its expected-*.json', async (name) => {
    const run = await settleCli({ ...tinyCityFiles(), round: path.join(TINY_CITY_DIR, `round-${name}.json`) }, `tiny-${name}`);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    const expected = readJson(path.join(TINY_CITY_DIR, `expected-${name}.json`)) as Parameters<typeof expectationOf>[0];
    expect(contractMismatches(readResult(run.out), expectationOf(expected))).toEqual([]);
  });
});

describe('settle CLI reproduces every hand-checked rule fixture', () => {
  it.each(RULE_FIXTURES.map((f, i) => [f.name, f, i] as const))('%s', async (_, fixture, i) => {
    const run = await settleCli(writeCity(`rule-${i}`, fixture.city, fixture.round), `rule-${i}`);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(contractMismatches(readResult(run.out), fixture.expect)).toEqual([]);
  });
});

const goodCity: HandCity = {
  hospitals: [
    { code: 'H1', level: 3, score: 92 },
    { code: 'H2', level: 2 },
  ],
  catalog: CATALOG,
  cases: [
    { hospital: 'H1', drg: 'A', cost: 10000, pay: 2000 },
    { hospital: 'H2', drg: 'B', cost: 20000, pay: 5000, month: 2, pool: 'resident' },
  ],
};
const goodRound = { method: 'points', budget: { employee: 10000, resident: 15000 } };

/** Replaces line `line` (1 = header) of a CSV text. */
function withLine(text: string, line: number, replace: (row: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = replace(lines[line - 1]!);
  return lines.join('\n');
}

describe('settle CLI on bad input: exit 1, every error on stderr, no result written', () => {
  it('writes a result for the good city (the base of the broken ones)', async () => {
    const run = await settleCli(writeCity('good', goodCity, goodRound), 'good');
    expect(run.code).toBe(0);
    expect(readResult(run.out).hospitals.map((h) => `${h.pool}/${h.hospital_code}`)).toEqual(['employee/H1', 'resident/H2']);
  });

  const cases: [string, 'hospitals' | 'catalog' | 'cases', (csv: string) => string, RegExp[]][] = [
    ['month 13', 'cases', (csv) => withLine(csv, 2, (row) => row.replace(',A,1,', ',A,13,')), [/^cases\.csv:2 month: .*1–12.*13/]],
    ['an unknown hospital', 'cases', (csv) => withLine(csv, 3, (row) => row.replace(',H2,', ',H9,')), [/^cases\.csv:3 hospital_code: unknown hospital_code H9/]],
    ['a negative cost', 'cases', (csv) => withLine(csv, 2, (row) => row.replace(',10000,', ',-10000,')), [/^cases\.csv:2 total_cost: must be a number from 0 to 10,000,000 yuan/]],
    ['a duplicate case_id', 'cases', (csv) => withLine(csv, 3, (row) => row.replace(/^C2,/, 'C1,')), [/^cases\.csv:3 case_id: duplicate case_id C1 \(first at row 2\)/]],
    ['an unknown pool', 'cases', (csv) => withLine(csv, 2, (row) => row.replace(',employee,', ',private,')), [/^cases\.csv:2 pool: /]],
    ['a bad level', 'hospitals', (csv) => withLine(csv, 2, (row) => row.replace(',3,', ',4,')), [/^hospitals\.csv:2 level: must be 1, 2, 3/]],
    [
      'two bad rows: both are reported',
      'cases',
      (csv) => withLine(withLine(csv, 2, (row) => row.replace(',A,1,', ',A,0,')), 3, (row) => row.replace(',10,', ',x,')),
      [/^cases\.csv:2 month: /, /^cases\.csv:3 los: /],
    ],
  ];

  it.each(cases)('%s', async (name, file, edit, patterns) => {
    const files = writeCity(`bad-${name}`, goodCity, goodRound);
    fs.writeFileSync(files[file], edit(fs.readFileSync(files[file], 'utf8')));
    const run = await settleCli(files, `bad-${name}`);
    expect(run.code).toBe(1);
    for (const pattern of patterns) expect(run.stderr.some((line) => pattern.test(line)), `${pattern} in ${JSON.stringify(run.stderr)}`).toBe(true);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it('a round with a negative weight names the JSON path', async () => {
    const files = writeCity('bad-round', goodCity, { ...goodRound, weights: { A: -1 }, high_bands: [{ rw_max: 1, multiple: 0.5 }] });
    const run = await settleCli(files, 'bad-round');
    expect(run.code).toBe(1);
    expect(run.stderr.some((line) => /round\.json: weights\.A: must be greater than 0/.test(line))).toBe(true);
    expect(run.stderr.some((line) => /round\.json: high_bands\[0\]\.multiple: /.test(line))).toBe(true);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it('a round that is not JSON, or has no method, or an unknown key', async () => {
    const files = writeCity('bad-round-2', goodCity, goodRound);
    fs.writeFileSync(files.round, '{"method": "points",');
    expect((await settleCli(files, 'not-json')).stderr.join('\n')).toMatch(/round\.json: not valid JSON/);
    fs.writeFileSync(files.round, JSON.stringify({ budget: { employee: 1 }, budgit: 3 }));
    const run = await settleCli(files, 'no-method');
    expect(run.code).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/round\.json: method: /);
    expect(run.stderr.join('\n')).toMatch(/round\.json: budgit: unknown parameter/);
    expect(fs.existsSync(run.out)).toBe(false);
  });

  it('a missing file is named', async () => {
    const files = writeCity('missing', goodCity, goodRound);
    const run = await settleCli({ ...files, cases: path.join(dir, 'missing', 'nope.csv') }, 'missing');
    expect(run.code).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/nope\.csv.*not found/);
  });
});

describe('settle CLI arguments', () => {
  it('exits 2 with the usage when an argument is missing', async () => {
    const stderr: string[] = [];
    expect(await runSettle(['--hospitals', 'h.csv', '--catalog', 'c.csv'], (line) => stderr.push(line))).toBe(2);
    expect(stderr.join('\n')).toMatch(/usage: npm run settle/);
  });

  it('exits 2 on an unknown option', async () => {
    const stderr: string[] = [];
    expect(await runSettle(['--hospitalz', 'h.csv'], (line) => stderr.push(line))).toBe(2);
    expect(stderr.join('\n')).toMatch(/usage: npm run settle/);
  });
});
