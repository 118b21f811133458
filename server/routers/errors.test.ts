/**
 * Every error is a 4xx with a clear message, or a 5xx that names what the user can act on: unknown ids are 404,
 * and no answer carries the database's raw text or a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { openDatabase } from '@/db/client';
import { createInnerContext } from '@/server/context';
import { appRouter, createCaller } from '@/server/routers/_app';
import { internalMessage } from '@/server/trpc';

const ADMIN = { name: 'admin', role: 'admin' } as const;

describe('errors', () => {
  it('answers NOT_FOUND for an unknown data set or round, wherever it is named', async () => {
    const caller = createCaller(createInnerContext({ db: openDatabase(':memory:'), viewer: ADMIN }));
    for (const call of [
      () => caller.datasets.hospitals({ datasetId: 999 }),
      () => caller.datasets.catalog({ datasetId: 999 }),
      () => caller.rounds.list({ datasetId: 999 }),
      () => caller.rounds.create({ datasetId: 999, name: 'x', params: { method: 'points' } }),
      () => caller.rounds.get({ id: 999 }),
      () => caller.myHospital.rounds({ datasetId: 999 }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('names a full disk and a read-only database, and hides any other internal error', () => {
    expect(internalMessage({ code: 'SQLITE_FULL' })).toMatch(/disk of the database is full/);
    expect(internalMessage({ code: 'SQLITE_READONLY_DBMOVED' })).toMatch(/read-only/);
    expect(internalMessage(new Error('FOREIGN KEY constraint failed'))).not.toMatch(/FOREIGN KEY/);
  });

  it('sends no stack trace or file path over HTTP', async () => {
    const db = openDatabase(':memory:');
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://localhost/api/trpc/rounds.get?input=%7B%22id%22%3A999%7D'),
      router: appRouter,
      createContext: () => createInnerContext({ db, viewer: ADMIN }),
    });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toMatch(/stack|\/work\/|node_modules|\.ts:/);
  });
});
