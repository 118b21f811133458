import { requirePage } from '@/server/auth/page';
import { ADMIN } from '@/server/auth/policy';
import { AccountsView } from './AccountsView';

/** 账户管理: admins add, disable, enable accounts and reset passwords (the same service as `npm run user`). */
export default async function AccountsPage() {
  const user = await requirePage(ADMIN, '/accounts');
  return <AccountsView self={user.username} />;
}
