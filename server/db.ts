import { openDatabase, type Db } from '@/db/client';

// One connection per server process, opened (and migrated) on first use.
// Kept on globalThis so that Next's dev-mode module reloading does not open a second one.
const holder = globalThis as typeof globalThis & { __drgDb?: Db };

export function getDb(): Db {
  holder.__drgDb ??= openDatabase();
  return holder.__drgDb;
}
