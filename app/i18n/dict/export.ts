/** Texts of the exports (XLSX / CSV): the block above each table saying what it holds. */
export const exportZh = {
  'export.about.dataset': '数据集',
  'export.about.baseline': '基线',
  'export.about.rounds': '比较轮次',
  'export.about.fingerprint': '参数指纹',
  'export.about.exportedAt': '导出时间',
  'export.about.unit': '单位',
  'export.fingerprintHelp': '参数的 SHA-256 前 12 位：导出的表格写有同一指纹，即按这些参数结算',
  'export.unit.money': '金额：万元（两位小数，先按分取整；合计按分累加）',
  'export.unit.percent': '比例：%（一位小数）',
  'export.unit.asHeaders': '见各列标题',
  'common.yes': '是',
  'common.no': '否',
};

export const exportEn: Record<keyof typeof exportZh, string> = {
  'export.about.dataset': 'Data set',
  'export.about.baseline': 'Baseline',
  'export.about.rounds': 'Rounds compared',
  'export.about.fingerprint': "Parameters' fingerprint",
  'export.about.exportedAt': 'Exported at',
  'export.about.unit': 'Unit',
  'export.fingerprintHelp': "First 12 hex digits of the parameters' SHA-256: an exported table carrying the same fingerprint was settled with these parameters",
  'export.unit.money': 'Money: 10k yuan (2 decimals, rounded to the fen first; totals added in whole fen)',
  'export.unit.percent': 'Ratios: % (1 decimal)',
  'export.unit.asHeaders': 'As in the column headers',
  'common.yes': 'yes',
  'common.no': 'no',
};
