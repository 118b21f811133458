/** The `catalog` table (SETTLEMENT.md §5): the DRG list of the data set, unique codes. */
import { NO_DRG, type DrgEntry } from '@/worker/settlement/types';
import type { ErrorList } from './errors';
import { REASONS } from './reasons';
import { readTable } from './rows';
import { catalogRow } from './schemas';
import type { TableSource } from './source';
import { FirstSeen, validateRow } from './validate';

export interface CatalogTable {
  catalog: DrgEntry[];
  /** drg_code → index in `catalog` */
  index: Map<string, number>;
}

export async function readCatalog(
  source: TableSource,
  errors: ErrorList,
  onBytes?: (bytes: number) => void,
): Promise<CatalogTable> {
  const table: CatalogTable = { catalog: [], index: new Map() };
  const codes = new FirstSeen();
  await readTable(
    'catalog',
    source,
    errors,
    (record, row) => {
      const first = record.drg_code ? codes.check(record.drg_code, row) : null;
      if (first !== null) errors.add(source.name, row, 'drg_code', REASONS.duplicateCode('catalog', 'drg_code', record.drg_code, first));
      const valid = validateRow(catalogRow, record, { file: source.name, row }, errors);
      if (!valid || first !== null) return;
      // NO_DRG is the last Uint16: it marks "no DRG" in the case columns
      if (table.catalog.length >= NO_DRG) {
        errors.add(source.name, row, '', REASONS.tooManyRows(NO_DRG, 'catalog'));
        return;
      }
      table.index.set(valid.drg_code, table.catalog.length);
      table.catalog.push({
        code: valid.drg_code,
        name: valid.name,
        mdc: valid.mdc,
        adrg: valid.adrg,
        drgType: valid.drg_type,
        weight: valid.weight,
        benchmarkCost: valid.benchmark_cost,
        uniformPrice: valid.uniform_price,
        perDiem: valid.per_diem,
      });
    },
    onBytes,
  );
  return table;
}
