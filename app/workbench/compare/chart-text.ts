/**
 * Text in the chart grid's layout (pure): how wide a text is drawn, a text wrapped into lines of a width, a
 * legend's entries packed into rows of a width. The grid places titles, legends and round names from these, so
 * that nothing is left for plotly to wrap, rotate or push (in a figure of several charts it would do so across
 * the whole figure, over the neighbouring chart).
 */

/** The width in pixels of `text` drawn at `fontSize` px: measured in the browser (canvas), estimated elsewhere. */
export type MeasureText = (text: string, fontSize: number) => number;

/** CJK ideographs, kana, hangul, full-width forms and CJK punctuation: each as wide as the font is high. */
const FULL_WIDTH = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u{20000}-\\u{3ffff}';
const FULL_WIDTH_CHAR = new RegExp(`[${FULL_WIDTH}]`, 'u');

const NARROW = new Set([...'iljtfr.,:;!|\'"()[]{}` ']);
const WIDE = new Set([...'MWmw@%&']);

/**
 * A generous estimate of the drawn width (sans-serif, Noto Sans SC's proportions): full-width characters 1 em,
 * others by class, rounded up. Generous on purpose: room left over is harmless, an overlap is not.
 */
export const estimateTextWidth: MeasureText = (text, fontSize) => {
  let em = 0;
  for (const ch of text) {
    if (FULL_WIDTH_CHAR.test(ch)) em += 1;
    else if (NARROW.has(ch)) em += 0.34;
    else if (WIDE.has(ch)) em += 0.92;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.6;
  }
  return Math.ceil(em * fontSize);
};

const ELLIPSIS = '…';

/** The longest start of `text` that fits in `width` with an ellipsis after it (at least the ellipsis). */
function truncated(text: string, width: number, fontSize: number, measure: MeasureText): string {
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && measure(chars.slice(0, n).join('').trimEnd() + ELLIPSIS, fontSize) > width) n--;
  return chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
}

/** punctuation that opens (never ends a line) and closes (never starts one) */
const OPENING = '（「『【〔《〈“‘';
const CLOSING = '）」』】〕》〉”’、。，：；！？';
/**
 * The pieces a line may break between: a short phrase in full-width brackets (（未保存）, （专家组）), a full-width
 * character or a run of other characters (a word, a number), with the opening punctuation before it, the closing
 * punctuation and the spaces after it.
 */
const FINE_UNIT = `[${OPENING}]*(?:[^\\s${FULL_WIDTH}]+|[${FULL_WIDTH}])[${CLOSING}]*\\s*|\\s+`;
const UNIT = new RegExp(`（[^（）\\s]{1,8}）[${CLOSING}]*\\s*|${FINE_UNIT}`, 'gu');
const FINE = new RegExp(FINE_UNIT, 'gu');

/** `text`'s pieces at most `width` wide where it can: a bracketed phrase too wide in its characters' pieces, a word in its letters */
function pieces(text: string, width: number, fontSize: number, measure: MeasureText): string[] {
  return (text.match(UNIT) ?? []).flatMap((unit) => {
    if (measure(unit.trimEnd(), fontSize) <= width) return [unit];
    return (unit.match(FINE) ?? []).flatMap((piece) => (measure(piece.trimEnd(), fontSize) <= width ? [piece] : [...piece]));
  });
}

/**
 * `text` in lines at most `width` px wide, broken between CJK characters and at spaces (a word wider than a
 * line is broken between its letters); at most `maxLines` lines, the last ending in "…" when the text is longer.
 */
export function wrapText(text: string, width: number, fontSize: number, measure: MeasureText, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (unit: string) => {
    if (!line || measure((line + unit).trimEnd(), fontSize) <= width) line += unit;
    else {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    }
  };
  for (const piece of pieces(text.trim(), width, fontSize, measure)) push(piece);
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  kept[maxLines - 1] = truncated(rest, width, fontSize, measure);
  return kept;
}

/** A legend entry's drawing beyond its text: plotly's symbol (itemwidth 30) and gaps (5 on each side). */
export const LEGEND_SYMBOL_WIDTH = 40;
/** Between two entries of a row (plotly's itemGap). */
export const LEGEND_ITEM_GAP = 5;

/**
 * The legend's entries in rows of at most `width` px, in their order: each row as the indexes of its entries and
 * their texts (a name wider than a whole row cut with "…").
 */
export function legendRows(names: readonly string[], width: number, fontSize: number, measure: MeasureText): { index: number; text: string }[][] {
  const rows: { index: number; text: string }[][] = [];
  let row: { index: number; text: string }[] = [];
  let used = 0;
  const textRoom = width - LEGEND_SYMBOL_WIDTH - 2 * LEGEND_ITEM_GAP;
  names.forEach((name, index) => {
    const text = measure(name, fontSize) <= textRoom ? name : truncated(name, textRoom, fontSize, measure);
    const entry = LEGEND_SYMBOL_WIDTH + measure(text, fontSize) + LEGEND_ITEM_GAP;
    if (row.length && used + entry > width - LEGEND_ITEM_GAP) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ index, text });
    used += entry;
  });
  if (row.length) rows.push(row);
  return rows;
}
