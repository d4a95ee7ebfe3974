import type { AdminUser } from '@securecart/contract';
import { Link } from 'react-router';
import { useAdminUsers } from '../../../features/admin-users/api/list-users.ts';
import {
  accountStatus,
  formatDay,
  isRole,
  ROLE_LABELS,
  ROLE_OPTIONS,
} from '../../../features/admin-users/utils/user-labels.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { type Column, DataTable } from '../../../features/backoffice/components/data-table.tsx';
import {
  FilterBar,
  SearchFilter,
  SelectFilter,
} from '../../../features/backoffice/components/filter-bar.tsx';
import { useListParams } from '../../../features/backoffice/hooks/use-list-params.ts';

const PAGE_SIZE = 20;

// The API lists newest first and offers no other order, so no column sorts.
const COLUMNS: Column<AdminUser>[] = [
  { key: 'name', header: 'Name', cell: (user) => <Link to={`/admin/users/${user.id}`}>{user.name}</Link> },
  { key: 'email', header: 'Email', cell: (user) => user.email },
  { key: 'role', header: 'Role', cell: (user) => ROLE_LABELS[user.role] },
  { key: 'status', header: 'Status', cell: accountStatus },
  { key: 'mfa', header: 'Two-factor', cell: (user) => (user.mfaEnabled ? 'On' : 'Off') },
  { key: 'joined', header: 'Joined', cell: (user) => formatDay(user.createdAt) },
];

export function UsersPage() {
  const { get, page } = useListParams();
  const role = get('role');
  const users = useAdminUsers({
    q: get('q') || undefined,
    role: isRole(role) ? role : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <BackofficePage title="Users">
      <FilterBar label="Filter users">
        <SearchFilter name="q" label="Search" placeholder="Email or name" />
        <SelectFilter name="role" label="Role" options={ROLE_OPTIONS} />
      </FilterBar>
      <DataTable
        caption="Users"
        columns={COLUMNS}
        query={users}
        rowKey={(user) => user.id}
        empty={<p>No accounts match these filters.</p>}
      />
    </BackofficePage>
  );
}
