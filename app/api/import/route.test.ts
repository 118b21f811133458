import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '@/db/schema';
import { getDb } from '@/server/db';
import { multipartRequest, signedIn } from '@/server/auth/testing';

const fixtures = path.resolve(__dirname, '../../../server/import/fixtures');

type Line = { stage?: string; done?: number; total?: number; ok?: boolean; datasetId?: number; errors?: unknown[] };

function form(fields: Record<string, string>, files: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  for (const [key, file] of Object.entries(files)) {
    body.set(key, new File([fs.readFileSync(path.join(fixtures, file))], path.basename(file)));
  }
  return body;
}

const VALID = { hospitals: 'valid/hospitals.csv', catalog: 'valid/catalog.csv', cases: 'valid/cases.csv' };

let cookie = '';

async function post(body: FormData, headers: Record<string, string> = { cookie }): Promise<{ status: number; lines: Line[] }> {
  const { POST } = await import('./route');
  const response = await POST(await multipartRequest('http://localhost/api/import', body, headers));
  const text = await response.text();
  return { status: response.status, lines: text.trim().split('\n').map((line) => JSON.parse(line) as Line) };
}

describe('POST /api/import', () => {
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    cookie = (await signedIn(getDb(), 'policy')).cookie;
  });

  it('refuses a caller without a session (401), a panel or hospital user (403), another origin (403), and writes nothing', async () => {
    const body = () => form({ name: 'refused', year: '2025' }, VALID);
    expect((await post(body(), {})).status).toBe(401);
    expect((await post(body(), { cookie: (await signedIn(getDb(), 'panel')).cookie })).status).toBe(403);
    expect((await post(body(), { cookie: (await signedIn(getDb(), 'hospital')).cookie })).status).toBe(403);
    expect((await post(body(), { cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect(getDb().select().from(datasets).all().filter((d) => d.name === 'refused')).toEqual([]);
  });

  it('refuses an upload over the size limit before reading it', async () => {
    process.env.DRG_MAX_UPLOAD_MB = '0.001';
    try {
      const { status, lines } = await post(form({ name: 'too big', year: '2025' }, VALID));
      expect(status).toBe(413);
      expect(lines[0]).toMatchObject({ ok: false });
    } finally {
      delete process.env.DRG_MAX_UPLOAD_MB;
    }
  });

  it('streams progress lines, then the new data set id', async () => {
    const { status, lines } = await post(form({ name: 'upload 2025', year: '2025' }, VALID));
    expect(status).toBe(200);
    // the encoding each file was read in is said (UTF-8 here; GB18030 for Excel's Chinese CSV)
    expect(lines.at(-1)).toEqual({ ok: true, datasetId: expect.any(Number), encodings: { hospitals: 'utf-8', catalog: 'utf-8', cases: 'utf-8' } });
    // audited with the session's user
    const audit = getDb().$client.prepare("select actor, action from audit_log where action = 'import'").all();
    expect(audit).toEqual([{ actor: expect.stringMatching(/^policy-/), action: 'import' }]);
    const stages = new Set(lines.slice(0, -1).map((l) => l.stage));
    expect([...stages]).toEqual(['parsing', 'writing']);
  });

  it('ends with every row error when a file is bad', async () => {
    const files = { ...VALID, cases: 'broken/cases-many-errors.csv' };
    const { status, lines } = await post(form({ name: 'bad upload', year: '2025' }, files));
    expect(status).toBe(200);
    expect(lines.at(-1)).toMatchObject({ ok: false, errorCount: 4 });
    expect(lines.at(-1)!.errors).toHaveLength(4);
  });

  it('answers 400 when a file is missing', async () => {
    const { hospitals, catalog } = VALID;
    const { status, lines } = await post(form({ name: 'no cases', year: '2025' }, { hospitals, catalog }));
    expect(status).toBe(400);
    expect(lines).toEqual([
      { ok: false, errors: [{ file: '', row: 0, column: 'cases', reason: { zh: '病例文件未上传或为空', en: 'the cases file is missing or empty' } }] },
    ]);
  });
});
