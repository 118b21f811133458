import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['admin', 'policy', 'panel', 'hospital'] as const;
/** admin (管理员: accounts, everything) · policy (经办) · panel (专家组) · hospital (医院代表, bound to one hospital) */
export type Role = (typeof ROLES)[number];

/** 用户 — an account. The password is stored as a scrypt hash with its own salt, never in clear. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** role 'hospital': the hospital_code it speaks for (stable across data sets) */
    hospitalCode: text('hospital_code'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    passwordChangedAt: text('password_changed_at').notNull(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

/** 会话 — a signed-in browser. Only the SHA-256 of the token is stored: a copy of the database opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId)],
);

/** Failed logins by username, for the limit of 5 within 15 minutes. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_username').on(t.username, t.at)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
