/**
 * §A.3–§A.5: the decomposition JSON from the two rounds' results and the values of the mixed rounds between them.
 * Per row and figure: v(T) for the 32 masks (a mask's families outside `changed` change nothing, so v(T) =
 * v(T ∩ changed)), Shapley parts, rounded to the fen to add up to the reported change; totals per pool and per
 * level are sums of the rounded rows, in whole fen.
 */
import type { SettlementSummary } from '@/worker/settlement';
import { fenOf } from '@/worker/settlement/rounding';
import { POOLS, type Hospital, type Pool } from '@/worker/settlement/types';
import { FAMILIES, type Family } from './families';
import type { Decomposition, DecompositionRow, DecompositionTotal, FamilyParts, Figures, LevelTotal } from './decomposition-json';
import { partsToFen, shapleyParts } from './shapley';

/** v(T) of §A.3 for every row (pool × H + hospital, as in SettlementResult), unrounded yuan. */
export interface SubsetValues {
  mask: number;
  settlement: Float64Array;
  fundPayment: Float64Array;
}

type Result = Pick<SettlementSummary, 'rows' | 'rounded' | 'hospitalOrder' | 'hospitalCodes'>;
type FigureName = keyof Figures;
const FIGURES: readonly { name: FigureName; unrounded: 'settlement' | 'fundPayment' }[] = [
  { name: 'settlement', unrounded: 'settlement' },
  { name: 'fund_payment', unrounded: 'fundPayment' },
];
const SUBSETS = 1 << FAMILIES.length;

/** The 32 values' arrays of one figure: index = mask, v(T) = v(T ∩ changed). */
function valueArrays(from: Result, to: Result, subsets: readonly SubsetValues[], changed: number, figure: 'settlement' | 'fundPayment'): Float64Array[] {
  const byMask = new Map<number, Float64Array>(subsets.map((s) => [s.mask & changed, s[figure]]));
  byMask.set(0, from.rows[figure]);
  byMask.set(changed, to.rows[figure]);
  return Array.from({ length: SUBSETS }, (_, mask) => {
    const values = byMask.get(mask & changed);
    if (!values) throw new Error(`mixed round ${mask & changed} was not settled (ANALYSIS.md §A.3 needs every subset of the changed families)`);
    return values;
  });
}

const familyRecord = (fen: ArrayLike<number>): FamilyParts =>
  Object.fromEntries(FAMILIES.map((family, f) => [family, fen[f]! / 100])) as Record<Family, number>;

/** Sums in whole fen, turned into yuan at the end. */
class FenTotal {
  change = { settlement: 0, fund_payment: 0 };
  parts = { settlement: new Float64Array(FAMILIES.length), fund_payment: new Float64Array(FAMILIES.length) };
  alone = { settlement: new Float64Array(FAMILIES.length), fund_payment: new Float64Array(FAMILIES.length) };

  add(figure: FigureName, changeFen: number, partsFen: Float64Array, aloneFen: Float64Array): void {
    this.change[figure] += changeFen;
    for (let f = 0; f < FAMILIES.length; f++) {
      this.parts[figure][f]! += partsFen[f]!;
      this.alone[figure][f]! += aloneFen[f]!;
    }
  }

  total(): DecompositionTotal {
    return {
      change: { settlement: this.change.settlement / 100, fund_payment: this.change.fund_payment / 100 },
      parts: { settlement: familyRecord(this.parts.settlement), fund_payment: familyRecord(this.parts.fund_payment) },
    };
  }

  levelTotal(): LevelTotal {
    return { ...this.total(), alone: { settlement: familyRecord(this.alone.settlement), fund_payment: familyRecord(this.alone.fund_payment) } };
  }
}

/**
 * The decomposition from `from` to `to`. `subsets` holds v(T) for every subset T of `changed` (changedFamilies)
 * other than ∅ and `changed` itself, which are the two results' own rows.
 */
export function combineDecomposition(
  fromResult: Result,
  toResult: Result,
  subsets: readonly SubsetValues[],
  hospitals: readonly Hospital[],
  changed: number,
): Decomposition {
  const hospitalCount = fromResult.hospitalCodes.length;
  const values = FIGURES.map((figure) => valueArrays(fromResult, toResult, subsets, changed, figure.unrounded));
  const rowValues = new Float64Array(SUBSETS);
  const parts = new Float64Array(FAMILIES.length);
  const partsFen = new Float64Array(FAMILIES.length);
  const aloneFen = new Float64Array(FAMILIES.length);
  const out: Decomposition = { families: [...FAMILIES], hospitals: [], totals: {}, by_level: {} };
  const levelTotals = new Map<string, FenTotal>();
  POOLS.forEach((pool: Pool, p) => {
    const poolTotal = new FenTotal();
    for (const h of fromResult.hospitalOrder) {
      const row = p * hospitalCount + h;
      if (fromResult.rows.hasCases[row] !== 1) continue;
      const level = String(hospitals[h]!.level);
      const levelKey = `${level}:${pool}`;
      const levelTotal = levelTotals.get(levelKey) ?? new FenTotal();
      levelTotals.set(levelKey, levelTotal);
      const record: Partial<Record<FigureName, { from: number; to: number; change: number; parts: FamilyParts; alone: FamilyParts }>> = {};
      FIGURES.forEach(({ name, unrounded }, i) => {
        const arrays = values[i]!;
        for (let mask = 0; mask < SUBSETS; mask++) rowValues[mask] = arrays[mask]![row]!;
        shapleyParts(rowValues, parts);
        const fromFen = fromResult.rounded[unrounded][row]!;
        const toFen = toResult.rounded[unrounded][row]!;
        const changeFen = toFen - fromFen;
        partsToFen(parts, changeFen, changed, partsFen);
        // §A.3 alone_f = v({f}) − v(∅), half away from zero
        FAMILIES.forEach((_, f) => (aloneFen[f] = fenOf(rowValues[1 << f]! - rowValues[0]!)));
        poolTotal.add(name, changeFen, partsFen, aloneFen);
        levelTotal.add(name, changeFen, partsFen, aloneFen);
        record[name] = { from: fromFen / 100, to: toFen / 100, change: changeFen / 100, parts: familyRecord(partsFen), alone: familyRecord(aloneFen) };
      });
      const s = record.settlement!;
      const fp = record.fund_payment!;
      const decomposed: DecompositionRow = {
        hospital_code: fromResult.hospitalCodes[h]!,
        pool,
        from: { settlement: s.from, fund_payment: fp.from },
        to: { settlement: s.to, fund_payment: fp.to },
        change: { settlement: s.change, fund_payment: fp.change },
        parts: { settlement: s.parts, fund_payment: fp.parts },
        alone: { settlement: s.alone, fund_payment: fp.alone },
      };
      out.hospitals.push(decomposed);
    }
    out.totals[pool] = poolTotal.total();
  });
  for (const [key, total] of levelTotals) {
    const [level, pool] = key.split(':') as ['1' | '2' | '3', Pool];
    (out.by_level[level] ??= {})[pool] = total.levelTotal();
  }
  return out;
}

