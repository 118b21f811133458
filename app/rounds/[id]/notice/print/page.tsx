import { notFound } from 'next/navigation';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';
import { getDb } from '@/server/db';
import { DomainError } from '@/server/services/errors';
import { noticeData } from '@/server/notice/notice-data';
import { noticeProse } from '@/server/notice/prose';
import { noticeSheets } from '@/server/notice/tables';
import { translator } from '@/app/i18n/translate';
import type { Locale } from '@/app/i18n/messages';
import { NoticePrint } from './NoticePrint';

export const dynamic = 'force-dynamic';

/**
 * 公告附件（打印）: the notice of a saved round as the browser prints it to PDF — the text on A4 portrait, the
 * appendices on A4 landscape, a round not yet locked marked on every page. Settled on the server from the saved
 * round, as the XLSX and DOCX are; the bureau's roles only. `?lang=en` for English.
 */
export default async function NoticePrintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { lang } = await searchParams;
  await requirePage(BUREAU, `/rounds/${id}/notice/print`);
  if (!/^\d+$/.test(id)) notFound();
  const locale: Locale = lang === 'en' ? 'en' : 'zh';
  let data;
  try {
    data = noticeData(getDb(), Number(id));
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'NOT_FOUND') notFound();
    throw error;
  }
  const sheets = noticeSheets(data, locale);
  const t = translator(locale);
  return (
    <NoticePrint
      mark={data.mark}
      prose={noticeProse(data, sheets, locale)}
      sheets={sheets}
      locale={locale}
      texts={{ print: t('notice.print'), hint: t('notice.printHint'), appendix: (n, title) => t('notice.appendix', { n, title }), pageOf: t('notice.pageOf') }}
    />
  );
}
