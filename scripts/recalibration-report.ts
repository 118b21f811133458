/**
 * The XLSX report of `npm run recalibrate` (ANALYSIS.md §C.7): sheet 权重测算 has one row per DRG with a weight,
 * its header row the contract's column names (each with its Chinese name as the cell's note) and figures as
 * numbers in formats that print them as the bureau reads them; a few columns the contract does not name follow
 * (raw weight, the trim's bounds, the benchmark costs, the flags in Chinese). Sheet 说明 says what was computed
 * from what, the city's figures before and after, and what each column means.
 */
import ExcelJS from 'exceljs';
import type { Recalibration, RecalibrationFlag, RecalibrationRow } from '@/worker/recalibration';
import { optionsText } from '@/worker/recalibration';

interface ReportColumn {
  key: string;
  zh: string;
  meaning: string;
  numFmt?: string;
  width: number;
  value: (row: RecalibrationRow) => string | number | null;
}

const FLAG_ZH: Record<RecalibrationFlag, string> = {
  few_cases: '病例数不足（沿用现行权重）',
  cv_over_1: '变异系数大于1',
  change_over_10pct: '权重变动超过10%',
};

const YUAN = '#,##0.00';
const WEIGHT = '0.0000';
/** the same format as the app's percentages (app/lib/column-format.ts) */
const PERCENT = '+0.0%;-0.0%;0.0%';

const COLUMNS: ReportColumn[] = [
  { key: 'drg_code', zh: 'DRG编码', meaning: 'DRG 编码', width: 10, value: (r) => r.drg_code },
  { key: 'name', zh: '名称', meaning: 'DRG 名称', width: 36, value: (r) => r.name },
  { key: 'cases', zh: '纳入病例数', meaning: '纳入测算的病例：非除外（住院天数、床日）、非特例单议、费用大于0，两个统筹基金合计', numFmt: '#,##0', width: 10, value: (r) => r.cases },
  { key: 'kept', zh: '截尾后病例数', meaning: '截尾保留的病例数', numFmt: '#,##0', width: 10, value: (r) => r.kept },
  { key: 'mean', zh: '次均费用（元）', meaning: '纳入病例的平均医疗总费用', numFmt: YUAN, width: 14, value: (r) => r.mean },
  { key: 'median', zh: '费用中位数（元）', meaning: '纳入病例医疗总费用的中位数', numFmt: YUAN, width: 14, value: (r) => r.median },
  { key: 'trimmed_mean', zh: '截尾均值（元）', meaning: '截尾保留病例的平均费用', numFmt: YUAN, width: 14, value: (r) => r.trimmed_mean },
  { key: 'cv', zh: '变异系数', meaning: '截尾保留病例费用的总体标准差 ÷ 均值', numFmt: '0.0000', width: 9, value: (r) => r.cv },
  { key: 'current_weight', zh: '现行权重', meaning: '所选轮次的有效权重（轮次覆盖值或目录值）', numFmt: WEIGHT, width: 10, value: (r) => r.current_weight },
  { key: 'new_weight', zh: '测算权重', meaning: '新权重：截尾均值 ÷ M，混合、封顶、重新定标后四舍五入到4位小数', numFmt: WEIGHT, width: 10, value: (r) => r.new_weight },
  { key: 'change', zh: '变动', meaning: '新权重 ÷ 现行权重 − 1', numFmt: PERCENT, width: 9, value: (r) => r.change },
  { key: 'flags', zh: '标记', meaning: 'few_cases 病例数不足；cv_over_1 变异系数大于1；change_over_10pct 变动超过10%', width: 22, value: (r) => r.flags.join(',') },
  { key: 'raw_weight', zh: '原始权重', meaning: '截尾均值 ÷ M（混合、封顶、定标之前；病例不足者为空）', numFmt: WEIGHT, width: 10, value: (r) => r.raw_weight },
  { key: 'trim_lower', zh: '截尾下限（元）', meaning: '保留病例的费用下限（空：不截）', numFmt: YUAN, width: 14, value: (r) => r.lower },
  { key: 'trim_upper', zh: '截尾上限（元）', meaning: '保留病例的费用上限（空：不截）', numFmt: YUAN, width: 14, value: (r) => r.upper },
  { key: 'current_benchmark_cost', zh: '现行次均费用（元）', meaning: '所选轮次的次均费用（高低倍率基准）', numFmt: YUAN, width: 14, value: (r) => r.current_benchmark_cost },
  { key: 'new_benchmark_cost', zh: '新次均费用（元）', meaning: '纳入病例的平均费用，精确到分（病例不足者沿用现行）', numFmt: YUAN, width: 14, value: (r) => r.new_benchmark_cost },
  { key: 'flags_zh', zh: '标记说明', meaning: '标记的中文说明', width: 36, value: (r) => r.flags.map((f) => FLAG_ZH[f]).join('；') },
];

export interface ReportSource {
  hospitals: string;
  catalog: string;
  cases: string;
  round: string;
}

function addTable(workbook: ExcelJS.Workbook, recalibration: Recalibration): void {
  const ws = workbook.addWorksheet('权重测算', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const header = ws.addRow(COLUMNS.map((c) => c.key));
  header.font = { bold: true };
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = `${c.zh}：${c.meaning}`;
    ws.getColumn(i + 1).width = c.width;
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  for (const row of recalibration.rows) ws.addRow(COLUMNS.map((c) => c.value(row)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
}

function addAbout(workbook: ExcelJS.Workbook, recalibration: Recalibration, source: ReportSource): void {
  const ws = workbook.addWorksheet('说明');
  const { summary } = recalibration;
  const lines: [string, string | number | null, string?][] = [
    ['权重测算报告 / weight recalibration report (ANALYSIS.md §C)', null],
    ['机构文件 hospitals', source.hospitals],
    ['目录文件 catalog', source.catalog],
    ['病例文件 cases', source.cases],
    ['所选轮次 round', source.round],
    ['测算参数 options', optionsText(recalibration.options)],
    ['纳入病例数 used cases', summary.usedCases, '#,##0'],
    ['有权重的 DRG 数 DRGs with a weight', summary.drgs, '#,##0'],
    ['参与测算的 DRG 数 eligible DRGs', summary.eligibleDrgs, '#,##0'],
    ['全市截尾均值 M（元）pooled mean', summary.pooledMean, YUAN],
    ['定标系数 s scale', summary.scale, '0.000000'],
    ['CMI（测算前）before', summary.cmiBefore, '0.0000'],
    ['CMI（测算后）after', summary.cmiAfter, '0.0000'],
    ['总点数（测算前）total points before', summary.totalPointsBefore, '#,##0.0000'],
    ['总点数（测算后）total points after', summary.totalPointsAfter, '#,##0.0000'],
    ...(Object.keys(FLAG_ZH) as RecalibrationFlag[]).map((f): [string, number, string] => [`${FLAG_ZH[f]} ${f}`, summary.flagged[f], '#,##0']),
  ];
  ws.getColumn(1).width = 44;
  ws.getColumn(2).width = 60;
  for (const [label, value, numFmt] of lines) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
  }
  ws.addRow([]);
  ws.addRow(['列 column', '中文', '含义 meaning']).font = { bold: true };
  ws.getColumn(3).width = 80;
  for (const c of COLUMNS) ws.addRow([c.key, c.zh, c.meaning]);
}

/** The report as XLSX bytes (written by the caller once everything else has succeeded). */
export async function recalibrationReport(recalibration: Recalibration, source: ReportSource): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addTable(workbook, recalibration);
  addAbout(workbook, recalibration, source);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
