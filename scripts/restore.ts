/**
 * `npm run restore -- FILE [--db PATH]` — replaces the database with a backup, after checking the backup's
 * integrity and schema version; the old database is kept beside it. Stop the app first. Exit 0 done, 1 refused.
 */
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '@/db/client';
import { restoreDatabase } from '@/db/backup';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run restore -- FILE [--db PATH]   (stop the app first)');
  process.exit(2);
}
const target = values.db ?? defaultDatabasePath();
const outcome = restoreDatabase(file, target);
if (!outcome.ok) {
  console.error(`not restored, nothing changed / 未恢复，未作任何更改: ${outcome.problem}`);
  process.exit(1);
}
console.log(`restored ${file} to ${target} (${outcome.migrations} migrations)${outcome.kept ? `; the old database is kept as ${outcome.kept}` : ''} / 恢复完成`);
