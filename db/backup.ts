/**
 * Backups of the embedded database (备份与恢复): a consistent copy taken while the app serves (SQLite's online
 * backup), and a restore that checks the copy — integrity, and a schema this code knows — before it replaces
 * anything.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

const journal = path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');

/** The migrations this code knows, by the time drizzle records for each. */
function knownMigrations(): number[] {
  const { entries } = JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: { when: number }[] };
  return entries.map((e) => e.when);
}

/** Copies the database at `from` to `to` page by page while others may read and write it. */
export async function backupDatabase(from: string, to: string): Promise<{ bytes: number }> {
  if (fs.existsSync(to)) throw new Error(`${to} exists: choose a new file / 目标文件已存在`);
  fs.mkdirSync(path.dirname(path.resolve(to)), { recursive: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(to);
  } finally {
    source.close();
  }
  return { bytes: fs.statSync(to).size };
}

export interface BackupCheck {
  ok: boolean;
  /** why the copy cannot be restored (Chinese / English), when not ok */
  problem?: string;
  migrations: number;
}

/** Whether `file` is a sound copy of a database this code can open: integrity, and known migrations only. */
export function checkBackup(file: string): BackupCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, problem: `无法打开备份 / cannot open the copy: ${(error as Error).message}`, migrations: 0 };
  }
  try {
    return checkOpened(db);
  } catch (error) {
    return { ok: false, problem: `备份无法读取 / the copy cannot be read: ${(error as Error).message}`, migrations: 0 };
  } finally {
    db.close();
  }
}

function checkOpened(db: Database.Database): BackupCheck {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') return { ok: false, problem: `备份已损坏 / the copy is damaged: ${String(integrity)}`, migrations: 0 };
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasTable) return { ok: false, problem: '不是本系统的数据库 / not a database of this workbench', migrations: 0 };
  const applied = (db.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as { at: number }[]).map((r) => Number(r.at));
  const known = knownMigrations();
  const unknown = applied.filter((at) => !known.includes(at));
  if (unknown.length) return { ok: false, problem: `备份来自更新的版本（${unknown.length} 个未知迁移）/ the copy is of a newer version (${unknown.length} unknown migrations)`, migrations: applied.length };
  return { ok: true, migrations: applied.length };
}

/**
 * Replaces the database at `target` with the checked copy `file` (the app must be stopped: restoring under a
 * running server would pull its data away). The old database is kept beside it as `<target>.before-restore`.
 */
export function restoreDatabase(file: string, target: string): BackupCheck & { kept?: string } {
  const check = checkBackup(file);
  if (!check.ok) return check;
  const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (fs.existsSync(target)) fs.renameSync(target, kept);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, kept + suffix);
  fs.copyFileSync(file, target);
  return { ...check, ...(fs.existsSync(kept) ? { kept } : {}) };
}
