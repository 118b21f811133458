'use client';
import { useLocale } from '../../i18n/locale';
import type { CatalogEntryWithVolume } from '@/server/services/dataset-queries';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { getIn } from './paths';
import { validateEdit, validateOverrideEdit } from './validate';
import { roundWeight } from './weight-edits';
import { isUniformPrice, toggleUniformPrice } from './uniform-price';
import styles from './params.module.css';

type Overrides = Readonly<Record<string, number>> | undefined;

/** The round's override of `key` for a DRG, or undefined. */
export function drgOverride(params: unknown, key: 'weights' | 'benchmark_costs', code: string): number | undefined {
  return (getIn(params, [key]) as Overrides)?.[code];
}

/** The catalog value an override replaces, struck through beside the field. */
function Replaced({ value }: { value: number | null }) {
  return <del className={styles.replaced}>{value ?? '—'}</del>;
}

/** 相对权重 of one DRG, editable; an adjusted weight is highlighted with the catalog's beside it. */
export function WeightCell({ drg }: { drg: CatalogEntryWithVolume }) {
  const { t } = useLocale();
  const { params } = useParamsEditing();
  const override = drgOverride(params, 'weights', drg.code);
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
}

/** 次均费用 of one DRG (the high/low-cost benchmark), editable as a round override. */
export function BenchmarkCostCell({ drg }: { drg: CatalogEntryWithVolume }) {
  const { t } = useLocale();
  const { params } = useParamsEditing();
  const override = drgOverride(params, 'benchmark_costs', drg.code);
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
}

/** 同病同价: ticked when the catalog or the round names the DRG; only the round's own flag can be cleared. */
export function UniformPriceCell({ drg }: { drg: CatalogEntryWithVolume }) {
  const { t } = useLocale();
  const { params, readOnly, commit } = useParamsEditing();
  const inRound = isUniformPrice(params, drg.code);
  const name = t('params.label.uniform', { code: drg.code });
  const toggle = (on: boolean) => {
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
}
