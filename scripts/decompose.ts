/**
 * 变动归因 from files (ANALYSIS.md §A.5):
 *   npm run decompose -- --hospitals H --catalog C --cases K --from A.json --to B.json --out decomposition.json
 * Each hospital's change from round A to round B split over the five lever families (Shapley values over the 32
 * mixed rounds, parts to the fen adding up to the reported change). Exit 0 with decomposition.json written; 1 on
 * bad input (every error on stderr, nothing written); 2 on bad arguments.
 */
import { createSettlementEngine } from '@/worker/settlement';
import { decompose } from '@/worker/analysis';
import { readAnalysisInputs, writeOutput } from './analysis-cli';
import { commandOptions, runAsScript } from './command-line';

const USAGE = 'usage: npm run decompose -- --hospitals H.csv --catalog C.csv --cases K.csv --from A.json --to B.json --out decomposition.json';

export async function runDecompose(argv: string[], stderr: (line: string) => void, stdout: (line: string) => void = () => {}): Promise<number> {
  const FILES = ['hospitals', 'catalog', 'cases', 'from', 'to', 'out'] as const;
  const command = commandOptions(argv, FILES, FILES, USAGE);
  if (!command.ok) {
    for (const line of command.lines) stderr(line);
    return 2;
  }
  const { hospitals: hospitalsFile, catalog, cases, ...rest } = command.values;
  const args = { files: { hospitals: hospitalsFile, catalog, cases }, ...rest };
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
