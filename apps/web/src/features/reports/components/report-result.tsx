import type { ReactNode } from 'react';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';

interface ReportResultProps<T> {
  query: { data?: T; isPending: boolean; error: unknown; refetch: () => unknown };
  /** Lower case, e.g. "the sales report". */
  name: string;
  children: (data: T) => ReactNode;
}

/** A report's loading and error states, then its figures. */
export function ReportResult<T>({ query, name, children }: ReportResultProps<T>) {
  if (query.isPending) return <LoadingState label={`Loading ${name}…`} />;
  if (query.error || query.data === undefined) {
    const title = `${name.charAt(0).toUpperCase()}${name.slice(1)} could not be loaded`;
    return <ErrorState title={title} error={query.error} onRetry={() => query.refetch()} />;
  }
  return children(query.data);
}
