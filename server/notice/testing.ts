/**
 * For the notice's tests: a small synthetic city in an in-memory database with a locked first round and a draft
 * child round that changes a weight, a coefficient, the uniform-price DRGs and the surplus cap.
 */
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createRound, setRoundStatus } from '@/server/services/rounds';
import { settlementData } from '@/server/services/settlement-data';
import type { RoundParams } from '@/worker/settlement/round';
import type { SettlementData } from '@/worker/settlement/types';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';

export interface NoticeCity {
  db: Db;
  datasetId: number;
  data: SettlementData;
  lockedId: number;
  draftId: number;
  draftParams: RoundParams;
}

export function noticeCity(db: Db = openDatabase(':memory:')): NoticeCity {
  const city = syntheticCity({ seed: 22, hospitals: 14, drgs: 40, cases: 4000 });
  // one hospital without a coefficient of its own: it is paid at its level's; one whose name looks like a formula
  city.hospitals[0] = { ...city.hospitals[0]!, coefficient: null };
  city.hospitals[1] = { ...city.hospitals[1]!, name: '=1+1 公式医院' };
  const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
  const datasetId = saveDataset(db, { name: '公告测试城', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
  const { data } = settlementData(db, datasetId);
  const locked = createRound(db, 'test', { datasetId, name: '第0轮 上年规则', params: syntheticRound(data) });
  for (const status of ['proposed', 'agreed', 'locked'] as const) setRoundStatus(db, 'test', locked.id, status);
  const draftParams: RoundParams = {
    ...locked.params,
    surplus_cap: 0.1,
    weights: { [data.catalog[3]!.code]: 1.2345 },
    hospital_coefficients: { [data.hospitals[5]!.code]: 1.125 },
    uniform_price_drgs: [data.catalog[4]!.code],
  };
  const draft = createRound(db, 'test', { datasetId, name: '第1轮 权重调整', parentId: locked.id, params: draftParams });
  return { db, datasetId, data, lockedId: locked.id, draftId: draft.id, draftParams };
}
