/**
 * Settles one round of one data set from files (SETTLEMENT.md §7):
 *   npm run settle -- --hospitals H.csv --catalog C.csv --cases K.csv --round R.json --out result.json
 * CSV or XLSX wherever CSV is. The files pass the same validators as `npm run import`; the round passes the same
 * schema as the workbench. Exit 0 with result.json written; 1 on bad input (every row error on stderr, nothing
 * written); 2 on bad arguments.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ENCODING_LABEL, formatRowError, omittedErrors, readDatasetFiles } from '@/server/import';
import { parseRoundParams, settle, toContractResult, type RoundParams } from '@/worker/settlement';
import { commandOptions, runAsScript } from './command-line';

const USAGE = 'usage: npm run settle -- --hospitals H.csv --catalog C.csv --cases K.csv --round R.json --out result.json';

const ARGS = ['hospitals', 'catalog', 'cases', 'round', 'out'] as const;
type Args = Record<(typeof ARGS)[number], string>;

/** The round file as parameters, or the lines that say what is wrong with it. */
export async function readRound(path: string): Promise<{ ok: true; params: RoundParams } | { ok: false; lines: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`${path}: cannot read: ${(error as Error).message}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, lines: [`${path}: not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = parseRoundParams(json);
  if (parsed.ok) return { ok: true, params: parsed.params };
  return { ok: false, lines: parsed.errors.map((e) => `${path}: ${e.path || '(round)'}: ${e.reason}`) };
}

export async function runSettle(argv: string[], stderr: (line: string) => void): Promise<number> {
  const command = commandOptions(argv, ARGS, ARGS, USAGE);
  if (!command.ok) {
    for (const line of command.lines) stderr(line);
    return 2;
  }
  const args: Args = command.values;
  const [data, round] = await Promise.all([
    readDatasetFiles({ hospitals: args.hospitals, catalog: args.catalog, cases: args.cases }),
    readRound(args.round),
  ]);
  let failed = false;
  if (!data.ok) {
    for (const error of data.errors) stderr(formatRowError(error));
    const omitted = omittedErrors(data);
    if (omitted) stderr(omitted.en);
    failed = true;
  }
  if (!round.ok) {
    for (const line of round.lines) stderr(line);
    failed = true;
  }
  if (failed || !data.ok || !round.ok) {
    stderr('settle failed: bad input, no result written');
    return 1;
  }
  // a CSV not in UTF-8 (GBK saved by Excel on Chinese Windows) is read as GB18030: said, so nobody is surprised
  for (const [table, encoding] of Object.entries(data.encodings)) {
    if (encoding === 'gb18030') stderr(`${args[table as keyof typeof data.encodings]}: read as ${ENCODING_LABEL[encoding]} / 按 GB18030 编码读取`);
  }
  const result = settle(data.bundle, round.params);
  await writeFile(args.out, `${JSON.stringify(toContractResult(result), null, 1)}\n`);
  return 0;
}

runAsScript(/settle\.ts$/, (argv, stderr) => runSettle(argv, stderr));
