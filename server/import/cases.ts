/**
 * The `cases` table (SETTLEMENT.md §5), streamed straight into typed columns. Checked against the other
 * two tables: the hospital must be in the hospitals file; a DRG code not in the catalog is kept as given
 * and the case is ungrouped (§2), not an error.
 */
import { NO_DRG, POOL_INDEX, type CaseTable } from '@/worker/settlement/types';
import type { CatalogTable } from './catalog';
import { GrowingCaseTable } from './case-columns';
import type { ErrorList } from './errors';
import { REASONS } from './reasons';
import type { HospitalTable } from './hospitals';
import { readTable, type RowRecord } from './rows';
import { caseRow, type CaseRow } from './schemas';
import type { TableSource } from './source';
import { FirstSeen, validateRow } from './validate';

interface CaseContext {
  file: string;
  hospitals: HospitalTable;
  catalog: CatalogTable;
  caseIds: FirstSeen;
  errors: ErrorList;
}

/** Checks that need more than the row's own cells; true when the row may be kept. */
function crossCheck(record: RowRecord<'cases'>, row: number, valid: CaseRow | null, ctx: CaseContext): boolean {
  const { file, errors } = ctx;
  let ok = true;
  const first = record.case_id ? ctx.caseIds.check(record.case_id, row) : null;
  if (first !== null) {
    errors.add(file, row, 'case_id', REASONS.duplicateCode('cases', 'case_id', record.case_id, first));
    ok = false;
  }
  const code = record.hospital_code;
  if (code && ctx.hospitals.readable && !ctx.hospitals.codes.has(code)) {
    errors.add(file, row, 'hospital_code', REASONS.unknownHospital(code));
    ok = false;
  }
  if (valid && valid.patient_pay > valid.total_cost) {
    errors.add(file, row, 'patient_pay', REASONS.patientPayOverTotal(record.total_cost, record.patient_pay));
    ok = false;
  }
  return ok;
}

function store(cases: GrowingCaseTable, valid: CaseRow, ctx: CaseContext): void {
  const i = cases.next(valid.case_id, valid.drg_code);
  const c = cases.columns;
  c.hospital[i] = ctx.hospitals.index.get(valid.hospital_code) ?? 0;
  c.drg[i] = ctx.catalog.index.get(valid.drg_code) ?? NO_DRG;
  c.month[i] = valid.month;
  c.pool[i] = POOL_INDEX[valid.pool];
  c.totalCost[i] = valid.total_cost;
  c.patientPay[i] = valid.patient_pay;
  c.deduction[i] = valid.deduction;
  c.los[i] = valid.los;
  c.specialReview[i] = valid.special_review ? 1 : 0;
}

export async function readCases(
  source: TableSource,
  tables: { hospitals: HospitalTable; catalog: CatalogTable },
  errors: ErrorList,
  onBytes?: (bytes: number) => void,
): Promise<CaseTable> {
  const cases = new GrowingCaseTable();
  const ctx: CaseContext = { file: source.name, ...tables, caseIds: new FirstSeen(), errors };
  await readTable(
    'cases',
    source,
    errors,
    (record, row) => {
      const valid = validateRow(caseRow, record, { file: source.name, row }, errors);
      const consistent = crossCheck(record, row, valid, ctx);
      // Once anything is wrong nothing will be written: stop filling columns, keep checking rows.
      if (valid && consistent && errors.isEmpty) store(cases, valid, ctx);
    },
    onBytes,
  );
  return cases.finish();
}
