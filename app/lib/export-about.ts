/**
 * The block above an exported table saying what it holds: the data set, the baseline and the rounds compared,
 * each round's parameters' fingerprint, the time of the export and the unit of its figures. Pure: the page gives
 * what it shows (ExportSubject), the table its columns' formats, the caller the time.
 */
import type { MessageKey } from '../i18n/messages';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import type { ColumnFormat } from './column-format';
import type { AboutLine } from './export';

/**
 * A round as an export names it: its name as shown and the parameters it settled with (a draft's too), or their
 * fingerprint where the page has only that (paramsFingerprint on the server).
 */
export type RoundSubject = { name: string } & ({ params: unknown } | { fingerprint: string });

function fingerprintOf(round: RoundSubject): string {
  return 'fingerprint' in round ? round.fingerprint : paramsFingerprint(round.params);
}

/** What the page's tables are of (set by the page through ExportSubjectProvider). */
export interface ExportSubject {
  dataset: string;
  baseline?: RoundSubject | undefined;
  /** the rounds compared with the baseline, in the order of the columns */
  rounds?: readonly RoundSubject[] | undefined;
}

type Translate = (key: MessageKey) => string;

/** Local time with its offset from UTC, e.g. 2026-12-03 14:05:09 (UTC+08:00): the reader may be elsewhere. */
export function exportTime(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `UTC${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `${date} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())} (${zone})`;
}

/** The units the columns' figures are in, as one line. */
function unitText(formats: readonly (ColumnFormat | undefined)[], t: Translate): string {
  const units: string[] = [];
  if (formats.some((f) => f?.kind === 'money' || f?.kind === 'signedMoney')) units.push(t('export.unit.money'));
  if (formats.some((f) => f?.kind === 'percent')) units.push(t('export.unit.percent'));
  return units.length ? units.join('; ') : t('export.unit.asHeaders');
}

export function aboutLines(subject: ExportSubject | null, formats: readonly (ColumnFormat | undefined)[], t: Translate, now: Date): AboutLine[] {
  const lines: AboutLine[] = [];
  if (subject) {
    lines.push({ label: t('export.about.dataset'), text: subject.dataset });
    const rounds = [...(subject.baseline ? [subject.baseline] : []), ...(subject.rounds ?? [])];
    if (subject.baseline) lines.push({ label: t('export.about.baseline'), text: subject.baseline.name });
    if (subject.rounds?.length) lines.push({ label: t('export.about.rounds'), text: subject.rounds.map((r) => r.name).join('; ') });
    if (rounds.length) {
      lines.push({ label: t('export.about.fingerprint'), text: rounds.map((r) => `${r.name}: ${fingerprintOf(r)}`).join('; ') });
    }
  }
  lines.push({ label: t('export.about.exportedAt'), text: exportTime(now) });
  lines.push({ label: t('export.about.unit'), text: unitText(formats, t) });
  return lines;
}
