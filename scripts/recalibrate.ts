/**
 * 权重测算 from files (ANALYSIS.md §C):
 *   npm run recalibrate -- --hospitals H --catalog C --cases K --round R.json
 *     [--trim iqr|iqr:K|pct:LO:HI|logsd:K|none] [--min-cases N] [--blend A] [--cap X]
 *     [--recentre total_points|cmi1|none] --out new-round.json [--report report.xlsx]
 * The files are read and checked exactly as `npm run settle` reads them (CSV or XLSX; the same row errors).
 * Exit 0 with new-round.json (and the report) written; 1 on bad input (every error on stderr, nothing written);
 * 2 on bad arguments or option values (the option, the value and why; nothing read or written).
 */
import { rm, writeFile } from 'node:fs/promises';
import { formatRowError, omittedErrors, readDatasetFiles } from '@/server/import';
import {
  DEFAULT_OPTIONS,
  parseTrimMethod,
  recalibrate,
  recalibratedRoundParams,
  recalibrationOptionsSchema,
  type RecalibrationOptions,
  type Recalibration,
} from '@/worker/recalibration';
import { commandOptions, runAsScript } from './command-line';
import { readRound } from './settle';
import { recalibrationReport } from './recalibration-report';

const USAGE =
  'usage: npm run recalibrate -- --hospitals H.csv --catalog C.csv --cases K.csv --round R.json [--trim iqr|iqr:K|pct:LO:HI|logsd:K|none] [--min-cases N] [--blend A] [--cap X] [--recentre total_points|cmi1|none] --out new-round.json [--report report.xlsx]';

interface Args {
  files: { hospitals: string; catalog: string; cases: string };
  round: string;
  out: string;
  report: string | null;
  options: RecalibrationOptions;
}

const OPTION_KEYS: Record<string, keyof RecalibrationOptions> = { 'min-cases': 'minCases', blend: 'blend', cap: 'cap', recentre: 'recentre' };

/** A number option as written: plain decimal digits (no hex, no exponent, no blanks), else NaN (refused below). */
function numberOption(text: string): number {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** The options from their flags, or the reasons they are refused (each naming the flag and the value). */
function optionsOf(values: Record<string, string | undefined>): { ok: true; options: RecalibrationOptions } | { ok: false; reasons: string[] } {
  const reasons: string[] = [];
  let trim = DEFAULT_OPTIONS.trim;
  if (values.trim !== undefined) {
    const parsed = parseTrimMethod(values.trim);
    if (parsed.ok) trim = parsed.value;
    else reasons.push(`--trim ${values.trim}: ${parsed.reason}`);
  }
  const candidate = {
    ...DEFAULT_OPTIONS,
    trim,
    ...(values['min-cases'] !== undefined ? { minCases: numberOption(values['min-cases']) } : {}),
    ...(values.blend !== undefined ? { blend: numberOption(values.blend) } : {}),
    ...(values.cap !== undefined ? { cap: numberOption(values.cap) } : {}),
    ...(values.recentre !== undefined ? { recentre: values.recentre } : {}),
  };
  const parsed = recalibrationOptionsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (key === 'trim') continue; // said above
      const flag = Object.keys(OPTION_KEYS).find((f) => OPTION_KEYS[f] === key) ?? key;
      const message = key === 'recentre' ? '须为 total_points、cmi1 或 none / must be total_points, cmi1 or none' : issue.message;
      reasons.push(`--${flag} ${values[flag] ?? ''}: ${message}`);
    }
  }
  return reasons.length || !parsed.success ? { ok: false, reasons } : { ok: true, options: parsed.data };
}

const OPTIONS = ['hospitals', 'catalog', 'cases', 'round', 'out', 'report', 'trim', 'min-cases', 'blend', 'cap', 'recentre'] as const;

function parseCommandLine(argv: string[]): { ok: true; args: Args } | { ok: false; lines: string[] } {
  const command = commandOptions(argv, OPTIONS, ['hospitals', 'catalog', 'cases', 'round', 'out'], USAGE);
  if (!command.ok) return command;
  const { hospitals, catalog, cases, round, out, report } = command.values;
  const options = optionsOf(command.values);
  if (!options.ok) return { ok: false, lines: [...options.reasons, USAGE] };
  return { ok: true, args: { files: { hospitals, catalog, cases }, round, out, report: report ?? null, options: options.options } };
}

function summaryLine(result: Recalibration): string {
  const { summary } = result;
  const cmi = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  return (
    `recalibrated ${summary.drgs} DRGs from ${summary.usedCases} cases (${summary.eligibleDrgs} with enough cases; M = ${summary.pooledMean?.toFixed(2) ?? '—'} yuan, s = ${summary.scale.toFixed(6)}); ` +
    `CMI ${cmi(summary.cmiBefore)} → ${cmi(summary.cmiAfter)}; flags: ${Object.entries(summary.flagged).map(([f, n]) => `${f} ${n}`).join(', ')}`
  );
}

export async function runRecalibrate(argv: string[], stderr: (line: string) => void, stdout: (line: string) => void = () => {}): Promise<number> {
  const command = parseCommandLine(argv);
  if (!command.ok) {
    for (const line of command.lines) stderr(line);
    return 2;
  }
  const { args } = command;
  const [data, round] = await Promise.all([readDatasetFiles(args.files), readRound(args.round)]);
  if (!data.ok) {
    for (const error of data.errors) stderr(`${formatRowError(error)}\n  ${formatRowError(error, 'zh')}`);
    const omitted = omittedErrors(data);
    if (omitted) stderr(`${omitted.en} / ${omitted.zh}`);
  }
  if (!round.ok) for (const line of round.lines) stderr(line);
  if (!data.ok || !round.ok) {
    stderr('recalibrate failed: bad input, nothing written / 输入有误，未写出任何文件');
    return 1;
  }
  const result = recalibrate(data.bundle, round.params, args.options);
  const newRound = `${JSON.stringify(recalibratedRoundParams(round.params, result), null, 1)}\n`;
  // everything is computed before anything is written
  const report = args.report ? await recalibrationReport(result, { ...args.files, round: args.round }) : null;
  const written: string[] = [];
  try {
    await writeFile(args.out, newRound);
    written.push(args.out);
    if (args.report && report) await writeFile(args.report, report);
  } catch (error) {
    // a report that cannot be written takes the new round with it: all or nothing
    await Promise.all(written.map((file) => rm(file, { force: true })));
    stderr(`${(error as Error).message}\nrecalibrate failed: cannot write the output, nothing written / 无法写出文件，未写出任何文件`);
    return 1;
  }
  stdout(summaryLine(result));
  return 0;
}

runAsScript(/recalibrate\.ts$/, runRecalibrate);
