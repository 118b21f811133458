import { noticeFileResponse } from '@/server/notice/response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/rounds/:id/notice/xlsx — the round's notice (公告附件) as XLSX, for the bureau's roles (server/notice/response.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return noticeFileResponse(req, (await params).id, 'xlsx');
}
