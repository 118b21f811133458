'use client';
import { useDeferredValue, useMemo, useState } from 'react';
import type { CatalogEntryWithVolume } from '@/server/services/dataset-queries';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { BulkWeightEdit } from './BulkWeightEdit';
import { WeightFormula } from './WeightFormula';
import { BenchmarkCostCell, UniformPriceCell, WeightCell } from './DrgCells';
import { DrgFilterBar, drgTypeKey } from './DrgFilterBar';
import { drgTypesOf, filterDrgs, mdcsOf, NO_FILTER, type DrgFilter } from './drg-filter';
import { overrideCount, ResetOverrides } from './ResetOverrides';
import { weightRows, type WeightRow } from './weight-rows';
import { COUNT, decimal } from '../../lib/column-format';
import styles from './params.module.css';

/** Relative weights to 4 decimals; benchmark costs in yuan to the fen (their headers say 元). */
const WEIGHT = decimal(4);
const YUAN = decimal(2);

/** The columns kept in the narrow lever drawer: which DRG, how many cases, its weight (an adjusted one shows the catalog's beside it). */
const COMPACT_COLUMNS: readonly string[] = ['code', 'name', 'cases', 'weight'];

/** 权重: the DRG catalog with the round's weights, benchmark costs and uniform-price flags (`compact`: the drawer's few columns). */
export function WeightsSection({ compact = false }: { compact?: boolean }) {
  const { t } = useLocale();
  const { params, catalog } = useParamsEditing();
  const [filter, setFilter] = useState<DrgFilter>(NO_FILTER);
  // The table (hundreds of rows of fields) follows the filter a moment later, so typing in it stays fluid.
  const shown = useDeferredValue(filter);
  const shownDrgs = useMemo(() => filterDrgs(catalog, shown), [catalog, shown]);
  const rows = useMemo(() => weightRows(shownDrgs, params), [shownDrgs, params]);
  const mdcs = useMemo(() => mdcsOf(catalog), [catalog]);
  const drgTypes = useMemo(() => drgTypesOf(catalog), [catalog]);
  const allColumns = useWeightColumns();
  const columns = useMemo(() => (compact ? allColumns.filter((c) => COMPACT_COLUMNS.includes(c.id)) : allColumns), [allColumns, compact]);
  const selection = useMemo(() => shownDrgs.map((d) => ({ code: d.code, catalogWeight: d.weight })), [shownDrgs]);
  const typeKey = shown.drgType === null ? null : drgTypeKey(shown.drgType);
  const filterLabel =
    [shown.mdc ? `MDC ${shown.mdc}` : null, typeKey ? t(typeKey) : shown.drgType, shown.text.trim() ? `“${shown.text.trim()}”` : null]
      .filter(Boolean)
      .join(' · ') || t('common.all');
  return (
    <section className={styles.weights} data-testid="weights-section">
      <h3>{t('params.weights.title')}</h3>
      <div className={styles.row}>
        <span className="muted">{t('params.weights.overridden', { count: overrideCount(params, 'weights') })}</span>
        <ResetOverrides overrideKey="weights" text="params.weights.reset" label="params.weights.resetLabel" />
        <ResetOverrides overrideKey="benchmark_costs" text="params.benchmark.reset" label="params.benchmark.resetLabel" />
      </div>
      <BulkWeightEdit drgs={selection} filterLabel={filterLabel} />
      {compact ? null : <WeightFormula />}
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.drg.code}
        rowAttributes={(r) => ({ 'data-drg-code': r.drg.code, ...(r.weightOverride === undefined ? {} : { 'data-overridden': 'weight' }) })}
        exportName="round-weights"
        testId="weights-table"
        caption={t('params.filter.count', { count: rows.length, total: catalog.length })}
        toolbar={<DrgFilterBar filter={filter} mdcs={mdcs} drgTypes={drgTypes} onChange={setFilter} />}
      />
    </section>
  );
}

type Row = WeightRow<CatalogEntryWithVolume>;

/** Columns read the row only (never the round), so they stay the same object and cells are not remounted. */
function useWeightColumns(): TableColumn<Row>[] {
  const { t } = useLocale();
  return useMemo(() => {
    const typeName = ({ drg }: Row) => {
      const key = drg.drgType === null ? null : drgTypeKey(drg.drgType);
      return key ? t(key) : drg.drgType;
    };
    return [
      { id: 'code', header: t('params.drg.code'), value: (r) => r.drg.code },
      { id: 'name', header: t('params.drg.name'), value: (r) => r.drg.name },
      { id: 'mdc', header: t('params.drg.mdc'), value: (r) => r.drg.mdc },
      { id: 'type', header: t('params.drg.type'), value: typeName },
      { id: 'cases', header: t('params.drg.cases'), value: (r) => r.drg.cases, numeric: true, format: COUNT },
      {
        id: 'weight',
        header: t('params.drg.weight'),
        value: (r) => r.weight,
        render: (r) => <WeightCell drg={r.drg} override={r.weightOverride} />,
        numeric: true,
        format: WEIGHT,
      },
      { id: 'catalogWeight', header: t('params.drg.catalogWeight'), value: (r) => r.drg.weight, numeric: true, format: WEIGHT },
      {
        id: 'benchmarkCost',
        header: t('params.drg.benchmarkCost'),
        value: (r) => r.benchmarkCost,
        render: (r) => <BenchmarkCostCell drg={r.drg} override={r.benchmarkOverride} />,
        numeric: true,
        format: YUAN,
      },
      {
        id: 'uniformPrice',
        header: t('params.drg.uniformPrice'),
        value: (r) => (r.uniformPrice ? 1 : 0),
        text: (r) => t(r.uniformPrice ? 'common.yes' : 'common.no'),
        render: (r) => <UniformPriceCell drg={r.drg} inRound={r.uniformInRound} />,
      },
    ];
  }, [t]);
}
