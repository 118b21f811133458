/** Yuan to the fen (分): half away from zero, as SETTLEMENT.md §4.5 rounds reported money. */
export function toFen(yuan: number): number {
  const fen = Math.round(Math.abs(yuan) * 100) / 100;
  return yuan < 0 ? -fen : fen;
}

/** Yuan to the 万元 (ten thousand yuan), the unit a bureau budgets in. */
export function toWanYuan(yuan: number): number {
  return Math.round(yuan / 10_000) * 10_000;
}
