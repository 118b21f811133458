/**
 * UI texts, one dictionary per area (app/i18n/dict/*.ts). Chinese is the source of the keys; English must
 * translate every one (the types check it). Domain terms follow the glossary of SETTLEMENT.md §8.
 */
import { commonEn, commonZh } from './dict/common';
import { paramsEn, paramsZh } from './dict/params';
import { workbenchEn, workbenchZh } from './dict/workbench';
import { leversEn, leversZh } from './dict/levers';
import { exportEn, exportZh } from './dict/export';
import { importEn, importZh } from './dict/import';
import { statementEn, statementZh } from './dict/statement';
import { reportEn, reportZh } from './dict/report';
import { toolbarEn, toolbarZh } from './dict/toolbar';
import { analysisEn, analysisZh } from './dict/analysis';
import { authEn, authZh } from './dict/auth';
import { accountsEn, accountsZh } from './dict/accounts';
import { noticeEn, noticeZh } from './dict/notice';
import { requestsEn, requestsZh } from './dict/requests';
import { liveEn, liveZh } from './dict/live';
import { formulaEn, formulaZh } from './dict/formula';
import { recalibrateEn, recalibrateZh } from './dict/recalibrate';

const zh = { ...commonZh, ...paramsZh, ...workbenchZh, ...exportZh, ...leversZh, ...statementZh, ...importZh, ...reportZh, ...authZh, ...accountsZh, ...toolbarZh, ...analysisZh, ...noticeZh, ...requestsZh, ...liveZh, ...formulaZh, ...recalibrateZh };

export type MessageKey = keyof typeof zh;
export type Locale = 'zh' | 'en';

const en: Record<MessageKey, string> = { ...commonEn, ...paramsEn, ...workbenchEn, ...exportEn, ...leversEn, ...statementEn, ...importEn, ...reportEn, ...authEn, ...accountsEn, ...toolbarEn, ...analysisEn, ...noticeEn, ...requestsEn, ...liveEn, ...formulaEn, ...recalibrateEn };

export const messages: Record<Locale, Record<MessageKey, string>> = { zh, en };
