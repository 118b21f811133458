/**
 * For the browser tests of files: what a real office suite and a PDF reader make of them. LibreOffice headless
 * (Debian's libreoffice-calc / libreoffice-writer) converts an XLSX to one CSV per sheet and a DOCX to text, in a
 * profile of its own; poppler reads a PDF's text page by page and lists its fonts. scripts/test.sh installs both.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const hasLibreOffice = has('soffice');

/** Runs soffice --convert-to in a profile of its own (a user's running LibreOffice or another test's never blocks it). */
function convert(file: string, filter: string, outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: 300_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Every sheet of a workbook as LibreOffice Calc reads it, by sheet name: rows of cell texts, figures written as
 * stored (not as formatted: "Save cell contents as shown" off), UTF-8, comma separated.
 */
export function xlsxSheetsByLibreOffice(file: string): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-lo-csv-'));
  // CSV filter options: separator 44 (,), quote 34 ("), UTF-8, from line 1, …, as shown = false, …, sheet -1 = every sheet
  convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out);
  const base = path.basename(file, path.extname(file));
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(out)) {
    const sheet = name.startsWith(`${base}-`) ? name.slice(base.length + 1, -'.csv'.length) : base;
    sheets.set(sheet, Papa.parse<string[]>(fs.readFileSync(path.join(out, name), 'utf8'), { skipEmptyLines: false }).data);
  }
  fs.rmSync(out, { recursive: true, force: true });
  return sheets;
}

/** A document's text as LibreOffice Writer reads it (tables cell by cell, one per line). */
export function docxTextByLibreOffice(file: string): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-lo-txt-'));
  convert(file, 'txt:Text (encoded):UTF8', out);
  const text = fs.readFileSync(path.join(out, `${path.basename(file, path.extname(file))}.txt`), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return text.replace(/^\uFEFF/, '');
}

/** A PDF's text, one entry per page (pdftotext ends each page with a form feed). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, -1);
}

/** The fonts a PDF embeds (pdffonts' name column). */
export function pdfFonts(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines.filter(Boolean).map((line) => line.split(/\s+/)[0]!);
}
