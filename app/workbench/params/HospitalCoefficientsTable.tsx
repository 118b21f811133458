'use client';
import { memo, useMemo } from 'react';
import type { HospitalTotal } from '@/server/services/dataset-queries';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { ResetOverrides } from './ResetOverrides';
import { CoefficientFormula } from './CoefficientFormula';
import { coefficientRows, type CoefficientRow } from './hospital-coefficients';
import { validateOverrideEdit } from './validate';
import styles from './params.module.css';

type Row = CoefficientRow<HospitalTotal>;

const levelKey = (level: number) => (level === 1 || level === 2 || level === 3 ? (`level.${level}` as const) : null);

/** The columns kept in the narrow lever drawer: which hospital, and the round's coefficient and score. */
const COMPACT_COLUMNS: readonly string[] = ['code', 'name', 'override', 'score'];

/** 医疗机构系数 and 考核得分 per hospital: the file's values, the round's overrides, what settles (`compact`: the drawer's few columns). */
export function HospitalCoefficientsTable({ compact = false }: { compact?: boolean }) {
  const { t } = useLocale();
  const { params, resolved, hospitals } = useParamsEditing();
  const rows = useMemo(() => coefficientRows(hospitals, params, resolved), [hospitals, params, resolved]);
  const allColumns = useCoefficientColumns();
  const columns = useMemo(() => (compact ? allColumns.filter((c) => COMPACT_COLUMNS.includes(c.id)) : allColumns), [allColumns, compact]);
  return (
    <section data-testid="hospital-coefficients">
      <h3>{t('params.hospitals.title')}</h3>
      <div className={styles.row}>
        <ResetOverrides overrideKey="hospital_coefficients" text="params.hospital.resetCoefficients" label="params.label.resetCoefficients" />
        <ResetOverrides overrideKey="evaluation_scores" text="params.hospital.resetScores" label="params.label.resetScores" />
      </div>
      {compact ? null : <CoefficientFormula />}
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.hospital.code}
        rowAttributes={(r) => ({ 'data-hospital-code': r.hospital.code })}
        exportName="round-hospital-coefficients"
        testId="hospital-coefficients-table"
      />
    </section>
  );
}

/** Columns read the row only (never the round), so they stay the same object and cells are not remounted. */
function useCoefficientColumns(): TableColumn<Row>[] {
  const { t } = useLocale();
  return useMemo(() => {
    const levelName = ({ hospital }: Row) => {
      const key = levelKey(hospital.level);
      return key ? t(key) : String(hospital.level);
    };
    return [
      { id: 'code', header: t('hospitals.code'), value: (r) => r.hospital.code },
      { id: 'name', header: t('hospitals.name'), value: (r) => r.hospital.name },
      { id: 'level', header: t('hospitals.level'), value: levelName },
      { id: 'file', header: t('params.hospital.fileCoefficient'), value: (r) => r.hospital.coefficient, render: (r) => r.hospital.coefficient ?? '—', numeric: true },
      {
        id: 'effective',
        header: t('params.hospital.effectiveCoefficient'),
        value: (r) => r.coefficient,
        render: (r) => <span className={r.source === 'round' ? styles.overridden : undefined}>{r.coefficient ?? '—'}</span>,
        numeric: true,
      },
      {
        id: 'override',
        header: t('params.hospital.override'),
        value: (r) => r.override,
        render: (r) => <HospitalCoefficientCell hospital={r.hospital} override={r.override} withoutOverride={r.withoutOverride} />,
        numeric: true,
      },
      {
        id: 'score',
        header: t('params.hospital.score'),
        value: (r) => r.score,
        render: (r) => <EvaluationScoreCell hospital={r.hospital} override={r.scoreOverride} />,
        numeric: true,
      },
    ];
  }, [t]);
}

/** The round's coefficient for one hospital; blank (or the file's value) = the file or level coefficient applies. */
const HospitalCoefficientCell = memo(function HospitalCoefficientCell(props: { hospital: HospitalTotal; override: number | null; withoutOverride: number | null }) {
  const { t } = useLocale();
  const { hospital, override, withoutOverride } = props;
  const path = ['hospital_coefficients', hospital.code];
  return (
    <NumberField
      path={path}
      name={t('params.label.hospitalCoefficient', { name: hospital.name })}
      value={override}
      placeholder={withoutOverride === null ? '—' : String(withoutOverride)}
      validate={(p, text) => validateOverrideEdit(p, path, text, hospital.coefficient)}
      testId={`hospital-coefficient-${hospital.code}`}
    />
  );
});

/** The round's 考核得分 for one hospital; blank (or the file's score) = the file's score applies. */
const EvaluationScoreCell = memo(function EvaluationScoreCell({ hospital, override }: { hospital: HospitalTotal; override: number | null }) {
  const { t } = useLocale();
  const path = ['evaluation_scores', hospital.code];
  return (
    <NumberField
      path={path}
      name={t('params.label.score', { name: hospital.name })}
      value={override}
      placeholder={hospital.evaluationScore === null ? '—' : String(hospital.evaluationScore)}
      validate={(p, text) => validateOverrideEdit(p, path, text, hospital.evaluationScore)}
      testId={`evaluation-score-${hospital.code}`}
    />
  );
});
