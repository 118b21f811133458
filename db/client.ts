import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the embedded database lives: `DRG_DB_PATH`, else `data/workbench.sqlite` (git-ignored). */
export function defaultDatabasePath(): string {
  return process.env.DRG_DB_PATH ?? path.join(process.cwd(), 'data', 'workbench.sqlite');
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if needed) and migrates a SQLite database; ':memory:' for tests. */
export function openDatabase(file: string = defaultDatabasePath()): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}
