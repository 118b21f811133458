import { describe, expect, it } from 'vitest';
import { planHospitals } from './hospitals';
import { loadCitySettings } from './settings';

const plan = planHospitals(loadCitySettings());
const list = plan.hospitals;

describe('demo-city hospitals', () => {
  it('has about 10 三级, 35 二级 and 125 一级 hospitals, 三级 first', () => {
    const count = (level: number) => list.filter((h) => h.level === level).length;
    expect(count(3)).toBe(10);
    expect(count(2)).toBe(35);
    expect(count(1)).toBe(125);
    expect(list.map((h) => h.level)).toEqual([...list.map((h) => h.level)].sort((a, b) => b - a));
  });

  it('gives unique codes H001… and unique plausible Chinese names', () => {
    expect(new Set(list.map((h) => h.code)).size).toBe(list.length);
    expect(new Set(list.map((h) => h.name)).size).toBe(list.length);
    expect(list[0]!.code).toBe('H001');
    for (const h of list) expect(h.name).toMatch(/(医院|卫生院|服务中心|保健院|卫生中心)$/);
    expect(list.some((h) => /市第一人民医院$/.test(h.name))).toBe(true);
    expect(list.some((h) => /县中医医院$/.test(h.name))).toBe(true);
    expect(list.some((h) => /镇卫生院$/.test(h.name))).toBe(true);
  });

  it('places every hospital in a district and a type', () => {
    const districts = new Set(loadCitySettings().districts.map((d) => d.name));
    for (const h of list) {
      expect(districts.has(h.district!)).toBe(true);
      expect(['综合', '中医', '专科', '妇幼']).toContain(h.type);
    }
  });

  it('leaves the file coefficient empty for most hospitals', () => {
    const withCoefficient = list.filter((h) => h.coefficient !== null).length;
    expect(withCoefficient).toBeGreaterThan(0);
    expect(withCoefficient / list.length).toBeLessThan(0.1);
  });

  it('scores most hospitals between 60 and 100, a few without a score', () => {
    const scores = list.map((h) => h.evaluationScore).filter((s): s is number => s !== null);
    const missing = list.length - scores.length;
    expect(missing).toBeGreaterThan(0);
    expect(missing / list.length).toBeLessThan(0.1);
    expect(scores.filter((s) => s >= 60 && s <= 100).length / scores.length).toBeGreaterThan(0.95);
  });

  it('gives each level its share of the city volume', () => {
    const share = (level: number) => list.reduce((sum, h, i) => sum + (h.level === level ? plan.volume[i]! : 0), 0);
    expect(share(3)).toBeCloseTo(0.53, 6);
    expect(share(1) + share(2) + share(3)).toBeCloseTo(1, 9);
  });
});
