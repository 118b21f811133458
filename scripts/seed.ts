/**
 * `npm run seed` — the demo city (演示城市).
 *   npm run seed                          seed the database (DRG_DB_PATH or data/workbench.sqlite)
 *   npm run seed -- --cases 1000000       a bigger year (default ≈ 360 000 cases)
 *   npm run seed -- --seed 7 --name X     another year of cases, under another data-set name
 *   npm run seed -- --db PATH             another database file
 *   npm run seed -- --out DIR             write import files instead (hospitals/catalog/cases CSV, round-N.json)
 *   npm run seed -- --stats               print the calibration figures, write nothing
 *   npm run seed -- --drift               print the fair weights of the drifted DRGs (round 1's weights)
 */
import { parseArgs } from 'node:util';
import { defaultDatabasePath, openDatabase } from '@/db/client';
import { datasetNameTaken, saveDemoCity } from '@/db/seed';
import { demoCityMeta, generateDemoCity, planDemoCity, type DemoCity, type DemoCityOptions } from '@/db/seed/demo-city';
import { writeCityFiles } from '@/db/seed/demo-city/export';
import { cityStats, formatStats } from '@/db/seed/demo-city/stats';

function readFlags() {
  try {
    return parseArgs({
      options: {
        cases: { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        stats: { type: 'boolean', default: false },
        drift: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run seed -- [--cases N] [--seed S] [--db PATH | --out DIR] [--name NAME] [--stats] [--drift]`);
    process.exit(2);
  }
}

const values = readFlags();

function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer (got "${text}")`);
  return value;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

function cityOptions(): DemoCityOptions {
  const cases = integerFlag('cases', values.cases);
  const seed = integerFlag('seed', values.seed);
  return { ...(cases !== undefined ? { cases } : {}), ...(seed !== undefined ? { seed } : {}) };
}

function generate(): DemoCity {
  const started = performance.now();
  const city = generateDemoCity(cityOptions());
  const mb = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  console.error(`Generated ${city.bundle.cases.count} cases in ${seconds(started)} (rss ${mb} MB).`);
  return city;
}

function printDrift(): void {
  const { catalog } = planDemoCity();
  const weights: Record<string, number> = {};
  catalog.entries.forEach((entry, d) => {
    if (catalog.drifted[d]) weights[entry.code] = catalog.fairWeight[d]!;
  });
  console.log(JSON.stringify({ weights }, null, 2));
}

/** Seeds the database; a data set of the same name is left alone (nothing written, exit 0). */
function seedDatabase(): void {
  const file = values.db ?? defaultDatabasePath();
  const db = openDatabase(file);
  try {
    const name = values.name ?? demoCityMeta(cityOptions()).name;
    if (datasetNameTaken(db, name)) {
      console.log(`${file} already holds a data set named "${name}": nothing to do. Pass --name to seed another one.`);
      return;
    }
    const city = generate();
    const started = performance.now();
    const { datasetId, roundIds } = saveDemoCity(db, city, {
      name,
      onProgress: (done, total) => process.stderr.write(`\r  writing cases ${done}/${total}`),
    });
    process.stderr.write('\n');
    console.log(`Seeded "${name}" as data set ${datasetId} with ${roundIds.length} rounds into ${file} (${seconds(started)}).`);
  } finally {
    db.$client.close();
  }
}

async function main(): Promise<void> {
  if (values.drift) return printDrift();
  if (values.stats) {
    const city = generate();
    const drifted = planDemoCity().catalog.drifted.reduce((sum, flag) => sum + flag, 0);
    return console.log(formatStats(cityStats(city.bundle, drifted)));
  }
  if (values.out) {
    const city = generate();
    const started = performance.now();
    const files = await writeCityFiles(city, values.out);
    return console.log(`Wrote ${files.length} files to ${values.out} (${seconds(started)}).`);
  }
  seedDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
