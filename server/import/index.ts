/** Data import (SETTLEMENT.md §5): CSV/XLSX → checked `DatasetBundle` → database. */
export { formatRowError, omittedErrors, MAX_LISTED_ERRORS, type RowError, type ImportFailure, type Language } from './errors';
export { REASONS, type Reason } from './reasons';
export {
  readDatasetFiles,
  readDatasetBuffers,
  type DatasetPaths,
  type DatasetBuffers,
  type UploadedFile,
  type ReadResult,
  type ImportStage,
  type ImportProgress,
  type TableEncodings,
} from './dataset';
export { ENCODING_LABEL, type CsvEncoding } from './encoding-label';
export { importDataset, datasetMetaInput, type DatasetMetaInput, type ImportResult } from './import-dataset';
export { TABLE_COLUMNS, columnZh, type ColumnSpec, type TableName } from './table-columns';
