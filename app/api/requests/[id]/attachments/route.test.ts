import { beforeAll, describe, expect, it } from 'vitest';
import { requestAttachments } from '@/db/schema';
import { getDb } from '@/server/db';
import { signedIn } from '@/server/auth/testing';
import { createRound, setRoundStatus } from '@/server/services/rounds';
import { createRequest, submitRequest } from '@/server/services/requests';
import { seedSmallCity } from '@/server/routers/small-city';
import type { Viewer } from '@/server/context';

/** a 1×1 PNG */
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let author = { cookie: '', userId: 0, username: '' };
let requestId = 0;

function upload(id: number, bytes: Uint8Array, headers: Record<string, string>, name = '费用测算.png'): Request {
  return new Request(`http://localhost/api/requests/${id}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    headers: { 'content-length': String(bytes.byteLength), 'content-type': 'application/octet-stream', ...headers },
  });
}

async function post(req: Request, id = requestId): Promise<{ status: number; body: Record<string, unknown> }> {
  const { POST } = await import('./route');
  const response = await POST(req, { params: Promise.resolve({ id: String(id) }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function download(id: number, cookie: string): Promise<Response> {
  const { GET } = await import('../../attachments/[id]/route');
  return GET(new Request(`http://localhost/api/requests/attachments/${id}`, { headers: { cookie } }), { params: Promise.resolve({ id: String(id) }) });
}

const stored = () => getDb().select({ id: requestAttachments.id }).from(requestAttachments).all().length;

describe('request attachments: POST /api/requests/:id/attachments and GET /api/requests/attachments/:id', () => {
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    const db = getDb();
    const datasetId = seedSmallCity(db);
    const round = createRound(db, 'seed', { datasetId, name: '第1轮', params: { method: 'points', budget: { employee: 1e5 } } });
    setRoundStatus(db, 'seed', round.id, 'proposed');
    const user = await signedIn(db, 'hospital', 'H1');
    author = { cookie: user.cookie, userId: user.userId, username: user.username };
    const viewer: Viewer = { name: user.username, role: 'hospital', hospitalCode: 'H1', userId: user.userId };
    requestId = createRequest(db, viewer, { datasetId, roundId: round.id, title: '系数', items: [{ kind: 'hospital_coefficient', value: 1.1, reason: '重症多' }] }).id;
  });

  it('stores a PNG and a PDF, their type read from their bytes, and gives them back to the author', async () => {
    const png = await post(upload(requestId, PNG, { cookie: author.cookie }));
    expect(png).toEqual({ status: 200, body: { id: expect.any(Number), fileName: '费用测算.png', mime: 'image/png', size: PNG.byteLength } });
    // a PDF named .png is a PDF
    const pdf = await post(upload(requestId, PDF, { cookie: author.cookie }, 'C:\\证明\\病案.png'));
    expect(pdf.body).toMatchObject({ fileName: '病案.png', mime: 'application/pdf' });
    const back = await download(png.body.id as number, author.cookie);
    expect(back.status).toBe(200);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(back.headers.get('content-disposition')).toBe(`attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('费用测算.png')}`);
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a file that is not a PDF or an image, whatever its name says, in Chinese and English, and stores nothing', async () => {
    const before = stored();
    for (const bytes of [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), new TextEncoder().encode('MZ\u0090\u0000 executable'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47])]) {
      const { status, body } = await post(upload(requestId, bytes, { cookie: author.cookie }, 'scan.png'));
      expect(status).toBe(415);
      expect(body).toEqual({ error: { zh: '附件只能是 PDF 或图片（PNG、JPEG、WebP），按文件内容判断', en: 'an attachment must be a PDF or an image (PNG, JPEG, WebP), judged by its content' } });
    }
    expect(stored()).toBe(before);
  });

  it('refuses a file over DRG_MAX_ATTACHMENT_MB by its Content-Length before reading, or while reading when the length lies', async () => {
    const before = stored();
    process.env.DRG_MAX_ATTACHMENT_MB = String(1000 / 1024 / 1024);
    try {
      const big = new Uint8Array(1001);
      big.set(PNG);
      const declared = await post(upload(requestId, big, { cookie: author.cookie }));
      expect(declared).toEqual({ status: 413, body: { error: { zh: '附件不能超过 0 MB', en: 'an attachment may be at most 0 MB' } } });
      // the body runs past the limit although its Content-Length says 10 bytes
      const lying = await post(upload(requestId, big, { cookie: author.cookie, 'content-length': '10' }));
      expect(lying.status).toBe(413);
      const unsized = new Request(`http://localhost/api/requests/${requestId}/attachments?name=a.png`, { method: 'POST', body: PNG, headers: { cookie: author.cookie } });
      unsized.headers.delete('content-length');
      expect((await post(unsized)).status).toBe(411);
    } finally {
      delete process.env.DRG_MAX_ATTACHMENT_MB;
    }
    expect(stored()).toBe(before);
  });

  it("refuses another hospital (404), the bureau (403: only the author attaches), another origin (403), and a bad name", async () => {
    const before = stored();
    const other = await signedIn(getDb(), 'hospital', 'H2');
    expect((await post(upload(requestId, PNG, { cookie: other.cookie }))).status).toBe(404);
    expect((await post(upload(requestId, PNG, { cookie: (await signedIn(getDb(), 'panel')).cookie }))).status).toBe(403);
    expect((await post(upload(requestId, PNG, { cookie: author.cookie, origin: 'http://evil.example' }))).status).toBe(403);
    expect((await post(upload(requestId, PNG, { cookie: author.cookie }, 'a\u0007.png'))).status).toBe(400);
    expect((await post(upload(requestId, PNG, { cookie: author.cookie }, ''))).status).toBe(400);
    expect((await post(upload(requestId, PNG, {}))).status).toBe(401);
    expect(stored()).toBe(before);
    // reading: not another hospital, not the bureau while it is a draft; the bureau once submitted
    const id = getDb().select({ id: requestAttachments.id }).from(requestAttachments).get()!.id;
    const panel = await signedIn(getDb(), 'panel');
    expect((await download(id, other.cookie)).status).toBe(404);
    expect((await download(id, panel.cookie)).status).toBe(404);
    submitRequest(getDb(), { name: author.username, role: 'hospital', hospitalCode: 'H1', userId: author.userId }, requestId);
    expect((await download(id, panel.cookie)).status).toBe(200);
    // a submitted request takes no more attachments
    expect((await post(upload(requestId, PNG, { cookie: author.cookie }))).status).toBe(400);
  });
});
