/**
 * Column names of the three import tables (SETTLEMENT.md §5 — a fixed contract) and the Chinese aliases a
 * bureau's spreadsheet may use instead. Headers match after trimming, dropping a BOM, ignoring ASCII case
 * and a trailing unit in brackets ("医疗总费用（元）").
 */
import type { ErrorList } from './errors';

export type TableName = 'hospitals' | 'catalog' | 'cases';

export interface ColumnSpec {
  /** the §5 name */
  name: string;
  /** other accepted headers */
  aliases: readonly string[];
  /** the column must be present (its cells may still be allowed empty) */
  required: boolean;
}

const col = (name: string, required: boolean, ...aliases: string[]): ColumnSpec => ({ name, aliases, required });

export const TABLE_COLUMNS = {
  hospitals: [
    col('hospital_code', true, '机构编码', '医院编码', '定点机构编码'),
    col('name', true, '机构名称', '医院名称'),
    col('level', true, '等级', '医院等级', '机构等级'),
    col('coefficient', false, '机构系数', '医疗机构系数'),
    col('evaluation_score', false, '考核得分', '考核分数'),
    col('district', false, '区县', '所属区县'),
    col('type', false, '类别', '机构类别'),
  ],
  catalog: [
    col('drg_code', true, 'DRG编码', 'DRG代码', 'DRG组编码'),
    col('name', true, '名称', 'DRG名称', 'drg_name'),
    col('mdc', true, 'MDC编码', 'mdc_code'),
    col('weight', true, '权重', '相对权重', 'RW'),
    col('benchmark_cost', true, '次均费用', '全市次均费用'),
    col('uniform_price', false, '同病同价', '基础组'),
    col('per_diem', false, '床日', '床日付费'),
    col('adrg', false, 'ADRG编码', 'adrg_code'),
    col('drg_type', false, 'adrg_type', '组别类型'),
  ],
  cases: [
    col('case_id', true, '病例号', '病案号'),
    col('hospital_code', true, '机构编码', '医院编码', '定点机构编码'),
    col('drg_code', true, 'DRG编码', 'DRG代码', 'DRG组编码'),
    col('month', true, '月份', '结算月份'),
    col('pool', true, '险种', '基金类型', '参保类型'),
    col('total_cost', true, '医疗总费用', '总费用'),
    col('patient_pay', true, '个人负担', '个人负担费用'),
    col('los', true, '住院天数'),
    col('special_review', false, '特例单议'),
    col('deduction', false, '审核扣减', '审核扣减金额'),
  ],
} as const satisfies Record<TableName, readonly ColumnSpec[]>;

/** The §5 names of a table's columns. */
export type ColumnName<T extends TableName> = (typeof TABLE_COLUMNS)[T][number]['name'];

/** Position of each §5 column in the file's header; -1 = absent (an optional column). */
export type ColumnIndex<T extends TableName> = Record<ColumnName<T>, number>;

/** "医疗总费用（元）" → "医疗总费用"; "\uFEFF Case_ID " → "case_id". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .toLowerCase();
}

function aliasMap(table: TableName): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of TABLE_COLUMNS[table]) {
    for (const accepted of [spec.name, ...spec.aliases]) map.set(normalizeHeader(accepted), spec.name);
  }
  return map;
}

/**
 * Finds every §5 column in a header row. A missing required column or a column given twice (e.g. both
 * `month` and `月份`) is one error naming it; unknown extra columns are ignored. Null when the file
 * cannot be read row by row.
 */
export function resolveColumns<T extends TableName>(
  table: T,
  header: readonly string[],
  place: { file: string; row: number },
  errors: ErrorList,
): ColumnIndex<T> | null {
  const { file, row } = place;
  const aliases = aliasMap(table);
  const index: Record<string, number> = {};
  for (const spec of TABLE_COLUMNS[table]) index[spec.name] = -1;
  let ok = true;
  header.forEach((cell, position) => {
    const name = aliases.get(normalizeHeader(cell));
    if (name === undefined) return;
    if (index[name] !== -1) {
      errors.add(file, row, name, `column appears twice (columns ${index[name]! + 1} and ${position + 1})`);
      ok = false;
    } else index[name] = position;
  });
  for (const spec of TABLE_COLUMNS[table]) {
    if (!spec.required || index[spec.name] !== -1) continue;
    errors.add(file, row, spec.name, `required column is missing (accepted headers: ${[spec.name, ...spec.aliases].join(', ')})`);
    ok = false;
  }
  return ok ? (index as ColumnIndex<T>) : null;
}
