'use client';
import { useMemo } from 'react';
import type { HospitalTotal } from '@/server/services/dataset-queries';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { ResetOverrides } from './ResetOverrides';
import { effectiveCoefficient, roundOverride } from './hospital-coefficients';
import { validateOverrideEdit } from './validate';
import styles from './params.module.css';

const levelKey = (level: number) => (level === 1 || level === 2 || level === 3 ? (`level.${level}` as const) : null);

/** 医疗机构系数 and 考核得分 per hospital: the file's values, the round's overrides, what settles. */
export function HospitalCoefficientsTable() {
  const { t } = useLocale();
  const { params, resolved, hospitals } = useParamsEditing();
  const columns = useMemo<TableColumn<HospitalTotal>[]>(() => {
    const levelName = (h: HospitalTotal) => {
      const key = levelKey(h.level);
      return key ? t(key) : String(h.level);
    };
    return [
      { id: 'code', header: t('hospitals.code'), value: (h) => h.code },
      { id: 'name', header: t('hospitals.name'), value: (h) => h.name },
      { id: 'level', header: t('hospitals.level'), value: levelName },
      { id: 'file', header: t('params.hospital.fileCoefficient'), value: (h) => h.coefficient, numeric: true },
      {
        id: 'effective',
        header: t('params.hospital.effectiveCoefficient'),
        value: (h) => effectiveCoefficient(h, params, resolved).coefficient,
        render: (h) => <EffectiveCoefficient hospital={h} />,
        numeric: true,
      },
      {
        id: 'override',
        header: t('params.hospital.override'),
        value: (h) => roundOverride(params, 'hospital_coefficients', h.code),
        render: (h) => <HospitalCoefficientCell hospital={h} />,
        numeric: true,
      },
      {
        id: 'score',
        header: t('params.hospital.score'),
        value: (h) => roundOverride(params, 'evaluation_scores', h.code) ?? h.evaluationScore,
        render: (h) => <EvaluationScoreCell hospital={h} />,
        numeric: true,
      },
    ];
  }, [t, params, resolved]);
  return (
    <section data-testid="hospital-coefficients">
      <h3>{t('params.hospitals.title')}</h3>
      <div className={styles.row}>
        <ResetOverrides overrideKey="hospital_coefficients" text="params.hospital.resetCoefficients" label="params.label.resetCoefficients" />
        <ResetOverrides overrideKey="evaluation_scores" text="params.hospital.resetScores" label="params.label.resetScores" />
      </div>
      <DataTable
        rows={hospitals}
        columns={columns}
        rowKey={(h) => h.code}
        rowAttributes={(h) => ({ 'data-hospital-code': h.code })}
        exportName="round-hospital-coefficients"
        testId="hospital-coefficients-table"
      />
    </section>
  );
}

function EffectiveCoefficient({ hospital }: { hospital: HospitalTotal }) {
  const { params, resolved } = useParamsEditing();
  const { coefficient, source } = effectiveCoefficient(hospital, params, resolved);
  return <span className={source === 'round' ? styles.overridden : undefined}>{coefficient ?? '—'}</span>;
}

/** The round's coefficient for one hospital; blank (or the file's value) = the file or level coefficient applies. */
function HospitalCoefficientCell({ hospital }: { hospital: HospitalTotal }) {
  const { t } = useLocale();
  const { params, resolved } = useParamsEditing();
  const path = ['hospital_coefficients', hospital.code];
  const fallback = hospital.coefficient ?? effectiveCoefficient({ ...hospital, coefficient: null }, {}, resolved).coefficient;
  return (
    <NumberField
      path={path}
      name={t('params.label.hospitalCoefficient', { name: hospital.name })}
      value={roundOverride(params, 'hospital_coefficients', hospital.code)}
      placeholder={fallback === null ? '—' : String(fallback)}
      validate={(p, text) => validateOverrideEdit(p, path, text, hospital.coefficient)}
      testId={`hospital-coefficient-${hospital.code}`}
    />
  );
}

/** The round's 考核得分 for one hospital; blank (or the file's score) = the file's score applies. */
function EvaluationScoreCell({ hospital }: { hospital: HospitalTotal }) {
  const { t } = useLocale();
  const { params } = useParamsEditing();
  const path = ['evaluation_scores', hospital.code];
  return (
    <NumberField
      path={path}
      name={t('params.label.score', { name: hospital.name })}
      value={roundOverride(params, 'evaluation_scores', hospital.code)}
      placeholder={hospital.evaluationScore === null ? '—' : String(hospital.evaluationScore)}
      validate={(p, text) => validateOverrideEdit(p, path, text, hospital.evaluationScore)}
      testId={`evaluation-score-${hospital.code}`}
    />
  );
}
