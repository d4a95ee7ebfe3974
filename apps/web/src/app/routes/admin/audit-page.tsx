import type { AuditEntry } from '@securecart/contract';
import { Link } from 'react-router';
import { useAuditLog } from '../../../features/audit/api/list-audit-log.ts';
import { AuditDetails } from '../../../features/audit/components/audit-details.tsx';
import { AUDIT_ACTION_OPTIONS } from '../../../features/audit/utils/audit-actions.ts';
import { BackofficePage } from '../../../features/backoffice/components/backoffice-page.tsx';
import { type Column, DataTable } from '../../../features/backoffice/components/data-table.tsx';
import {
  DateFilter,
  FilterBar,
  SearchFilter,
  SelectFilter,
} from '../../../features/backoffice/components/filter-bar.tsx';
import { useListParams } from '../../../features/backoffice/hooks/use-list-params.ts';

const PAGE_SIZE = 50;

/** Audit times are read against other systems' logs, so they show in UTC, to the second. */
const formatTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const target = (entry: AuditEntry) => {
  if (!entry.targetType) return '—';
  if (entry.targetType === 'user' && entry.targetId) {
    return <Link to={`/admin/users/${entry.targetId}`}>user {entry.targetId}</Link>;
  }
  return `${entry.targetType} ${entry.targetId ?? ''}`;
};

const COLUMNS: Column<AuditEntry>[] = [
  { key: 'at', header: 'Time', cell: (entry) => <time dateTime={entry.at}>{formatTime(entry.at)}</time> },
  { key: 'actor', header: 'Actor', cell: (entry) => entry.actorEmail ?? entry.actorId ?? 'System' },
  { key: 'action', header: 'Action', cell: (entry) => <code>{entry.action}</code> },
  { key: 'target', header: 'Target', cell: target },
  { key: 'details', header: 'Details', cell: (entry) => <AuditDetails details={entry.details} /> },
  {
    key: 'origin',
    header: 'IP / request',
    cell: (entry) => [entry.ip, entry.requestId].filter(Boolean).join(' · ') || '—',
  },
];

export function AuditPage() {
  const { get, page } = useListParams();
  const log = useAuditLog({
    actor: get('actor') || undefined,
    action: get('action') || undefined,
    from: get('from') || undefined,
    to: get('to') || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <BackofficePage title="Audit log">
      <FilterBar label="Filter the audit log">
        <SearchFilter name="actor" label="Actor" placeholder="Email or user id" />
        <SelectFilter name="action" label="Action" options={AUDIT_ACTION_OPTIONS} anyLabel="Any action" />
        <DateFilter name="from" label="From" />
        <DateFilter name="to" label="To" />
      </FilterBar>
      <DataTable
        caption="Audit log entries"
        columns={COLUMNS}
        query={log}
        rowKey={(entry) => entry.id}
        empty={<p>No entries match these filters. Widen the dates or clear the actor.</p>}
      />
    </BackofficePage>
  );
}
