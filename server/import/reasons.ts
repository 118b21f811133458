/**
 * Why an import row was refused, in both languages of the app (Chinese first): the import page shows the
 * reader's locale, the command line prints both. Every reason an import can give is built here, so the two
 * languages are written side by side and never drift apart. Domain terms follow SETTLEMENT.md §8.
 */
import { columnZh, type TableName } from './table-columns';

/** A reason in Chinese and English. */
export interface Reason {
  zh: string;
  en: string;
}

/** What a single cell must hold: the zod schemas of `cells.ts` fail with one of these keys as message. */
export const CELL_RULES = {
  notEmpty: { zh: '不能为空', en: 'must not be empty' },
  numberAtLeastZero: { zh: '应为 ≥ 0 的数字', en: 'must be a number ≥ 0' },
  caseAmount: { zh: '应为 0 至 10,000,000 元之间的数字', en: 'must be a number from 0 to 10,000,000 yuan' },
  numberAboveZero: { zh: '应为 > 0 的数字', en: 'must be a number > 0' },
  weight: { zh: '应为 > 0 且 ≤ 100 的数字', en: 'must be a number > 0 and ≤ 100' },
  coefficient: { zh: '应为 > 0 且 ≤ 3 的数字', en: 'must be a number > 0 and ≤ 3' },
  benchmarkCost: { zh: '应为 > 0 且 ≤ 10,000,000 元的数字', en: 'must be a number > 0 and ≤ 10,000,000 yuan' },
  score: { zh: '应为 0–100 的数字', en: 'must be a number from 0 to 100' },
  month: { zh: '应为 1–12 的整数', en: 'must be an integer 1–12' },
  days: { zh: '应为非负整数', en: 'must be a non-negative integer' },
  flag: { zh: '应为 0 或 1', en: 'must be 0 or 1' },
  level: { zh: '应为 1、2、3 或 一级/二级/三级', en: 'must be 1, 2, 3 or 一级/二级/三级' },
  pool: { zh: '应为 职工/居民 或 employee/resident', en: 'must be employee/resident or 职工/居民' },
  drgType: { zh: '应为 外科/内科/操作 或 surgical/medical/procedure', en: 'must be surgical/medical/procedure or 外科/内科/操作' },
  year: { zh: '应为年份，例如 2025', en: 'must be a year such as 2025' },
  nameTooLong: { zh: '不能超过 200 个字符', en: 'must be at most 200 characters' },
} as const satisfies Record<string, Reason>;

export type CellRule = keyof typeof CELL_RULES;

/** The reason of a zod issue: one of `CELL_RULES` by key, or zod's own (English) message in both slots. */
export function cellRuleReason(message: string): Reason {
  return Object.hasOwn(CELL_RULES, message) ? CELL_RULES[message as CellRule] : { zh: message, en: message };
}

/** How a cell looks in a reason: `13`, `"abc"` (`“abc”` in Chinese), empty. */
function shownValue(raw: string): Reason {
  if (raw === '') return { zh: '空', en: 'empty' };
  const short = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  if (/^[-+]?[\d.,eE]+$/.test(short)) return { zh: short, en: short };
  return { zh: `“${short}”`, en: `"${short}"` };
}

/** A rule with the value that broke it: "must be an integer 1–12 (got 13)". */
export function withValue(rule: Reason, raw: string): Reason {
  const shown = shownValue(raw);
  return { zh: `${rule.zh}（当前值：${shown.zh}）`, en: `${rule.en} (got ${shown.en})` };
}

const FILE_ZH: Record<TableName, string> = { hospitals: '机构文件', catalog: 'DRG 目录文件', cases: '病例文件' };
const ROWS_EN: Record<TableName, string> = { hospitals: 'hospital', catalog: 'DRG', cases: 'case' };
const TOO_MANY: Record<TableName, (limit: number) => Reason> = {
  hospitals: (limit) => ({ zh: `机构超过 ${limit} 家`, en: `more than ${limit} hospitals` }),
  catalog: (limit) => ({ zh: `DRG 超过 ${limit} 个`, en: `more than ${limit} DRGs` }),
  cases: (limit) => ({ zh: `病例超过 ${limit} 例`, en: `more than ${limit} cases` }),
};

/** Reasons that are not about one cell's own value: the header, the file, other rows and other files. */
export const REASONS = {
  duplicateCode: (table: TableName, column: string, code: string, firstRow: number): Reason => ({
    zh: `${columnZh(table, column)} ${code} 重复（首次出现在第 ${firstRow} 行）`,
    en: `duplicate ${column} ${code} (first at row ${firstRow})`,
  }),
  unknownHospital: (code: string): Reason => ({
    zh: `机构编码 ${code} 不在机构文件中`,
    en: `unknown hospital_code ${code} (not in the hospitals file)`,
  }),
  patientPayOverTotal: (totalCost: string, patientPay: string): Reason => ({
    zh: `不能大于医疗总费用 ${totalCost}（当前值：${patientPay}）`,
    en: `must not exceed total_cost ${totalCost} (got ${patientPay})`,
  }),
  columnTwice: (first: number, second: number): Reason => ({
    zh: `该列出现了两次（第 ${first} 列和第 ${second} 列）`,
    en: `column appears twice (columns ${first} and ${second})`,
  }),
  columnMissing: (accepted: readonly string[]): Reason => ({
    zh: `缺少必需的列（可用表头：${accepted.join('、')}）`,
    en: `required column is missing (accepted headers: ${accepted.join(', ')})`,
  }),
  unsupportedFileType: (extension: string): Reason => ({
    zh: `不支持的文件类型“.${extension}”（请用 .csv 或 .xlsx）`,
    en: `unsupported file type ".${extension}" (use .csv or .xlsx)`,
  }),
  emptyFile: (table: TableName): Reason => ({ zh: `${FILE_ZH[table]}是空的`, en: `the ${table} file is empty` }),
  noRows: (table: TableName): Reason => ({
    zh: `${FILE_ZH[table]}只有表头，没有数据行`,
    en: `no ${ROWS_EN[table]} rows`,
  }),
  fileNotFound: (table: TableName): Reason => ({ zh: `${FILE_ZH[table]}不存在`, en: `${table} file not found` }),
  fileMissing: (table: TableName): Reason => ({
    zh: `${FILE_ZH[table]}未上传或为空`,
    en: `the ${table} file is missing or empty`,
  }),
  tooManyRows: (limit: number, table: TableName): Reason => TOO_MANY[table](limit),
  notUtf8: {
    zh: '文件以 UTF-8 标记（BOM）开头，但其中有不是 UTF-8 的字节（请在 Excel 中另存为“CSV UTF-8”或 XLSX）',
    en: 'the file starts with a UTF-8 byte order mark but holds bytes that are not UTF-8 (save it as "CSV UTF-8" or XLSX)',
  },
  unknownEncoding: {
    zh: '文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本，未导入以免乱码（请在 Excel 中另存为“CSV UTF-8”或 XLSX）',
    en: 'the file is neither UTF-8 nor GB18030/GBK text; it was not imported, to keep garbled text out (save it as "CSV UTF-8" or XLSX)',
  },
  malformedCsv: (code: string, message: string): Reason => ({
    zh: `CSV 格式错误：${CSV_PROBLEMS_ZH[code] ?? message}`,
    en: `malformed CSV: ${message}`,
  }),
  notXlsx: (message: string): Reason => ({
    zh: `无法读取的 XLSX 工作簿（${message}）`,
    en: `not a readable XLSX workbook (${message})`,
  }),
  noWorksheet: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  nameTaken: (name: string): Reason => ({ zh: `数据集“${name}”已存在`, en: `a data set named "${name}" already exists` }),
  nameAndYearRequired: { zh: '必须填写数据集名称和年度', en: 'name and year are required' },
  notMultipart: {
    zh: '请求应为 multipart/form-data，含机构、DRG 目录和病例三个文件',
    en: 'expected multipart/form-data with hospitals, catalog and cases files',
  },
  xlsxTooLarge: (bytes: number, mb: number): Reason => {
    const size = Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MB` : '> 4 GB';
    return {
      zh: `工作簿解压后为 ${size}，超过上限（${mb} MB，或压缩比超过 200 倍），疑似压缩炸弹，未打开`,
      en: `the workbook inflates to ${size}, beyond the limit (${mb} MB, or 200× its size): refused unopened as a likely zip bomb`,
    };
  },
  uploadLengthMissing: { zh: '上传请求缺少 Content-Length，无法确认大小', en: 'the upload has no Content-Length: its size cannot be checked' } as Reason,
  uploadTooLarge: (mb: number): Reason => ({ zh: `上传文件合计超过 ${mb} MB 的上限（DRG_MAX_UPLOAD_MB）`, en: `the upload exceeds the limit of ${mb} MB (DRG_MAX_UPLOAD_MB)` }),
  importFailed: (message: string): Reason => ({ zh: `导入失败：${message}`, en: `import failed: ${message}` }),
} as const;

/** papaparse's error codes (https://www.papaparse.com/docs#errors) in Chinese. */
const CSV_PROBLEMS_ZH: Readonly<Record<string, string>> = {
  MissingQuotes: '引号未闭合',
  InvalidQuotes: '引号字段的结尾引号后还有字符',
  UndetectableDelimiter: '无法识别分隔符',
  TooFewFields: '字段太少',
  TooManyFields: '字段太多',
};
