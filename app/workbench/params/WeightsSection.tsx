'use client';
import { useMemo, useState } from 'react';
import type { CatalogEntryWithVolume } from '@/server/services/dataset-queries';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { BulkWeightEdit } from './BulkWeightEdit';
import { BenchmarkCostCell, drgOverride, UniformPriceCell, WeightCell } from './DrgCells';
import { DrgFilterBar, drgTypeKey } from './DrgFilterBar';
import { drgTypesOf, filterDrgs, mdcsOf, NO_FILTER, type DrgFilter } from './drg-filter';
import { overrideCount, ResetOverrides } from './ResetOverrides';
import { isUniformPrice } from './uniform-price';
import styles from './params.module.css';

/** 权重: the DRG catalog with the round's weights, benchmark costs and uniform-price flags. */
export function WeightsSection() {
  const { t } = useLocale();
  const { params, catalog } = useParamsEditing();
  const [filter, setFilter] = useState<DrgFilter>(NO_FILTER);
  const rows = useMemo(() => filterDrgs(catalog, filter), [catalog, filter]);
  const mdcs = useMemo(() => mdcsOf(catalog), [catalog]);
  const drgTypes = useMemo(() => drgTypesOf(catalog), [catalog]);
  const columns = useWeightColumns(params);
  const selection = useMemo(() => rows.map((d) => ({ code: d.code, catalogWeight: d.weight })), [rows]);
  const typeKey = filter.drgType === null ? null : drgTypeKey(filter.drgType);
  const filterLabel =
    [filter.mdc ? `MDC ${filter.mdc}` : null, typeKey ? t(typeKey) : filter.drgType, filter.text.trim() ? `“${filter.text.trim()}”` : null]
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
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(d) => d.code}
        rowAttributes={(d) => ({ 'data-drg-code': d.code, ...(drgOverride(params, 'weights', d.code) === undefined ? {} : { 'data-overridden': 'weight' }) })}
        exportName="round-weights"
        testId="weights-table"
        caption={t('params.filter.count', { count: rows.length, total: catalog.length })}
        toolbar={<DrgFilterBar filter={filter} mdcs={mdcs} drgTypes={drgTypes} onChange={setFilter} />}
      />
    </section>
  );
}

function useWeightColumns(params: unknown): TableColumn<CatalogEntryWithVolume>[] {
  const { t } = useLocale();
  return useMemo(() => {
    const typeName = (d: CatalogEntryWithVolume) => {
      const key = d.drgType === null ? null : drgTypeKey(d.drgType);
      return key ? t(key) : d.drgType;
    };
    return [
      { id: 'code', header: t('params.drg.code'), value: (d) => d.code },
      { id: 'name', header: t('params.drg.name'), value: (d) => d.name },
      { id: 'mdc', header: t('params.drg.mdc'), value: (d) => d.mdc },
      { id: 'type', header: t('params.drg.type'), value: typeName },
      { id: 'cases', header: t('params.drg.cases'), value: (d) => d.cases, numeric: true },
      {
        id: 'weight',
        header: t('params.drg.weight'),
        value: (d) => drgOverride(params, 'weights', d.code) ?? d.weight,
        render: (d) => <WeightCell drg={d} />,
        numeric: true,
        numFmt: '0.0000',
      },
      { id: 'catalogWeight', header: t('params.drg.catalogWeight'), value: (d) => d.weight, numeric: true, numFmt: '0.0000' },
      {
        id: 'benchmarkCost',
        header: t('params.drg.benchmarkCost'),
        value: (d) => drgOverride(params, 'benchmark_costs', d.code) ?? d.benchmarkCost,
        render: (d) => <BenchmarkCostCell drg={d} />,
        numeric: true,
        numFmt: '#,##0.00',
      },
      {
        id: 'uniformPrice',
        header: t('params.drg.uniformPrice'),
        value: (d) => (d.uniformPrice || isUniformPrice(params, d.code) ? 1 : 0),
        render: (d) => <UniformPriceCell drg={d} />,
      },
    ];
  }, [t, params]);
}
