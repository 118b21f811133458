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
import { DatasetExistsError, datasetNameTaken, saveDemoCity } from '@/db/seed';
import { generateDemoCity, planDemoCity, type DemoCity } from '@/db/seed/demo-city';
import { writeCityFiles } from '@/db/seed/demo-city/export';
import { cityStats, formatStats } from '@/db/seed/demo-city/stats';

const { values } = parseArgs({
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
});

function integerFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer (got "${text}")`);
  return value;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;

function generate(): DemoCity {
  const options = { cases: integerFlag('cases', values.cases), seed: integerFlag('seed', values.seed) };
  const started = performance.now();
  const city = generateDemoCity({
    ...(options.cases !== undefined ? { cases: options.cases } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
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

function seedDatabase(): void {
  const file = values.db ?? defaultDatabasePath();
  const db = openDatabase(file);
  try {
    const city = generate();
    const name = values.name ?? city.meta.name;
    if (datasetNameTaken(db, name)) {
      console.error(`${file} already holds a data set named "${name}". Nothing was written; pass --name to seed another.`);
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    const { datasetId, roundIds } = saveDemoCity(db, city, {
      name,
      onProgress: (done, total) => process.stderr.write(`\r  writing cases ${done}/${total}`),
    });
    process.stderr.write('\n');
    console.log(`Seeded "${name}" as data set ${datasetId} with ${roundIds.length} rounds into ${file} (${seconds(started)}).`);
  } catch (error) {
    if (!(error instanceof DatasetExistsError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
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
