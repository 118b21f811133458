/**
 * The five lever families of ANALYSIS.md §A.1 as the workbench shows them: one colour each, the same in every
 * chart, legend and table header (a projector's back row tells them apart by colour and by the printed label).
 */
import { FAMILIES, type Family } from '@/worker/analysis/families';
import type { MessageKey } from '../../i18n/messages';

export { FAMILIES, type Family };

/** blue, amber, green, magenta, slate: distinct in print and for the common colour blindnesses */
export const FAMILY_COLORS: Readonly<Record<Family, string>> = {
  weights: '#2b6cb0',
  rates: '#d97706',
  coefficients: '#2f855a',
  case_rules: '#b83280',
  clearing: '#4a5568',
};

/** 权重 / 费率与预算 / 机构系数 / 病例规则 / 清算规则 */
export function familyLabelKey(family: Family): MessageKey {
  return `analysis.family.${family}`;
}
