import { TABLE_COLUMNS } from '@/server/import/table-columns';
import { ImportForm } from './ImportForm';
import { ImportHelp } from './ImportHelp';
import { requirePage } from '@/server/auth/page';
import { POLICY_STAFF } from '@/server/auth/policy';

/** 导入数据: the upload form, then the help on the three files, read from the import contract itself. */
export default async function ImportPage() {
  await requirePage(POLICY_STAFF, '/import');
  return (
    <>
      <ImportForm tables={TABLE_COLUMNS} />
      <ImportHelp tables={TABLE_COLUMNS} />
    </>
  );
}
