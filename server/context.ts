import type { Db } from '@/db/client';
import { getDb } from './db';

/** Who is asking. Roles arrive with the roles issue; until then every caller is the expert panel. */
export interface Viewer {
  name: string;
  role: 'panel' | 'policy' | 'hospital';
  /** for role 'hospital': the only hospital whose detail the viewer may see */
  hospitalCode?: string;
}

export interface Context {
  db: Db;
  viewer: Viewer;
}

/** The pure inner context: what tests pass to `createCaller`, with no HTTP. */
export function createInnerContext(opts: { db: Db; viewer?: Viewer }): Context {
  return { db: opts.db, viewer: opts.viewer ?? { name: 'panel', role: 'panel' } };
}

/** The context of an HTTP request (fetch adapter). */
export function createRequestContext(req: Request): Context {
  const name = req.headers.get('x-drg-user') ?? 'panel';
  return createInnerContext({ db: getDb(), viewer: { name, role: 'panel' } });
}
