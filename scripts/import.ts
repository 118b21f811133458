/**
 * Imports a data set (SETTLEMENT.md §5) into the workbench database:
 *   npm run import -- --hospitals H.csv --catalog C.csv --cases K.csv --name "2025 Qingyang" [--year 2025] [--db PATH]
 * Progress goes to stderr; so does every row error. Exit 0 when the data set was written, 1 on bad input
 * (nothing written), 2 on bad arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { ENCODING_LABEL, formatRowError, importDataset, omittedErrors, type ImportStage } from '@/server/import';

const USAGE =
  'usage: npm run import -- --hospitals H.csv --catalog C.csv --cases K.csv --name NAME [--year YYYY] [--notes TEXT] [--db PATH]';

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      hospitals: { type: 'string' },
      catalog: { type: 'string' },
      cases: { type: 'string' },
      name: { type: 'string' },
      year: { type: 'string' },
      notes: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const { hospitals, catalog, cases, name } = values;
  if (!hospitals || !catalog || !cases || !name) return null;
  // "2025 Qingyang" names its base year; otherwise this year
  const year = values.year ?? name.match(/(?:19|20)\d{2}/)?.[0] ?? String(new Date().getFullYear());
  return { paths: { hospitals, catalog, cases }, meta: { name, year, notes: values.notes ?? null }, db: values.db };
}

/** One line per stage, redrawn in place on a terminal, every 10 % otherwise. */
function progressBar(): (stage: ImportStage, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let shown = '';
  return (stage, done, total) => {
    const ratio = total > 0 ? done / total : 1;
    const filled = Math.round(ratio * 30);
    const line = `${stage.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.floor(ratio * 100)}%`;
    const key = tty ? line : `${stage} ${Math.floor(ratio * 10)}`;
    if (key === shown) return;
    const newStage = !shown.startsWith(stage);
    shown = key;
    if (tty) process.stderr.write(`${newStage && done > 0 ? '\n' : '\r'}${line}`);
    else process.stderr.write(`${line}\n`);
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseCommandLine();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!args) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const db = openDatabase(args.db);
  const started = Date.now();
  const result = await importDataset(db, args.meta, args.paths, progressBar());
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (!result.ok) {
    // Chinese for the bureau, English beside it: one error, two lines
    for (const error of result.errors) process.stderr.write(`${formatRowError(error, 'zh')}\n  ${formatRowError(error, 'en')}\n`);
    const omitted = omittedErrors(result);
    if (omitted) process.stderr.write(`${omitted.zh}\n  ${omitted.en}\n`);
    process.stderr.write(`导入失败：${result.errorCount} 处错误，未写入任何数据\n  import failed: ${result.errorCount} error(s), nothing was written\n`);
    return 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`imported data set ${result.datasetId} "${args.meta.name}" in ${seconds} s\n`);
  // which encoding each CSV was read in (a GBK file saved by Excel on Chinese Windows is read as GB18030)
  const read = (Object.keys(result.encodings) as (keyof typeof result.encodings)[]).map((t) => `${path.basename(args.paths[t])} ${ENCODING_LABEL[result.encodings[t]!]}`);
  if (read.length > 0) process.stderr.write(`编码 / encoding: ${read.join(', ')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(3);
  },
);
