/** The DRG selection of the weight table: what is shown is what a bulk weight edit changes. */

export interface DrgFilter {
  /** 主要诊断大类, e.g. "F"; null = every MDC */
  mdc: string | null;
  /** surgical / medical / procedure; null = every type */
  drgType: string | null;
  /** part of the code or the name */
  text: string;
}

export const NO_FILTER: DrgFilter = { mdc: null, drgType: null, text: '' };

interface FilterableDrg {
  code: string;
  name: string;
  mdc: string;
  drgType: string | null;
}

export function filterDrgs<Row extends FilterableDrg>(rows: readonly Row[], filter: DrgFilter): Row[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.mdc === null || row.mdc === filter.mdc) &&
      (filter.drgType === null || row.drgType === filter.drgType) &&
      (text === '' || row.code.toLowerCase().includes(text) || row.name.toLowerCase().includes(text)),
  );
}

/** The MDCs present in the catalog, sorted. */
export function mdcsOf(rows: readonly FilterableDrg[]): string[] {
  return [...new Set(rows.map((r) => r.mdc))].sort();
}

/** The DRG types present in the catalog, in catalog order. */
export function drgTypesOf(rows: readonly FilterableDrg[]): string[] {
  return [...new Set(rows.map((r) => r.drgType).filter((t): t is string => t !== null))];
}

export function isFiltered(filter: DrgFilter): boolean {
  return filter.mdc !== null || filter.drgType !== null || filter.text.trim() !== '';
}
