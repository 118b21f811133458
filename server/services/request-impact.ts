/**
 * 诉求影响 — what a hospital sees before it submits: its own hospital's statement and the city's totals under the
 * round and under the round with its request's changes, settled on the server with the same engine and cut by the
 * hospital view (hospital-view.ts), never another hospital. And the levers' current values in the round, so the
 * form shows what each change starts from, without the round's parameters (they hold every hospital's figures).
 */
import type { Db } from '@/db/client';
import { hospitalCoefficient } from '@/worker/settlement';
import { resolveRound } from '@/worker/settlement/round';
import type { Viewer } from '../context';
import { MAX_ATTACHMENTS, maxAttachmentBytes } from './attachment-file';
import { DomainError } from './errors';
import { hospitalComparisonOf, type HospitalComparison } from './hospital-view';
import { CASE_RULES, checkRequestItems, errorText, type CaseRule, type RequestChange } from './request-items';
import { catalogFacts } from './requests';
import { getRound, type Round } from './rounds';
import { settlementData } from './settlement-data';

/** The hospital a viewer asks about: a hospital user's own, always; the bureau names one. */
function hospitalOf(viewer: Viewer, asked: string | undefined): string {
  if (viewer.role === 'hospital') {
    if (!viewer.hospitalCode) throw new DomainError('FORBIDDEN', '账户未绑定机构 / the account has no hospital');
    if (asked !== undefined && asked !== viewer.hospitalCode) throw new DomainError('FORBIDDEN', '只能查看本院 / only your own hospital');
    return viewer.hospitalCode;
  }
  if (!asked) throw new DomainError('INVALID', '请指定机构 / hospitalCode is required');
  return asked;
}

/** A round the viewer may make or weigh a request on: not a draft for a hospital user (drafts do not exist for it). */
function roundFor(db: Db, viewer: Viewer, datasetId: number, roundId: number): Round {
  const round = getRound(db, roundId);
  if (round.datasetId !== datasetId || (viewer.role === 'hospital' && round.status === 'draft')) throw new DomainError('NOT_FOUND', `轮次 ${roundId} 不存在 / round ${roundId} not found`);
  return round;
}

export interface ImpactInput {
  datasetId: number;
  roundId: number;
  items: RequestChange[];
  hospitalCode?: string | undefined;
}

/** The hospital's comparison of the round (baseline) with the round plus the request's changes. */
export function requestImpact(db: Db, viewer: Viewer, input: ImpactInput): HospitalComparison {
  const hospitalCode = hospitalOf(viewer, input.hospitalCode);
  const round = roundFor(db, viewer, input.datasetId, input.roundId);
  if (!settlementData(db, input.datasetId).data.hospitals.some((h) => h.code === hospitalCode)) {
    throw new DomainError('NOT_FOUND', `本数据集中没有机构 ${hospitalCode} / hospital ${hospitalCode} is not in this data set`);
  }
  const checked = checkRequestItems(round.params, catalogFacts(db, input.datasetId), hospitalCode, input.items);
  if (!checked.ok) throw new DomainError('INVALID', errorText(checked.errors), checked.errors);
  return hospitalComparisonOf(db, {
    datasetId: input.datasetId,
    hospitalCode,
    baseline: { id: round.id, name: round.name, params: round.params },
    round: { id: round.id, name: `${round.name} + 诉求`, params: checked.params },
  });
}

export interface LeverValues {
  hospital: { code: string; name: string; level: number; coefficient: number };
  /** each DRG's weight and uniform pricing under the round; `byCatalog`: uniform by the catalog itself */
  drgs: { code: string; name: string; weight: number | null; uniformPrice: boolean; byCatalog: boolean }[];
  caseRules: Record<CaseRule, number | boolean>;
  /** what the form says of attachments (the upload route decides) */
  limits: { attachmentMb: number; attachments: number };
}

/** The current value of every lever a request may change, under the round, for the viewer's hospital. */
export function requestLevers(db: Db, viewer: Viewer, input: { datasetId: number; roundId: number; hospitalCode?: string | undefined }): LeverValues {
  const hospitalCode = hospitalOf(viewer, input.hospitalCode);
  const round = roundFor(db, viewer, input.datasetId, input.roundId);
  const { data } = settlementData(db, input.datasetId);
  const hospital = data.hospitals.find((h) => h.code === hospitalCode);
  if (!hospital) throw new DomainError('NOT_FOUND', `本数据集中没有机构 ${hospitalCode} / hospital ${hospitalCode} is not in this data set`);
  const resolved = resolveRound(round.params);
  const listed = new Set(resolved.uniform_price_drgs);
  return {
    hospital: { code: hospital.code, name: hospital.name, level: hospital.level, coefficient: hospitalCoefficient(hospital, resolved) },
    drgs: data.catalog.map((d) => ({ code: d.code, name: d.name, weight: resolved.weights[d.code] ?? d.weight, uniformPrice: d.uniformPrice || listed.has(d.code), byCatalog: d.uniformPrice })),
    caseRules: Object.fromEntries(CASE_RULES.map((rule) => [rule, resolved[rule]])) as Record<CaseRule, number | boolean>,
    limits: { attachmentMb: Math.round((maxAttachmentBytes() / 1024 / 1024) * 100) / 100, attachments: MAX_ATTACHMENTS },
  };
}
