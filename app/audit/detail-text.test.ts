import { describe, expect, it } from 'vitest';
import { auditDetailText } from './detail-text';

describe("an audit entry's detail in words", () => {
  it('writes each change as old → new under its dotted path, and other values as they are', () => {
    const round = JSON.stringify({ params: { budget: { employee: { before: 500000000, after: 520000000 } }, level_coefficients: { 2: { before: 0.9, after: null } } }, fields: ['params'] });
    expect(auditDetailText(round)).toBe('params.budget.employee: 500000000 → 520000000; params.level_coefficients.2: 0.9 → —; fields: params');
    const rejected = JSON.stringify({ status: { before: 'submitted', after: 'rejected' }, reason: '依据不足' });
    expect(auditDetailText(rejected)).toBe('status: submitted → rejected; reason: 依据不足');
  });

  it('numbers the items of a list of records, and keeps what is not JSON as it came', () => {
    const request = JSON.stringify({ roundId: 3, items: [{ kind: 'drg_weight', drg: 'FK15', value: 1.3 }], together: [1, 3] });
    expect(auditDetailText(request)).toBe('roundId: 3; items.1.kind: drg_weight; items.1.drg: FK15; items.1.value: 1.3; together: 1, 3');
    expect(auditDetailText('')).toBe('');
    expect(auditDetailText('not json')).toBe('not json');
    expect(auditDetailText(JSON.stringify({ weights: { before: { FK15: 1.2 }, after: {} } }))).toBe('weights: {"FK15":1.2} → {}');
  });
});
