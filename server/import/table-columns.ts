/**
 * The three import tables of SETTLEMENT.md §5 — a fixed contract — column by column: the §5 name, its
 * Chinese name and the other headers a bureau's spreadsheet may use, whether it must be present, its unit,
 * what a cell may hold and an example cell. Header matching (`columns.ts`), the import page's help and the
 * row errors all read this one list. Pure data: the import page renders it as it is.
 */

export type TableName = 'hospitals' | 'catalog' | 'cases';

/** Text in both languages of the app. */
interface Bilingual {
  zh: string;
  en: string;
}

export interface ColumnSpec {
  /** the §5 name */
  name: string;
  /** the Chinese name (SETTLEMENT.md §5), also accepted as header */
  zh: string;
  /** other accepted headers */
  aliases: readonly string[];
  /** the column must be present (its cells may still be allowed empty) */
  required: boolean;
  /** unit of the figures, null for codes, text and counts */
  unit: Bilingual | null;
  /** what a cell may hold, and what an empty cell means */
  values: Bilingual;
  /** a cell of the example row */
  example: string;
}

const YUAN: Bilingual = { zh: '元', en: 'yuan' };
const DAYS: Bilingual = { zh: '天', en: 'days' };
const TEXT: Bilingual = { zh: '文本', en: 'text' };
const UNIQUE_CODE: Bilingual = { zh: '文本，在本文件中唯一', en: 'text, unique in the file' };
const FLAG: Bilingual = { zh: '0 或 1（也可写 是/否、true/false）；空 = 0', en: '0 or 1 (also 是/否, true/false); empty = 0' };

type Spec = Omit<ColumnSpec, 'name' | 'zh' | 'aliases'>;
const col = <N extends string>(name: N, [zh, ...aliases]: [string, ...string[]], spec: Spec): ColumnSpec & { name: N } => ({
  name,
  zh,
  aliases,
  ...spec,
});
const text = (required: boolean, example: string, values: Bilingual = TEXT): Spec => ({ required, unit: null, values, example });

export const TABLE_COLUMNS = {
  hospitals: [
    col('hospital_code', ['机构编码', '医院编码', '定点机构编码'], text(true, 'H001', UNIQUE_CODE)),
    col('name', ['机构名称', '医院名称'], text(true, '市第一人民医院')),
    col('level', ['等级', '医院等级', '机构等级'], {
      required: true,
      unit: null,
      values: { zh: '1、2、3 或 一级/二级/三级（“三级甲等”亦可）', en: '1, 2, 3 or 一级/二级/三级 (三级甲等 also reads as 3)' },
      example: '三级',
    }),
    col('coefficient', ['机构系数', '医疗机构系数'], {
      required: false,
      unit: null,
      values: { zh: '> 0 的数字；空 = 用轮次的等级系数', en: 'a number > 0; empty = the round’s level coefficient' },
      example: '',
    }),
    col('evaluation_score', ['考核得分', '考核分数'], {
      required: false,
      unit: null,
      values: { zh: '≥ 0 的数字（分）；空 = 无得分', en: 'a number ≥ 0 (points); empty = no score' },
      example: '92',
    }),
    col('district', ['区县', '所属区县'], text(false, '城区')),
    col('type', ['类别', '机构类别'], text(false, '综合')),
  ],
  catalog: [
    col('drg_code', ['DRG编码', 'DRG代码', 'DRG组编码'], text(true, 'FM19', UNIQUE_CODE)),
    col('name', ['名称', 'DRG名称', 'drg_name'], text(true, '经皮冠状动脉支架植入')),
    col('mdc', ['MDC编码', 'mdc_code'], text(true, 'MDCF')),
    col('weight', ['权重', '相对权重', 'RW'], {
      required: true,
      unit: null,
      values: { zh: '> 0 的数字；空 = 该组病例按未入组', en: 'a number > 0; empty = its cases are ungrouped' },
      example: '3.3',
    }),
    col('benchmark_cost', ['次均费用', '全市次均费用'], {
      required: true,
      unit: YUAN,
      values: { zh: '> 0 的数字；可空', en: 'a number > 0; may be empty' },
      example: '26400',
    }),
    col('uniform_price', ['同病同价', '基础组'], { required: false, unit: null, values: FLAG, example: '0' }),
    col('per_diem', ['床日', '床日付费'], { required: false, unit: null, values: FLAG, example: '0' }),
    col('adrg', ['ADRG编码', 'adrg_code'], text(false, 'FM1')),
    col('drg_type', ['组别类型', 'adrg_type'], {
      required: false,
      unit: null,
      values: { zh: '外科/内科/操作 或 surgical/medical/procedure', en: 'surgical/medical/procedure or 外科/内科/操作' },
      example: '外科',
    }),
  ],
  cases: [
    col('case_id', ['病例号', '病案号'], text(true, 'K0001', UNIQUE_CODE)),
    col('hospital_code', ['机构编码', '医院编码', '定点机构编码'], text(true, 'H001', { zh: '须在机构文件中', en: 'must be in the hospitals file' })),
    col('drg_code', ['DRG编码', 'DRG代码', 'DRG组编码'], {
      required: true,
      unit: null,
      values: { zh: '空或不在目录中 = 未入组', en: 'empty or not in the catalog = ungrouped' },
      example: 'FM19',
    }),
    col('month', ['月份', '结算月份'], { required: true, unit: null, values: { zh: '1–12 的整数', en: 'an integer 1–12' }, example: '3' }),
    col('pool', ['险种', '基金类型', '参保类型'], {
      required: true,
      unit: null,
      values: { zh: '职工/居民 或 employee/resident', en: 'employee/resident or 职工/居民' },
      example: '职工',
    }),
    col('total_cost', ['医疗总费用', '总费用'], { required: true, unit: YUAN, values: { zh: '≥ 0 的数字', en: 'a number ≥ 0' }, example: '27000.50' }),
    col('patient_pay', ['个人负担', '个人负担费用'], {
      required: true,
      unit: YUAN,
      values: { zh: '≥ 0，不大于医疗总费用', en: '≥ 0, at most total_cost' },
      example: '6000',
    }),
    col('los', ['住院天数'], { required: true, unit: DAYS, values: { zh: '非负整数', en: 'a non-negative integer' }, example: '5' }),
    col('special_review', ['特例单议'], { required: false, unit: null, values: FLAG, example: '0' }),
    col('deduction', ['审核扣减', '审核扣减金额'], {
      required: false,
      unit: YUAN,
      values: { zh: '≥ 0 的数字；空 = 0', en: 'a number ≥ 0; empty = 0' },
      example: '120.50',
    }),
  ],
} as const satisfies Record<TableName, readonly ColumnSpec[]>;

/** The §5 names of a table's columns. */
export type ColumnName<T extends TableName> = (typeof TABLE_COLUMNS)[T][number]['name'];

/** The Chinese name of a §5 column ("月份" for `month`), or the name itself when the table has no such column. */
export function columnZh(table: TableName, name: string): string {
  return (TABLE_COLUMNS[table] as readonly ColumnSpec[]).find((spec) => spec.name === name)?.zh ?? name;
}
