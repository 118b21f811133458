import { TABLE_COLUMNS } from '@/server/import/table-columns';
import { ImportForm } from './ImportForm';
import { ImportHelp } from './ImportHelp';

/** 导入数据: the upload form, then the help on the three files, read from the import contract itself. */
export default function ImportPage() {
  return (
    <>
      <ImportForm tables={TABLE_COLUMNS} />
      <ImportHelp tables={TABLE_COLUMNS} />
    </>
  );
}
