import type { Page } from '@securecart/contract';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { type SortOrder, useListParams } from '../hooks/use-list-params.ts';

export interface Column<T> {
  /** Unique within the table. */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Sortable: the `sort` value in the URL and the orders the API offers (the first is used first). */
  sort?: { key: string; orders: readonly SortOrder[] };
  /** Numbers line up on the right. */
  numeric?: boolean;
}

export interface TableQuery<T> {
  data?: Page<T>;
  isPending: boolean;
  isFetching?: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface DataTableProps<T> {
  /** Names the table for screen readers (a visually hidden caption). */
  caption: string;
  columns: readonly Column<T>[];
  query: TableQuery<T>;
  rowKey: (row: T) => string;
  /** Buttons or links for one row, in a last "Actions" column. */
  rowActions?: (row: T) => ReactNode;
  /** What to say when nothing matches (the filters are in the URL, so say how to widen them). */
  empty: ReactNode;
}

/** A server-paged table: sort headers, pager and filters all read and write the URL. */
export function DataTable<T>({ caption, columns, query, rowKey, rowActions, empty }: DataTableProps<T>) {
  const list = useListParams();
  if (query.isPending) return <LoadingState label={`Loading ${caption.toLowerCase()}…`} />;
  if (query.error || !query.data) {
    return (
      <ErrorState
        title={`${caption} could not be loaded`}
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  const { items, total, pageSize } = query.data;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="bo-table" aria-busy={query.isFetching || undefined}>
      {items.length === 0 ? (
        <div className="state bo-table__empty">{empty}</div>
      ) : (
        <div className="bo-table__scroll">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <HeaderCell
                    key={column.key}
                    column={column}
                    current={list.sort}
                    order={list.order}
                    onSort={list.update}
                  />
                ))}
                {rowActions && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.key} className={column.numeric ? 'is-numeric' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                  {rowActions && <td className="bo-table__actions">{rowActions(row)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} totalPages={totalPages} total={total} params={list.params} />
    </div>
  );
}

function HeaderCell<T>({
  column,
  current,
  order,
  onSort,
}: {
  column: Column<T>;
  current: string | undefined;
  order: SortOrder;
  onSort: (patch: { sort: string; order: SortOrder }) => void;
}) {
  const className = column.numeric ? 'is-numeric' : undefined;
  if (!column.sort) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const { key, orders } = column.sort;
  const active = current === key;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
  // A click on the sorted column turns the order round, when the API offers the other one.
  const nextOrder = active ? (orders.find((candidate) => candidate !== order) ?? order) : orders[0]!;
  return (
    <th scope="col" className={className} aria-sort={ariaSort}>
      <button type="button" className="bo-sort" onClick={() => onSort({ sort: key, order: nextOrder })}>
        {column.header}
        <span className="bo-sort__mark" aria-hidden="true">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Pager({
  page,
  totalPages,
  total,
  params,
}: {
  page: number;
  totalPages: number;
  total: number;
  params: URLSearchParams;
}) {
  const linkTo = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete('page');
    else next.set('page', String(target));
    return { search: `?${next}` };
  };
  return (
    <nav className="bo-pager" aria-label="Pagination">
      <p className="bo-pager__status">
        {total} {total === 1 ? 'result' : 'results'} · Page {page} of {totalPages}
      </p>
      {page > 1 && (
        <Link className="button button--secondary" to={linkTo(page - 1)} rel="prev">
          Previous page
        </Link>
      )}
      {page < totalPages && (
        <Link className="button button--secondary" to={linkTo(page + 1)} rel="next">
          Next page
        </Link>
      )}
    </nav>
  );
}
