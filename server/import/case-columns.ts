/**
 * Case columns that grow while a file streams in (the row count is unknown until the end): typed arrays
 * doubled when full, trimmed to the count at the end.
 */
import { allocateCaseColumns, type CaseColumns, type CaseTable } from '@/worker/settlement/types';

type ColumnKey = Exclude<keyof CaseColumns, 'count'>;
const COLUMN_KEYS: readonly ColumnKey[] = [
  'hospital',
  'drg',
  'month',
  'pool',
  'totalCost',
  'patientPay',
  'deduction',
  'los',
  'specialReview',
];

export class GrowingCaseTable {
  columns: CaseColumns = allocateCaseColumns(1 << 16);
  readonly caseId: string[] = [];
  readonly drgCode: string[] = [];
  count = 0;

  /** Index of the next case, growing the columns when full. Fill every column at this index. */
  next(caseId: string, drgCode: string): number {
    if (this.count === this.columns.count) this.grow(this.columns.count * 2);
    this.caseId.push(caseId);
    this.drgCode.push(drgCode);
    return this.count++;
  }

  private grow(capacity: number): void {
    const grown = allocateCaseColumns(capacity);
    for (const key of COLUMN_KEYS) (grown[key] as { set(a: ArrayLike<number>): void }).set(this.columns[key]);
    this.columns = grown;
  }

  finish(): CaseTable {
    const trimmed = allocateCaseColumns(this.count);
    for (const key of COLUMN_KEYS) {
      (trimmed[key] as { set(a: ArrayLike<number>): void }).set(this.columns[key].subarray(0, this.count));
    }
    return { ...trimmed, caseId: this.caseId, drgCode: this.drgCode };
  }
}
