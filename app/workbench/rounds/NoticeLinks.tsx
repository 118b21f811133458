'use client';
import { useLocale } from '../../i18n/locale';
import styles from './notice-links.module.css';

/**
 * 公告附件 of a saved round: the XLSX and DOCX downloads (generated on the server from the saved round) and the
 * printable notice, which the browser saves as PDF. Unsaved edits are not in them (the title says so).
 */
export function NoticeLinks({ roundId }: { roundId: number }) {
  const { t, locale } = useLocale();
  const lang = locale === 'en' ? '?lang=en' : '';
  return (
    <span className={styles.links} data-testid="notice-links" title={t('notice.menuTitle')}>
      <span className={styles.label}>{t('notice.menu')}</span>
      <a href={`/api/rounds/${roundId}/notice/xlsx${lang}`} download data-testid="notice-xlsx" title={t('notice.xlsx')}>
        XLSX
      </a>
      <a href={`/api/rounds/${roundId}/notice/docx${lang}`} download data-testid="notice-docx" title={t('notice.docx')}>
        DOCX
      </a>
      <a href={`/rounds/${roundId}/notice/print${lang}`} target="_blank" rel="noopener" data-testid="notice-pdf" title={t('notice.pdf')}>
        PDF
      </a>
    </span>
  );
}
