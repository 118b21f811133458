'use client';
import { useEffect, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { CloseIcon } from '../../components/icons';
import { useParamsEditing } from './EditContext';
import { FieldMessage } from './FieldMessage';
import { useDeferredCommit } from './useDeferredCommit';
import { bandTexts, describeBands, parseBandTexts, withNewBand, withoutBand, type BandText } from './band-rows';
import { BAND_SPECS, checkBands, validateBandsEdit, type BandIssue, type BandKey, type FieldIssue } from './validate';
import styles from './params.module.css';

export interface BandsEditorProps {
  bandKey: BandKey;
  title: string;
  boundLabel: string;
  valueLabel: string;
}

/**
 * One band table of the rules: rows checked as typed (ordered bounds, only the last open), committed as a whole
 * on Enter, on leaving a cell, after a pause in typing, or when a band is added or removed.
 */
export function BandsEditor({ bandKey, title, boundLabel, valueLabel }: BandsEditorProps) {
  const { t } = useLocale();
  const { params, resolved, readOnly, commit } = useParamsEditing();
  const current = bandTexts(bandKey, resolved);
  const currentKey = JSON.stringify(current);
  const [draft, setDraft] = useState<BandText[] | null>(null);
  const [issues, setIssues] = useState<BandIssue[]>([]);
  const [tableIssue, setTableIssue] = useState<FieldIssue | null>(null);
  const rows = draft ?? current;
  const spec = BAND_SPECS[bandKey];

  // The round changed from elsewhere (undo, another round): drop what was typed here.
  useEffect(() => {
    setDraft(null);
    setIssues([]);
    setTableIssue(null);
  }, [currentKey]);

  const submit = (next: BandText[]) => {
    if (JSON.stringify(next) === currentKey) return;
    const result = validateBandsEdit(params, bandKey, parseBandTexts(next));
    setIssues(result.ok ? [] : result.issues);
    setTableIssue(result.ok ? null : result.issue);
    if (result.ok) {
      const open = t('params.band.open');
      commit(result.next, t('params.change', { name: title, from: describeBands(bandKey, current, open), to: describeBands(bandKey, next, open) }));
    }
  };
  const deferred = useDeferredCommit(() => draft && submit(draft));
  const edit = (index: number, field: keyof BandText, text: string) => {
    const next = rows.map((row, i) => (i === index ? { ...row, [field]: text } : row));
    setDraft(next);
    setIssues(checkBands(bandKey, parseBandTexts(next)));
    deferred.schedule();
  };
  const issueAt = (row: number, field: 'bound' | 'value') => issues.find((i) => i.row === row && i.field === field)?.issue ?? null;
  const cell = (index: number, field: keyof BandText, label: string, placeholder?: string) => (
    <td>
      <input
        type="text"
        inputMode="decimal"
        className={`${styles.number} ${issueAt(index, field) ? styles.invalid : ''}`}
        value={rows[index]?.[field] ?? ''}
        placeholder={placeholder}
        disabled={readOnly}
        aria-label={`${title} ${t('params.band.row', { n: index + 1 })} ${label}`}
        data-testid={`${bandKey}-${index}-${field}`}
        onChange={(e) => edit(index, field, e.target.value)}
        onBlur={deferred.flush}
        onKeyDown={(e) => e.key === 'Enter' && deferred.flush()}
      />
      <FieldMessage issue={issueAt(index, field)} />
    </td>
  );
  return (
    <div className={styles.bands} data-testid={bandKey}>
      <strong>{title}</strong>
      <table className={styles.bandTable}>
        <thead>
          <tr>
            <th>{boundLabel}</th>
            <th>{valueLabel}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((_, index) => (
            <tr key={index}>
              {cell(index, 'bound', boundLabel, spec.openLast && index === rows.length - 1 ? t('params.band.open') : undefined)}
              {cell(index, 'value', valueLabel)}
              <td>
                <button type="button" disabled={readOnly} title={t('params.band.remove')} data-testid={`${bandKey}-${index}-remove`} onClick={() => submit(withoutBand(rows, index))}>
                  <CloseIcon />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={readOnly} data-testid={`${bandKey}-add`} onClick={() => submit(withNewBand(bandKey, rows))}>
        + {t('params.band.add')}
      </button>
      <FieldMessage issue={tableIssue} />
    </div>
  );
}
