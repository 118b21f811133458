/**
 * 求解 from files (ANALYSIS.md §B):
 *   npm run solve -- --hospitals H --catalog C --cases K --round R.json --lever LEVER --target TARGET --value V --out solved.json
 * The value of one lever that brings the target figure to V, every other parameter as in R.json. Prints
 * `LEVER = value; TARGET = achieved (residual r)` and writes R.json with the lever set. Exit 0 solved; 1 on bad
 * input (files, rounds; nothing written); 2 on bad arguments (a missing flag, a lever, target or value §B does not
 * take); 3 when no value reaches the target (out of range, or inside a jump of the figure): nothing written, the
 * values closest below and above on stderr.
 */
import { createSettlementEngine } from '@/worker/settlement';
import { isInputError, parseLever, parseTarget, solve, solvedLine } from '@/worker/analysis';
import { readAnalysisInputs, writeOutput } from './analysis-cli';
import { commandOptions, numberArgument, runAsScript } from './command-line';

const USAGE = 'usage: npm run solve -- --hospitals H.csv --catalog C.csv --cases K.csv --round R.json --lever LEVER --target TARGET --value V --out solved.json';
export const UNREACHABLE_EXIT = 3;

export async function runSolve(argv: string[], stderr: (line: string) => void, stdout: (line: string) => void = () => {}): Promise<number> {
  const OPTIONS = ['hospitals', 'catalog', 'cases', 'round', 'lever', 'target', 'value', 'out'] as const;
  const command = commandOptions(argv, OPTIONS, OPTIONS, USAGE);
  if (!command.ok) {
    for (const line of command.lines) stderr(line);
    return 2;
  }
  const { hospitals, catalog, cases, ...rest } = command.values;
  const args = { files: { hospitals, catalog, cases }, ...rest };
  const value = numberArgument(args.value);
  const target = parseTarget(args.target);
  const refused = [
    ...(Number.isFinite(value) ? [] : [`--value ${args.value}: 须为数字 / must be a number`]),
    ...(isInputError(target) ? [`--target ${args.target}: ${target.error.message_en} / ${target.error.message_zh}`] : []),
  ];
  if (refused.length > 0) {
    for (const line of [...refused, USAGE]) stderr(line);
    return 2;
  }
  const inputs = await readAnalysisInputs('solve', args.files, [args.round], stderr);
  if (!inputs) return 1;
  const lever = parseLever(args.lever, inputs.data);
  if (isInputError(lever)) {
    stderr(`--lever ${args.lever}: ${lever.error.message_en} / ${lever.error.message_zh}\n${USAGE}`);
    return 2;
  }
  const outcome = solve(createSettlementEngine(inputs.data), inputs.data, inputs.rounds[0]!, args.lever, args.target, value);
  if (!outcome.ok) {
    stderr(`${outcome.message_en}\n${outcome.message_zh}`);
    if (outcome.reason === 'invalid') return 2;
    stderr(`solve: no solution, nothing written / 无解，未写出任何文件`);
    return UNREACHABLE_EXIT;
  }
  if (!(await writeOutput('solve', args.out, `${JSON.stringify(outcome.params, null, 1)}\n`, stderr))) return 1;
  stdout(solvedLine(lever.id, isInputError(target) ? args.target : target.id, outcome));
  return 0;
}

runAsScript(/solve\.ts$/, runSolve);
