import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type CatalogSearch, parseCatalogSearch, toSearchParams } from '../utils/catalog-search-params.ts';

/**
 * The catalog's state, read from and written to the URL. Every change is a new history entry (so
 * Back undoes it), and any change other than the page itself starts again at page 1.
 */
export function useCatalogSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => parseCatalogSearch(params), [params]);

  const update = useCallback(
    (patch: Partial<CatalogSearch>) => {
      const next: CatalogSearch = { ...search, page: 1, ...patch };
      // The filters sit beside (or above) the results, so the page stays where the shopper is.
      // flushSync: a controlled checkbox or select must not snap back while the navigation is a
      // pending transition (it would flicker, and a fast second click would read the old state).
      setParams(toSearchParams(next), { preventScrollReset: true, flushSync: true });
    },
    [search, setParams],
  );

  // Clearing the filters keeps what the shopper searched for and how they sorted it.
  const clearFilters = useCallback(
    () => update({ category: undefined, minPriceCents: undefined, maxPriceCents: undefined, inStock: false }),
    [update],
  );

  return { search, update, clearFilters };
}
