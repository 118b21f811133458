/**
 * GET /api/rounds/:id/notice/(xlsx|docx) against a real (in-memory) SQLite: the bureau's roles get the file with a
 * Chinese name (RFC 5987), a hospital user is refused, a bad or unknown id is answered in Chinese and English.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { signedIn } from '@/server/auth/testing';
import { GET as getXlsx } from '@/app/api/rounds/[id]/notice/xlsx/route';
import { GET as getDocx } from '@/app/api/rounds/[id]/notice/docx/route';
import { contentDisposition, rfc5987 } from './response';
import { noticeCity, type NoticeCity } from './testing';

type Handler = typeof getXlsx;

function call(handler: Handler, id: string, cookie: string | null, query = ''): Promise<Response> {
  const req = new Request(`http://localhost/api/rounds/${id}/notice/x${query}`, { headers: cookie ? { cookie } : {} });
  return handler(req, { params: Promise.resolve({ id }) });
}

describe('GET /api/rounds/:id/notice/(xlsx|docx)', () => {
  let city: NoticeCity;
  let panel = '';
  let hospital = '';
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    city = noticeCity(getDb());
    panel = (await signedIn(getDb(), 'panel')).cookie;
    hospital = (await signedIn(getDb(), 'hospital')).cookie;
  });

  it('refuses a caller without a session (401) and a hospital user (403): the notice names every hospital', async () => {
    for (const handler of [getXlsx, getDocx]) {
      expect((await call(handler, String(city.draftId), null)).status).toBe(401);
      expect((await call(handler, String(city.draftId), hospital)).status).toBe(403);
    }
  });

  it('sends the panel the workbook, named in Chinese with the draft’s mark', async () => {
    const res = await call(getXlsx, String(city.draftId), panel);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename="notice-round-${city.draftId}.xlsx"`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%\-._~]+$/);
    expect(decodeURIComponent(encoded)).toBe('公告附件-公告测试城-第1轮 权重调整-草稿.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((ws) => ws.name)).toContain('医院结算');
  });

  it('sends the DOCX of a locked round without a mark, and in English when asked', async () => {
    const res = await call(getDocx, String(city.lockedId), panel);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition')!)![1]!)).toBe('公告附件-公告测试城-第0轮 上年规则.docx');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    expect(await zip.file('word/document.xml')!.async('string')).toContain('年度DRG付费权重');
    const english = await call(getDocx, String(city.lockedId), panel, '?lang=en');
    const doc = await (await JSZip.loadAsync(await english.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(doc).toContain('DRG weights, point values and settlement results for 2025');
  });

  it('answers a bad id with 400 and an unknown round with 404, in Chinese and English', async () => {
    const bad = await call(getXlsx, 'abc', panel);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { zh: '轮次编号无效：abc（应为正整数）', en: 'Bad round id: abc (a positive whole number)' } });
    const missing = await call(getDocx, '9999', panel);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { zh: string } }).error.zh).toBe('未找到轮次 9999');
  });

  it('encodes a file name as RFC 5987 asks: no quote, bracket or star left as it is', () => {
    expect(rfc5987("第1轮 (草稿)'*!.xlsx")).toBe('%E7%AC%AC1%E8%BD%AE%20%28%E8%8D%89%E7%A8%BF%29%27%2A%21.xlsx');
    expect(contentDisposition('公告.docx', 'notice.docx')).toBe(`attachment; filename="notice.docx"; filename*=UTF-8''%E5%85%AC%E5%91%8A.docx`);
  });
});
