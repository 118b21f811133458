/** The small tables of a data set that the analyses read besides the engine (levels, codes, DRG names). */
import type { SettlementData } from '@/worker/settlement/types';

export type AnalysisTables = Pick<SettlementData, 'hospitals' | 'catalog'>;
