/** For router tests: a data set of one hospital (H1, level 3, coefficient 1.05), one DRG (ES35) and one case. */
import type { Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { allocateCaseColumns } from '@/worker/settlement/types';

export function seedSmallCity(db: Db): number {
  const cases = { ...allocateCaseColumns(1), caseId: ['C1'], drgCode: ['ES35'] };
  cases.month[0] = 1;
  cases.totalCost[0] = 3000;
  cases.los[0] = 5;
  return saveDataset(db, { name: '小城', year: 2025 }, {
    hospitals: [{ code: 'H1', name: '市一院', level: 3, coefficient: 1.05, evaluationScore: 90, district: null, type: null }],
    catalog: [{ code: 'ES35', name: '呼吸系统感染', mdc: 'MDCE', adrg: null, drgType: 'medical', weight: 0.38, benchmarkCost: 3040, uniformPrice: false, perDiem: false }],
    cases,
  });
}
