/**
 * `npm run user` — accounts (账户), on the database `npm start` uses (DRG_DB_PATH, or --db PATH):
 *   npm run user -- add --username U --password P --role admin|policy|panel|hospital [--hospital CODE]
 *   npm run user -- list
 *   npm run user -- disable --username U
 *   npm run user -- password --username U --password P
 * Exit 0 done, 1 refused (the reason in Chinese and English), 2 bad arguments. Changes are audited as "cli".
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { openDatabase } from '@/db/client';
import { ROLES, type Role } from '@/db/schema';
import { AccountError, addUser, disableUser, listUsers, setPassword } from '@/server/auth/users';

const USAGE = `usage: npm run user -- add --username U --password P --role ${ROLES.join('|')} [--hospital CODE]
       npm run user -- list
       npm run user -- disable --username U
       npm run user -- password --username U --password P
       (any of them: --db PATH; default DRG_DB_PATH or data/workbench.sqlite)`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        hospital: { type: 'string' },
        db: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
}

async function run(): Promise<void> {
  const { positionals, values } = readArgs();
  const command = positionals[0];
  const db = openDatabase(values.db);
  const need = (name: 'username' | 'password' | 'role') => values[name] ?? usage(`--${name} is missing / 缺少 --${name}`);
  switch (command) {
    case 'add': {
      const role = need('role');
      if (!(ROLES as readonly string[]).includes(role)) usage(`unknown role ${role} / 未知角色`);
      await addUser(db, { username: need('username'), password: need('password'), role: role as Role, hospitalCode: values.hospital ?? null }, 'cli');
      console.log(`added ${values.username} (${role}${values.hospital ? `, ${values.hospital}` : ''}) / 已添加`);
      return;
    }
    case 'list':
      for (const u of listUsers(db)) console.log([u.username, u.role, u.hospitalCode ?? '', u.disabled ? 'disabled' : 'active'].join('\t'));
      return;
    case 'disable':
      disableUser(db, need('username'), 'cli');
      console.log(`disabled ${values.username}; its sessions ended / 已停用`);
      return;
    case 'password':
      await setPassword(db, need('username'), need('password'), 'cli');
      console.log(`password of ${values.username} changed; its sessions ended / 口令已修改`);
      return;
    default:
      usage(command ? `unknown command ${command}` : undefined);
  }
}

run().catch((error: unknown) => {
  if (error instanceof AccountError) console.error(`${error.zh}\n${error.en}`);
  else if (error instanceof ZodError) console.error(error.issues.map((i) => i.message).join('\n'));
  else throw error;
  process.exit(1);
});
