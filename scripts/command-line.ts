/**
 * What the file commands (`npm run settle`, `decompose`, `solve`, `recalibrate`) share on their command line: string
 * options read with node:util's parseArgs, an unknown or incomplete command line answered with the usage (exit 2),
 * numbers as written, and the run as a script with its exit code.
 */
import { parseArgs } from 'node:util';

/**
 * The command line's `names` options (strings); `required` ones must be given and not empty. The values, or the
 * lines to print before exit 2: the reason (an unknown option, a value missing) and the usage.
 */
export function commandOptions<K extends string, R extends K>(
  argv: string[],
  names: readonly K[],
  required: readonly R[],
  usage: string,
): { ok: true; values: Partial<Record<K, string>> & Record<R, string> } | { ok: false; lines: string[] } {
  let values: Partial<Record<K, string>>;
  try {
    values = parseArgs({ args: argv, options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) }).values as Partial<Record<K, string>>;
  } catch (error) {
    return { ok: false, lines: [(error as Error).message, usage] };
  }
  const missing = required.filter((name) => !values[name]);
  if (missing.length) return { ok: false, lines: [`missing ${missing.map((name) => `--${name}`).join(', ')} / 缺少参数`, usage] };
  return { ok: true, values: values as Partial<Record<K, string>> & Record<R, string> };
}

/** A number as written on a command line: decimal, optionally with an exponent (1e9); anything else NaN. */
export function numberArgument(text: string): number {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
}

/** Runs a command's main when its file is the script node was started with, and exits with its code. */
export function runAsScript(pattern: RegExp, main: (argv: string[], stderr: (line: string) => void, stdout: (line: string) => void) => Promise<number>): void {
  if (!process.argv[1] || !pattern.test(process.argv[1])) return;
  main(
    process.argv.slice(2),
    (line) => process.stderr.write(`${line}\n`),
    (line) => process.stdout.write(`${line}\n`),
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
