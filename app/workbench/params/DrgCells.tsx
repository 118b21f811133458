'use client';
import { memo } from 'react';
import { useLocale } from '../../i18n/locale';
import type { CatalogEntryWithVolume } from '@/server/services/dataset-queries';
import { useEditActions } from './EditContext';
import { NumberField } from './NumberField';
import { validateEdit, validateOverrideEdit } from './validate';
import { roundWeight } from './weight-edits';
import { toggleUniformPrice } from './uniform-price';
import styles from './params.module.css';

/** The catalog value an override replaces, struck through beside the field. */
function Replaced({ value }: { value: number | null }) {
  return <del className={styles.replaced}>{value ?? '—'}</del>;
}

/** 相对权重 of one DRG, editable; an adjusted weight is highlighted with the catalog's beside it. */
export const WeightCell = memo(function WeightCell({ drg, override }: { drg: CatalogEntryWithVolume; override: number | undefined }) {
  const { t } = useLocale();
  return (
    <span className={override === undefined ? undefined : styles.overridden}>
      <NumberField
        path={['weights', drg.code]}
        name={t('params.label.weight', { code: drg.code })}
        value={override ?? drg.weight}
        placeholder={drg.weight === null ? '—' : String(drg.weight)}
        validate={(p, text) => validateOverrideEdit(p, ['weights', drg.code], text, drg.weight, roundWeight)}
      />
      {override === undefined ? null : <Replaced value={drg.weight} />}
    </span>
  );
});

/** 次均费用 of one DRG (the high/low-cost benchmark), editable as a round override. */
export const BenchmarkCostCell = memo(function BenchmarkCostCell({ drg, override }: { drg: CatalogEntryWithVolume; override: number | undefined }) {
  const { t } = useLocale();
  return (
    <span className={override === undefined ? undefined : styles.overridden}>
      <NumberField
        path={['benchmark_costs', drg.code]}
        name={t('params.label.benchmark', { code: drg.code })}
        value={override ?? drg.benchmarkCost}
        placeholder={drg.benchmarkCost === null ? '—' : String(drg.benchmarkCost)}
        validate={(p, text) => validateOverrideEdit(p, ['benchmark_costs', drg.code], text, drg.benchmarkCost)}
      />
      {override === undefined ? null : <Replaced value={drg.benchmarkCost} />}
    </span>
  );
});

/** 同病同价: ticked when the catalog or the round names the DRG; only the round's own flag can be cleared. */
export const UniformPriceCell = memo(function UniformPriceCell({ drg, inRound }: { drg: CatalogEntryWithVolume; inRound: boolean }) {
  const { t } = useLocale();
  const { readOnly, commit, current } = useEditActions();
  const name = t('params.label.uniform', { code: drg.code });
  const toggle = (on: boolean) => {
    const params = current();
    const result = validateEdit(params, ['uniform_price_drgs'], toggleUniformPrice(params, drg.code, on));
    const yesNo = (v: boolean) => t(v ? 'params.yes' : 'params.no');
    if (result.ok) commit(result.next, t('params.change', { name, from: yesNo(!on), to: yesNo(on) }));
  };
  return (
    <input
      type="checkbox"
      className={styles.check}
      aria-label={name}
      title={drg.uniformPrice ? t('params.drg.uniformFromCatalog') : undefined}
      checked={drg.uniformPrice || inRound}
      disabled={readOnly || drg.uniformPrice}
      data-testid={`uniform-price-${drg.code}`}
      onChange={(e) => toggle(e.target.checked)}
    />
  );
});
