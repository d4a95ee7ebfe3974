import { PageTitle } from '../../components/page-title.tsx';
import { useCategories } from '../../features/catalog/api/list-categories.ts';
import { useProducts } from '../../features/catalog/api/list-products.ts';
import { CatalogFilters } from '../../features/catalog/components/catalog-filters.tsx';
import { CatalogResults } from '../../features/catalog/components/catalog-results.tsx';
import { SortSelect } from '../../features/catalog/components/sort-select.tsx';
import { useCatalogSearch } from '../../features/catalog/hooks/use-catalog-search.ts';
import { type CatalogSearch, toListParams } from '../../features/catalog/utils/catalog-search-params.ts';

function headingFor(search: CatalogSearch, categoryName: string | undefined): string {
  if (search.q && categoryName) return `Results for “${search.q}” in ${categoryName}`;
  if (search.q) return `Results for “${search.q}”`;
  return categoryName ?? 'All products';
}

export function CatalogPage() {
  const { search, update, clearFilters } = useCatalogSearch();
  const products = useProducts(toListParams(search));
  const categories = useCategories();
  const categoryName = categories.data?.items.find((category) => category.slug === search.category)?.name;
  const heading = headingFor(search, categoryName);

  return (
    <div className="catalog">
      <PageTitle>{search.q || categoryName ? heading : 'Shop'}</PageTitle>
      <div className="catalog__header">
        <h1>{heading}</h1>
      </div>
      <div className="catalog__layout">
        <aside className="catalog__filters">
          <CatalogFilters search={search} onChange={update} onClear={clearFilters} />
        </aside>
        <CatalogResults
          query={products}
          search={search}
          onClearFilters={clearFilters}
          toolbarEnd={<SortSelect value={search.sort} onChange={(sort) => update({ sort })} />}
        />
      </div>
    </div>
  );
}
