/**
 * `npm start`: the one command a newcomer runs.
 * 1. opens (creating and migrating) the embedded SQLite database;
 * 2. seeds the demo city if the database has no data set, and creates the demo accounts if it has no account
 *    (passwords printed once and written to demo-accounts.txt beside the database, readable by its owner only);
 * 3. builds the app if there is no build or the sources changed since the last one;
 * 4. serves it on PORT (default 3000).
 */
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDatabasePath, openDatabase } from '@/db/client';
import { datasets } from '@/db/schema';
import { seedDemoCity } from '@/db/seed';
import { ensureDemoAccounts } from '@/server/auth/demo-accounts';
import { removeUnfinishedImports } from '@/server/services/datasets';

const root = process.cwd();
const SOURCE_DIRS = ['app', 'server', 'worker', 'db/schema', 'db/client.ts'];
const SOURCE_FILES = ['next.config.js', 'package.json', 'tsconfig.json'];
const hashFile = path.join(root, '.next', 'source-hash');

async function ensureSeeded(): Promise<void> {
  const file = defaultDatabasePath();
  const db = openDatabase(file);
  // an import cut off by a crash or kill: its half-written data set goes (no reader ever saw it)
  for (const name of removeUnfinishedImports(db)) console.log(`Removed the unfinished import "${name}".`);
  const existing = db.select({ id: datasets.id }).from(datasets).limit(1).all();
  if (existing.length === 0) {
    console.log(`Seeding the demo city into ${file} …`);
    const started = Date.now();
    const { datasetId } = seedDemoCity(db, {});
    console.log(`Demo city seeded as data set ${datasetId} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } else {
    console.log(`Database ${file} already holds data; not seeding.`);
  }
  const accountsFile = path.join(path.dirname(file), 'demo-accounts.txt');
  const accounts = await ensureDemoAccounts(db, accountsFile);
  if (accounts) console.log(`\nDemo accounts (also in ${accountsFile}, readable by you only):\n${accounts}`);
  db.$client.close();
}

function listFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => listFiles(path.join(entry, d.name)));
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...SOURCE_DIRS, ...SOURCE_FILES].flatMap(listFiles).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

function ensureBuilt(): void {
  const current = sourceHash();
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(hashFile)
    ? fs.readFileSync(hashFile, 'utf8')
    : '';
  if (built === current) {
    console.log('Build is up to date.');
    return;
  }
  console.log('Building the app (next build --webpack) …');
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build', '--webpack'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(hashFile, current);
}

function serve(): void {
  const port = process.env.PORT ?? '3000';
  // this machine only, unless HOST says otherwise (README: serving a LAN, behind HTTPS)
  const host = process.env.HOST ?? '127.0.0.1';
  console.log(`Serving on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port, '-H', host], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** A database that cannot be written says so, naming its file, instead of a stack trace. */
function explainDatabaseError(error: unknown): never {
  const code = (error as { code?: string }).code ?? '';
  const file = defaultDatabasePath();
  const why = code.startsWith('SQLITE_READONLY')
    ? `数据库为只读 / the database is read-only: ${file} (check its permissions, or set DRG_DB_PATH)`
    : code.startsWith('SQLITE_FULL')
      ? `数据库所在磁盘已满 / the disk of the database is full: ${file}`
      : code.startsWith('SQLITE_CANTOPEN')
        ? `无法打开数据库 / cannot open the database: ${file} (does its folder exist and may this user write it?)`
        : null;
  if (!why) throw error;
  console.error(why);
  process.exit(1);
}

// tsx runs this file as CommonJS: no top-level await
ensureSeeded().then(
  () => {
    ensureBuilt();
    serve();
  },
  explainDatabaseError,
);
