/**
 * The recalibration's section of `npm run bench` (`npm run bench -- --only recalibrate --sizes 1000000` runs it
 * alone): 权重测算 (ANALYSIS.md §C) of every DRG of the demo city of N cases from its round 0, with the defaults,
 *  - from scratch: the used cases gathered and each DRG's costs sorted, trimmed, weighed, re-centred (the target:
 *    ≤ 1 s at 1 M cases) — what the CLI does, and the page's first run of a round;
 *  - an option change on the gathered costs (the page's next runs: the server keeps them per round version),
 *    for each trim method.
 * Timed from an esbuild bundle (as production runs a bundle), median of `runs` after one; wall time and this
 * process's CPU time (on a loaded machine the CPU time is the fair one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { generateDemoCity } from '@/db/seed/demo-city';
import { parseRoundParams } from '@/worker/settlement';
import type { RecalibrationOptions } from '@/worker/recalibration';

type RecalibrationModule = typeof import('@/worker/recalibration') & Pick<typeof import('@/worker/settlement/round'), 'resolveRound'>;

const ROOT = path.join(__dirname, '..');

async function bundledModule(): Promise<RecalibrationModule> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-recalibration-'));
  const outfile = path.join(dir, 'recalibration.mjs');
  const contents = `export * from ${JSON.stringify(path.join(ROOT, 'worker/recalibration/index.ts'))};\nexport { resolveRound } from ${JSON.stringify(path.join(ROOT, 'worker/settlement/round.ts'))};\n`;
  try {
    buildSync({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error', tsconfig: path.join(ROOT, 'tsconfig.json') });
    return (await import(pathToFileURL(outfile).href)) as RecalibrationModule;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Median wall and CPU ms of `runs` calls after one. */
function medianOf(runs: number, run: () => unknown): { ms: number; cpu: number } {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuStarted = cpuMs();
    run();
    walls.push(performance.now() - started);
    cpus.push(cpuMs() - cpuStarted);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  return { ms: round1(median(walls)), cpu: round1(median(cpus)) };
}

export async function benchRecalibration(sizes: readonly number[], runs: number, json: boolean): Promise<void> {
  const m = await bundledModule();
  if (!json) console.log(`权重测算 (worker/recalibration, esbuild bundle), demo city round 0, every DRG, median of ${runs} runs after one`);
  for (const cases of sizes) {
    const city = generateDemoCity({ cases });
    const parsed = parseRoundParams(city.rounds[0]!.params);
    if (!parsed.ok) throw new Error('demo round 0 does not parse');
    const data = city.bundle;
    const round = m.resolveRound(parsed.params);
    const defaults = m.DEFAULT_OPTIONS;
    const full = medianOf(runs, () => m.recalibrate(data, parsed.params, defaults));
    const gather = medianOf(runs, () => m.gatherUsedCosts(data, round));
    const used = m.gatherUsedCosts(data, round);
    const change = (options: RecalibrationOptions) => medianOf(runs, () => m.recalibrateUsed(used, data.catalog, round, options));
    const iqr = change({ ...defaults, trim: { kind: 'iqr', k: 2 } });
    const pct = change({ ...defaults, trim: { kind: 'pct', lo: 5, hi: 95 } });
    const logsd = change({ ...defaults, trim: { kind: 'logsd', k: 2 } });
    const summary = m.recalibrate(data, parsed.params, defaults).summary;
    const result = {
      section: 'recalibrate',
      cases,
      drgs: summary.drgs,
      used_cases: summary.usedCases,
      full_ms: full.ms,
      full_cpu_ms: full.cpu,
      gather_sort_ms: gather.ms,
      option_change_iqr_ms: iqr.ms,
      option_change_pct_ms: pct.ms,
      option_change_logsd_ms: logsd.ms,
      target_ms: 1000,
    };
    console.log(
      json
        ? JSON.stringify(result)
        : `${cases.toLocaleString('en')} cases: all ${result.drgs} DRGs from ${result.used_cases.toLocaleString('en')} used cases in ${result.full_ms} ms (CPU ${result.full_cpu_ms} ms; target ≤ 1000 ms), of which gathering and sorting ${result.gather_sort_ms} ms; ` +
            `an option change on the gathered costs: iqr ${result.option_change_iqr_ms} ms, pct ${result.option_change_pct_ms} ms, logsd ${result.option_change_logsd_ms} ms`,
    );
  }
}
