/**
 * 变动归因 from files (ANALYSIS.md §A.5):
 *   npm run decompose -- --hospitals H --catalog C --cases K --from A.json --to B.json --out decomposition.json
 * Each hospital's change from round A to round B split over the five lever families (Shapley values over the 32
 * mixed rounds, parts to the fen adding up to the reported change). Exit 0 with decomposition.json written; 1 on
 * bad input (every error on stderr, nothing written); 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { createSettlementEngine } from '@/worker/settlement';
import { decompose } from '@/worker/analysis';
import { readAnalysisInputs, runAsScript, writeOutput } from './analysis-cli';

const USAGE = 'usage: npm run decompose -- --hospitals H.csv --catalog C.csv --cases K.csv --from A.json --to B.json --out decomposition.json';

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(['hospitals', 'catalog', 'cases', 'from', 'to', 'out'].map((name) => [name, { type: 'string' as const }])),
  }) as { values: Record<string, string | undefined> };
  const { hospitals, catalog, cases, from, to, out } = values;
  if (!hospitals || !catalog || !cases || !from || !to || !out) return null;
  return { files: { hospitals, catalog, cases }, from, to, out };
}

export async function runDecompose(argv: string[], stderr: (line: string) => void, stdout: (line: string) => void = () => {}): Promise<number> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args) {
    stderr(USAGE);
    return 2;
  }
  const inputs = await readAnalysisInputs('decompose', args.files, [args.from, args.to], stderr);
  if (!inputs) return 1;
  const [from, to] = inputs.rounds as [typeof inputs.rounds[0], typeof inputs.rounds[0]];
  const { families, hospitals, totals } = decompose(createSettlementEngine(inputs.data), inputs.data, from, to);
  // the §A.5 file: families, hospitals, totals (the level totals stay the workbench's)
  if (!(await writeOutput('decompose', args.out, `${JSON.stringify({ families, hospitals, totals }, null, 1)}\n`, stderr))) return 1;
  stdout(`decomposed ${hospitals.length} hospital × pool rows over ${families.join(', ')} → ${args.out}`);
  return 0;
}

runAsScript(/decompose\.ts$/, runDecompose);
