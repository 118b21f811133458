/**
 * `npm run backup -- --out FILE [--db PATH]` — a consistent copy of the database while the app serves it
 * (SQLite's online backup). Exit 0 done, 1 refused, 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '@/db/client';
import { backupDatabase, checkBackup } from '@/db/backup';

const { values } = parseArgs({ options: { out: { type: 'string' }, db: { type: 'string' } } });
if (!values.out) {
  console.error('usage: npm run backup -- --out FILE [--db PATH]');
  process.exit(2);
}
const from = values.db ?? defaultDatabasePath();
backupDatabase(from, values.out).then(
  ({ bytes }) => {
    const check = checkBackup(values.out!);
    console.log(`backed up ${from} to ${values.out} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${check.migrations} migrations, integrity ${check.ok ? 'ok' : check.problem}) / 备份完成`);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
