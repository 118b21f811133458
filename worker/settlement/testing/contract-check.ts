/**
 * Compares a §7 result.json with an expected one, field by field, the way SETTLEMENT.md §4.5 reports them:
 * money and points exactly (they are rounded to the fen / to 4 decimals, so an expected figure is the same
 * double), point values, monthly point values, CMI and payment_cost_ratio (unrounded) to 1e-9 relative.
 * Only the fields present in the expectation are compared. Returns the mismatches, one line each.
 */
import type { ContractDrgRow, ContractHospitalRow, ContractResult, ContractTotals } from '../result';
import type { Pool } from '../types';

type PoolMap<T> = Partial<Record<Pool, T>>;

export interface ExpectedHospitalRow extends Partial<Omit<ContractHospitalRow, 'cases'>> {
  hospital_code: string;
  pool: Pool;
  cases?: Partial<ContractHospitalRow['cases']>;
}

export interface ExpectedResult {
  point_value?: PoolMap<number>;
  monthly_point_value?: PoolMap<number[]>;
  totals?: PoolMap<Partial<ContractTotals>>;
  /** rows to compare, matched by hospital_code and pool */
  hospitals?: ExpectedHospitalRow[];
  /** when true, `hospitals` must be every row of the result, in the result's order */
  allHospitals?: boolean;
  /** when true, the pools of point_value, monthly_point_value and totals must be exactly those expected */
  allPools?: boolean;
  drgs?: (Partial<ContractDrgRow> & { drg_code: string })[];
}

const UNROUNDED = new Set(['point_value', 'monthly_point_value', 'cmi', 'payment_cost_ratio']);
export const RELATIVE_TOLERANCE = 1e-9;

function close(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), 1e-12);
}

/** Compares `expected` (a JSON value) with `actual` at `path`; `loose` = unrounded figure. */
function compareValue(path: string, actual: unknown, expected: unknown, loose: boolean, out: string[]): void {
  if (typeof expected === 'number') {
    const ok = typeof actual === 'number' && (loose ? close(actual, expected) : actual === expected);
    if (!ok) out.push(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: expected ${expected.length} values, got ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((value, i) => compareValue(`${path}[${i}]`, actual[i], value, loose, out));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      out.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      compareValue(`${path}.${key}`, (actual as Record<string, unknown>)[key], value, loose || UNROUNDED.has(key), out);
    }
    return;
  }
  if (actual !== expected) out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function compareHospitals(actual: ContractResult, expected: ExpectedResult, out: string[]): void {
  const rows = expected.hospitals ?? [];
  if (expected.allHospitals) {
    const got = actual.hospitals.map((h) => `${h.pool}/${h.hospital_code}`).join(' ');
    const want = rows.map((h) => `${h.pool}/${h.hospital_code}`).join(' ');
    if (got !== want) out.push(`hospitals: expected rows ${want}, got ${got}`);
  }
  for (const row of rows) {
    const found = actual.hospitals.find((h) => h.hospital_code === row.hospital_code && h.pool === row.pool);
    const path = `hospitals[${row.pool}/${row.hospital_code}]`;
    if (!found) out.push(`${path}: missing`);
    else compareValue(path, found, row, false, out);
  }
}

export function contractMismatches(actual: ContractResult, expected: ExpectedResult): string[] {
  const out: string[] = [];
  if (expected.allPools) {
    // a full expectation: the pools reported must be the same too (费率法 reports no point values)
    for (const key of ['point_value', 'monthly_point_value', 'totals'] as const) {
      const want = Object.keys(expected[key] ?? {}).join(',');
      const got = Object.keys(actual[key]).join(',');
      if (want !== got) out.push(`${key}: expected pools [${want}], got [${got}]`);
    }
  }
  if (expected.point_value) compareValue('point_value', actual.point_value, expected.point_value, true, out);
  if (expected.monthly_point_value) compareValue('monthly_point_value', actual.monthly_point_value, expected.monthly_point_value, true, out);
  if (expected.totals) compareValue('totals', actual.totals, expected.totals, false, out);
  compareHospitals(actual, expected, out);
  for (const drg of expected.drgs ?? []) {
    const found = actual.drgs.find((d) => d.drg_code === drg.drg_code);
    if (!found) out.push(`drgs[${drg.drg_code}]: missing`);
    else compareValue(`drgs[${drg.drg_code}]`, found, drg, false, out);
  }
  return out;
}

/** An expected-*.json of ../shared/examples (the §7 result without `drgs`) as an expectation. */
export function expectationOf(json: {
  point_value: PoolMap<number>;
  monthly_point_value: PoolMap<number[]>;
  totals: PoolMap<Partial<ContractTotals>>;
  hospitals: ExpectedHospitalRow[];
}): ExpectedResult {
  return { ...json, allHospitals: true, allPools: true };
}
