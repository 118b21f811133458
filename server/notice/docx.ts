/**
 * The notice as a Word document (the `docx` library): title, year, basis and the round's main parameters in
 * prose on A4 portrait, then the tables as appendices on A4 landscape, their header rows repeated on each page.
 * A round not yet locked carries its mark (草稿 / 征求意见稿 / 送审稿) in the header of every page and under the
 * title; a locked round carries none. Fonts: 宋体 / 黑体 by name, which Word has and LibreOffice maps to the
 * installed CJK fonts (Noto CJK on Debian).
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Locale } from '@/app/i18n/messages';
import { translator, type Translate } from '@/app/i18n/translate';
import { cellParts, cellText, type NoticeSheet, type NoticeTable } from './formats';
import type { NoticeData } from './notice-data';
import { noticeProse, type NoticeProse } from './prose';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
const MARK_COLOR = 'C0392B';
/** half-points: 12 pt body, 8 pt in the appendices' tables */
const BODY_SIZE = 24;
const TABLE_SIZE = 16;
/** A4 landscape less 2 × 0.5 inch of margins, in twips (1/1440 inch) */
const LANDSCAPE_WIDTH = 16838 - 2 * 720;
/** an 8 pt character (a CJK one counts two) is about 4 pt wide, i.e. 80 twips; plus the cell's padding */
const TWIPS_PER_CHAR = 80;
const CELL_PADDING = 220;

function pageHeader(prose: NoticeProse): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: prose.mark
          ? [new TextRun({ text: prose.mark.word, bold: true, size: 32, color: MARK_COLOR, font: HEADING_FONT })]
          : [new TextRun({ text: prose.title, size: 18, font: BODY_FONT })],
      }),
    ],
  });
}

/** 第 X 页 / 共 Y 页, the fields placed where the text names {page} and {pages}. */
function pageFooter(t: Translate): Footer {
  const [before, between, after] = t('notice.pageOf').split(/\{page\}|\{pages\}/);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, between ?? '', PageNumber.TOTAL_PAGES, after ?? ''], size: 18 })],
      }),
    ],
  });
}

function text(value: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text: value, font: BODY_FONT, size: options.size ?? BODY_SIZE, bold: options.bold ?? false, ...(options.color ? { color: options.color } : {}) });
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: value, font: HEADING_FONT, bold: true, color: '000000', size: level === HeadingLevel.TITLE ? 36 : 26 })] });
}

function body(value: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 480 }, spacing: { after: 120, line: 400 }, children: [text(value)] });
}

/** The 说明 lines (data set, lineage, fingerprint, engine, time) in small type under the signature. */
function aboutLines(sheets: readonly NoticeSheet[]): Paragraph[] {
  const about = sheets.find((s) => s.id === 'about')?.tables[0];
  if (!about) return [];
  return [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...about.rows.map((row) => new Paragraph({ children: [text(`${String(row.cells[0] ?? '')}：${String(row.cells[1] ?? '')}`, { size: 16, color: '5A6B7B' })] })),
  ];
}

function noticeBody(prose: NoticeProse, sheets: readonly NoticeSheet[], t: Translate): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: prose.title, font: HEADING_FONT, bold: true, size: 36 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(prose.subtitle, { size: 21 })] }),
    ...(prose.mark ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(prose.mark.note, { bold: true, color: MARK_COLOR })] })] : []),
    body(prose.basis),
    ...prose.sections.flatMap((section) => [heading(section.heading, HeadingLevel.HEADING_2), ...section.paragraphs.map(body)]),
    heading(t('notice.section.appendices'), HeadingLevel.HEADING_2),
    ...prose.appendices.map((a) => new Paragraph({ indent: { left: 480 }, children: [text(a)] })),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [text(prose.signature)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(prose.date)] }),
    ...aboutLines(sheets),
  ];
}

/** Width in half-width characters: CJK and full-width ones take two. */
function textWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * Column widths in twips that fill the page: each column's widest cell (its header may wrap onto two lines, a long
 * text onto three), then the page's width shared in proportion.
 */
function columnWidths(texts: readonly string[][], headers: readonly string[]): number[] {
  const wanted = headers.map((header, i) => {
    const widest = texts.reduce((w, row) => Math.max(w, textWidth(row[i] ?? '')), 0);
    return Math.max(Math.ceil(textWidth(header) / 2), Math.min(widest, 40), 4) * TWIPS_PER_CHAR + CELL_PADDING;
  });
  const total = wanted.reduce((s, w) => s + w, 0);
  return wanted.map((w) => Math.floor((w * LANDSCAPE_WIDTH) / total));
}

function tableCell(value: string, numeric: boolean, header: boolean, bold: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { fill: 'EEF2F6' } } : {}),
    children: [new Paragraph({ alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(value, { size: TABLE_SIZE, bold: header || bold })] })],
  });
}

/** A table's brief columns (the XLSX has them all), its header row repeated on every page. */
function appendixTable(table: NoticeTable, locale: Locale): Table {
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.brief);
  const texts = table.rows.map((row) => shown.map(({ c, i }) => cellText(row.cells[i] ?? null, c.format, locale)));
  const widths = columnWidths(texts, shown.map(({ c }) => c.header));
  const header = new TableRow({ tableHeader: true, children: shown.map(({ c }, k) => tableCell(c.header, c.format !== 'text' && c.format !== 'plain', true, false, widths[k]!)) });
  const rows = table.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        // a figure sits right, a text left (the parameter changes mix both in a column)
        children: shown.map(({ c, i }, k) => tableCell(texts[r]![k]!, typeof cellParts(row.cells[i] ?? null, c.format).value === 'number', false, row.total === true, widths[k]!)),
      }),
  );
  return new Table({ width: { size: LANDSCAPE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] });
}

function appendices(sheets: readonly NoticeSheet[], locale: Locale, t: Translate): (Paragraph | Table)[] {
  return sheets
    .filter((s) => s.id !== 'about')
    .flatMap((sheet, n) => [
      new Paragraph({ pageBreakBefore: n > 0, children: [new TextRun({ text: t('notice.appendix', { n: n + 1, title: sheet.name }), font: HEADING_FONT, bold: true, size: 28 })] }),
      ...sheet.tables.flatMap((table) => [
        ...(sheet.tables.length > 1 ? [heading(table.title, HeadingLevel.HEADING_3)] : []),
        ...(table.note ? [new Paragraph({ spacing: { after: 120 }, children: [text(table.note, { size: 18 })] })] : []),
        appendixTable(table, locale),
        new Paragraph({ children: [] }),
      ]),
    ]);
}

export function noticeDocument(data: NoticeData, sheets: readonly NoticeSheet[], locale: Locale): Document {
  const t = translator(locale);
  const prose = noticeProse(data, sheets, locale);
  const frame = { headers: { default: pageHeader(prose) }, footers: { default: pageFooter(t) } };
  const sections: ISectionOptions[] = [
    { ...frame, properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } }, children: noticeBody(prose, sheets, t) },
    { ...frame, properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } }, children: appendices(sheets, locale, t) },
  ];
  return new Document({
    creator: data.engineVersion,
    title: prose.title,
    description: prose.subtitle,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections,
  });
}

export async function noticeDocxBuffer(data: NoticeData, sheets: readonly NoticeSheet[], locale: Locale): Promise<Buffer> {
  return Packer.toBuffer(noticeDocument(data, sheets, locale));
}
