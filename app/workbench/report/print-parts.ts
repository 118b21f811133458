/**
 * A table too wide for the printed page, cut into parts that fit: each part repeats the key columns (code and
 * name) and takes as many of the other columns, in order, as its width allows. Widths are estimated from the
 * texts themselves, in em of the print font, so that a part fits A4 whatever the round names and figures.
 */

/** Width of a text in em: CJK and full-width characters 1 em, others (digits, Latin, signs) at most 0.6 em. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += wide(ch.codePointAt(0) ?? 0) ? 1 : 0.6;
  return em;
}

function wide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}

/** The widest piece a header cannot be broken within: a run of non-CJK characters without a space. */
function longestRunEm(text: string): number {
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === ' ' || wide(code)) {
      longest = Math.max(longest, run, wide(code) ? 1 : 0);
      run = 0;
    } else {
      run += 0.6;
    }
  }
  return Math.max(longest, run);
}

/** A header's label and its unit ("第1轮 (万元)" → "第1轮", "(万元)"): the unit prints on one line. */
export function headerUnit(header: string): { label: string; unit: string | null } {
  const match = / (\([^()]*\))$/.exec(header);
  return match ? { label: header.slice(0, match.index), unit: match[1]! } : { label: header, unit: null };
}

/** Header lines a printed column may take (a round's name, the change's label, the unit). */
export const HEADER_LINES = 3;
/** A header up to this wide (4 CJK characters: 特例单议, 支付/费用比) stays on one line. */
export const SHORT_HEADER_EM = 4.2;
/** Lines a wrapping cell (a hospital's name) may take. */
export const WRAP_LINES = 2;
/** Left and right padding of a printed cell, in em. */
export const CELL_PADDING_EM = 0.8;

/**
 * The width a printed column needs, in em: its widest cell on one line (or over WRAP_LINES when it wraps), and
 * its header over up to HEADER_LINES lines (a short one on one line), never narrower than the header's widest
 * unbreakable piece or its unit.
 */
export function columnEm(header: string, cells: Iterable<string>, wrap: boolean): number {
  let widest = 0;
  for (const text of cells) widest = Math.max(widest, wrap ? Math.max(longestRunEm(text), textEm(text) / WRAP_LINES) : textEm(text));
  const unit = headerUnit(header).unit;
  const headerEm = Math.max(longestRunEm(header), textEm(header) / HEADER_LINES, Math.min(textEm(header), SHORT_HEADER_EM), unit ? textEm(unit) : 0);
  return Math.max(widest, headerEm) + CELL_PADDING_EM;
}

/** Consecutive columns of the same group (a round's figures): [start, end) index ranges after the key columns. */
function runsOf(count: number, keyCount: number, groups: readonly string[] | undefined): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = keyCount; i < count; i++) {
    const last = runs[runs.length - 1];
    if (last && groups?.[i] && groups[i] === groups[i - 1]) last[1] = i + 1;
    else runs.push([i, i + 1]);
  }
  return runs;
}

/**
 * Splits columns (by index) into parts whose widths add up to at most `pageEm`: each part starts with the first
 * `keyCount` columns, then takes the next columns in order while they fit. Columns of one group (a round's
 * settlement and changes: `groups[i]`, '' for none) stay in one part when they fit in one; a column wider than a
 * part's room on its own still gets a part of its own (it cannot be cut).
 */
export function splitColumns(widths: readonly number[], keyCount: number, pageEm: number, groups?: readonly string[]): number[][] {
  const keys = widths.slice(0, keyCount).map((_, i) => i);
  const keyEm = widths.slice(0, keyCount).reduce((s, w) => s + w, 0);
  const parts: number[][] = [];
  let part: number[] = [];
  let used = keyEm;
  const place = (i: number) => {
    const w = widths[i]!;
    if (part.length > 0 && used + w > pageEm) {
      parts.push([...keys, ...part]);
      part = [];
      used = keyEm;
    }
    part.push(i);
    used += w;
  };
  for (const [start, end] of runsOf(widths.length, keyCount, groups)) {
    const runEm = widths.slice(start, end).reduce((s, w) => s + w, 0);
    // a group that fits a part of its own but not the room left starts the next part
    if (part.length > 0 && used + runEm > pageEm && keyEm + runEm <= pageEm) {
      parts.push([...keys, ...part]);
      part = [];
      used = keyEm;
    }
    for (let i = start; i < end; i++) place(i);
  }
  if (part.length > 0 || parts.length === 0) parts.push([...keys, ...part]);
  return parts;
}

/**
 * The widths of a part's columns: each its least (what the split counted), and the room the part leaves given to
 * the columns that would rather not wrap (a hospital's name on one line), in order, up to what they would take.
 */
export function partWidths(part: readonly number[], least: readonly number[], preferred: readonly number[], pageEm: number): number[] {
  let spare = pageEm - part.reduce((s, i) => s + least[i]!, 0);
  return part.map((i) => {
    const extra = Math.max(0, Math.min(spare, preferred[i]! - least[i]!));
    spare -= extra;
    return least[i]! + extra;
  });
}
