import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

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

async function post(body: FormData): Promise<{ status: number; lines: Line[] }> {
  const { POST } = await import('./route');
  const response = await POST(new Request('http://localhost/api/import', { method: 'POST', body }));
  const text = await response.text();
  return { status: response.status, lines: text.trim().split('\n').map((line) => JSON.parse(line) as Line) };
}

describe('POST /api/import', () => {
  beforeAll(() => {
    process.env.DRG_DB_PATH = ':memory:';
  });

  it('streams progress lines, then the new data set id', async () => {
    const { status, lines } = await post(form({ name: 'upload 2025', year: '2025' }, VALID));
    expect(status).toBe(200);
    expect(lines.at(-1)).toEqual({ ok: true, datasetId: expect.any(Number) });
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
