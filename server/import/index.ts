/** Data import (SETTLEMENT.md §5): CSV/XLSX → checked `DatasetBundle` → database. */
export { formatRowError, formatOmittedErrors, MAX_LISTED_ERRORS, type RowError, type ImportFailure } from './errors';
export {
  readDatasetFiles,
  readDatasetBuffers,
  type DatasetPaths,
  type DatasetBuffers,
  type UploadedFile,
  type ReadResult,
  type ImportStage,
  type ImportProgress,
} from './dataset';
export { importDataset, datasetMetaInput, type DatasetMetaInput, type ImportResult } from './import-dataset';
export { TABLE_COLUMNS } from './columns';
