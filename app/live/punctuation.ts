/**
 * Punctuation around a label in the page's language: full-width in Chinese, ASCII with a space in English (the
 * English page showed "Change（10k yuan）" and "Your hospital：H001").
 */
export const inParens = (text: string, locale: string) => (locale === 'zh' ? `（${text}）` : ` (${text})`);
export const colon = (locale: string) => (locale === 'zh' ? '：' : ': ');
