import { describe, expect, it } from 'vitest';
import { coefficientRows, effectiveCoefficient, hospitalsOnLevelCoefficient } from './hospital-coefficients';

const resolved = { method: 'points', level_coefficients: { '1': 0.7, '2': 0.85, '3': 1 } };
const hospitals = [
  { code: 'H001', level: 3, coefficient: 1.05 },
  { code: 'H002', level: 2, coefficient: null },
  { code: 'H003', level: 2, coefficient: null },
];

describe('effective hospital coefficient (SETTLEMENT.md §3)', () => {
  it('the round override wins over the file and the level', () => {
    const params = { method: 'points', hospital_coefficients: { H001: 1.02, H002: 0.9 } };
    expect(effectiveCoefficient(hospitals[0]!, params, resolved)).toEqual({ coefficient: 1.02, source: 'round' });
    expect(effectiveCoefficient(hospitals[1]!, params, resolved)).toEqual({ coefficient: 0.9, source: 'round' });
  });

  it('then the hospital file, then the level coefficient', () => {
    const params = { method: 'points' };
    expect(effectiveCoefficient(hospitals[0]!, params, resolved)).toEqual({ coefficient: 1.05, source: 'file' });
    expect(effectiveCoefficient(hospitals[2]!, params, resolved)).toEqual({ coefficient: 0.85, source: 'level' });
  });

  it('counts the hospitals a level coefficient applies to', () => {
    const counts = hospitalsOnLevelCoefficient(hospitals, { method: 'points', hospital_coefficients: { H003: 0.8 } });
    expect(counts.get(2)).toBe(1);
    expect(counts.get(3)).toBeUndefined();
  });

  it('table rows carry the override, what applies without it, and the effective score', () => {
    const withScores = hospitals.map((h, i) => ({ ...h, evaluationScore: i === 0 ? 92 : null }));
    const params = { method: 'points', hospital_coefficients: { H003: 0.8 }, evaluation_scores: { H002: 75 } };
    const [h1, h2, h3] = coefficientRows(withScores, params, resolved);
    expect(h1).toMatchObject({ coefficient: 1.05, source: 'file', override: null, withoutOverride: 1.05, score: 92 });
    expect(h2).toMatchObject({ coefficient: 0.85, source: 'level', scoreOverride: 75, score: 75 });
    expect(h3).toMatchObject({ coefficient: 0.8, source: 'round', override: 0.8, withoutOverride: 0.85, score: null });
  });
});
