import type { Page, Product } from '@securecart/contract';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { type CatalogSearch, hasActiveFilters, toSearchParams } from '../utils/catalog-search-params.ts';
import { Pagination } from './pagination.tsx';
import { ProductGrid } from './product-grid.tsx';
import '../catalog.css';

interface CatalogResultsProps {
  query: UseQueryResult<Page<Product>>;
  search: CatalogSearch;
  onClearFilters: () => void;
  toolbarEnd?: ReactNode;
}

const countLabel = (total: number) => (total === 1 ? '1 product' : `${total} products`);

export function CatalogResults({ query, search, onClearFilters, toolbarEnd }: CatalogResultsProps) {
  const { data } = query;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  // An object keeps the path and, for page 1 without filters, yields a clean URL rather than `/?`.
  const linkTo = (page: number) => {
    const query = toSearchParams({ ...search, page }).toString();
    return { search: query ? `?${query}` : '' };
  };

  let body: ReactNode;
  if (query.isError) {
    body = (
      <ErrorState title="Products could not be loaded" error={query.error} onRetry={() => query.refetch()} />
    );
  } else if (!data) {
    body = <LoadingState label="Loading products…" />;
  } else if (data.items.length === 0) {
    body = (
      <div className="state state--empty">
        <h2 className="state__title">No products found</h2>
        {search.page > 1 && data.total > 0 ? (
          <p>
            This page is past the end of the results. <Link to={linkTo(1)}>Go to the first page</Link>.
          </p>
        ) : (
          <p>Try a different search or fewer filters.</p>
        )}
        {hasActiveFilters(search) ? (
          <button type="button" className="button button--secondary" onClick={onClearFilters}>
            Clear filters
          </button>
        ) : null}
      </div>
    );
  } else {
    body = (
      <>
        <ProductGrid products={data.items} />
        <Pagination page={search.page} totalPages={totalPages} linkTo={linkTo} />
      </>
    );
  }

  return (
    // aria-busy while the next page or filter loads over the previous results.
    <section className="catalog__results" aria-label="Products" aria-busy={query.isFetching}>
      <div className="results-toolbar">
        <p className="results-toolbar__count" role="status">
          {data && !query.isError ? countLabel(data.total) : null}
          {/* Announced on paging, when the count itself does not change. */}
          {data && !query.isError && totalPages > 1 ? (
            <span className="visually-hidden">
              , page {search.page} of {totalPages}
            </span>
          ) : null}
        </p>
        {toolbarEnd}
      </div>
      <div className={query.isPlaceholderData ? 'results-body is-stale' : 'results-body'}>{body}</div>
    </section>
  );
}
