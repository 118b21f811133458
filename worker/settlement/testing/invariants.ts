/**
 * SETTLEMENT.md §4.4 and §4.5 invariants of one settled round, checked in whole fen. Returns the violations,
 * one line each (empty = all hold), so a property test can say which hospital and which column broke.
 */
import { toContractResult, type SettlementResult } from '../index';
import { fenOf } from '../rounding';

/** Reported yuan (fen / 100) back to whole fen: exact for every figure the engine reports. */
const fen = (yuan: number) => Math.round(yuan * 100);

/** How far `returned` may drift from its unrounded value: the rounding of ≤ 5 column totals, ½ fen each. */
const RETURNED_RESIDUE_FEN = 3;

const MONEY_COLUMNS = ['totalCost', 'patientPay', 'deduction', 'baseRevenue', 'sharing', 'incentive', 'prepaid'] as const;

function statementViolations(result: SettlementResult, out: string[]): void {
  const totalBasis = result.basis === 'total';
  for (const h of toContractResult(result).hospitals) {
    const at = `${h.pool}/${h.hospital_code}`;
    const settlement = fen(h.base_revenue) + fen(h.sharing) + fen(h.incentive);
    if (fen(h.settlement) !== settlement) out.push(`${at}: settlement ${h.settlement} ≠ base_revenue + sharing + incentive`);
    const fundPayment = totalBasis ? fen(h.settlement) - fen(h.patient_pay) : fen(h.settlement);
    if (fen(h.fund_payment) !== fundPayment) out.push(`${at}: fund_payment ${h.fund_payment} ≠ settlement${totalBasis ? ' − patient_pay' : ''}`);
    if (fen(h.clearing) !== fen(h.fund_payment) - fen(h.prepaid)) out.push(`${at}: clearing ${h.clearing} ≠ fund_payment − prepaid`);
  }
}

function poolViolations(result: SettlementResult, out: string[]): void {
  const contract = toContractResult(result);
  for (const pool of result.pools) {
    const rows = contract.hospitals.filter((h) => h.pool === pool.pool);
    const totals = contract.totals[pool.pool]!;
    const sum = (pick: (h: (typeof rows)[number]) => number) => rows.reduce((s, h) => s + fen(pick(h)), 0);
    const at = pool.pool;
    if (sum((h) => h.sharing) !== fen(totals.sharing)) out.push(`${at}: Σ sharing ≠ totals.sharing`);
    if (sum((h) => h.incentive) !== fen(totals.incentive)) out.push(`${at}: Σ incentive ≠ totals.incentive`);
    if (sum((h) => h.settlement) !== fen(totals.settlement)) out.push(`${at}: Σ settlement ≠ totals.settlement`);
    if (fen(totals.budget) !== fenOf(pool.budget)) out.push(`${at}: budget ${totals.budget} ≠ ${pool.budget}`);
    if (fen(totals.reserve) !== fenOf(pool.reserve)) out.push(`${at}: reserve ${totals.reserve} ≠ ${pool.reserve}`);
    if (result.method === 'points') {
      // §4.4: Σ F + Σ deductions + returned = budget, exactly to the fen
      const reconciled = sum((h) => h.fund_payment) + sum((h) => h.deduction) + fen(totals.returned);
      if (reconciled !== fen(totals.budget)) out.push(`${at}: Σ fund_payment + Σ deduction + returned = ${reconciled} fen ≠ budget`);
    } else {
      const expected = fen(totals.reserve) - fen(totals.sharing) - fen(totals.incentive) + fenOf(pool.surplusCapExcess);
      if (fen(totals.returned) !== expected) out.push(`${at}: returned ≠ reserve − sharing − incentive + surplus-cap excess`);
    }
    if (Math.abs(fen(totals.returned) - pool.returned * 100) > RETURNED_RESIDUE_FEN) out.push(`${at}: returned ${totals.returned} is far from ${pool.returned}`);
    if (Math.abs(sum((h) => h.sharing) - pool.sharingWanted * pool.sharingScale * 100) > 1) out.push(`${at}: Σ sharing ≠ scaled wanted sharing`);
    if (fen(totals.sharing) > fen(totals.reserve)) out.push(`${at}: sharing exceeds the reserve`);
    if (fen(totals.sharing) + fen(totals.incentive) > fen(totals.reserve) + 1) out.push(`${at}: sharing + incentive exceed the reserve`);
  }
}

/** §4.5 step 1: every rounded column sums to its unrounded total rounded to the fen; no figure moves a whole fen. */
function roundingViolations(result: SettlementResult, out: string[]): void {
  const hospitalCount = result.hospitalCodes.length;
  result.pools.forEach((pool, p) => {
    const rows: number[] = [];
    for (let h = 0; h < hospitalCount; h++) if (result.rows.hasCases[p * hospitalCount + h] === 1) rows.push(p * hospitalCount + h);
    for (const column of MONEY_COLUMNS) {
      const unrounded = result.rows[column];
      const rounded = result.rounded[column];
      let total = 0;
      let roundedTotal = 0;
      for (const row of rows) {
        total += unrounded[row]!;
        roundedTotal += rounded[row]!;
        if (Math.abs(rounded[row]! - unrounded[row]! * 100) >= 1 + 1e-6) out.push(`${pool.pool}: ${column} of row ${row} moved by a fen or more`);
      }
      if (roundedTotal !== fenOf(total)) out.push(`${pool.pool}: ${column} sums to ${roundedTotal} fen, not ${fenOf(total)}`);
    }
  });
}

/** Case counts: every case is counted once, in one class (excluded ones included). */
export function caseCountTotal(result: SettlementResult): number {
  let all = 0;
  const counts = result.rows.caseCounts;
  for (let i = 0; i < counts.length; i++) all += counts[i]!;
  return all;
}

export function invariantViolations(result: SettlementResult): string[] {
  const out: string[] = [];
  statementViolations(result, out);
  poolViolations(result, out);
  roundingViolations(result, out);
  return out;
}
