import { useId } from 'react';
import { useCategories } from '../api/list-categories.ts';
import { type CatalogSearch, hasActiveFilters } from '../utils/catalog-search-params.ts';
import { PriceRangeFilter } from './price-range-filter.tsx';
import '../catalog.css';

interface CatalogFiltersProps {
  search: CatalogSearch;
  onChange: (patch: Partial<CatalogSearch>) => void;
  onClear: () => void;
}

export function CatalogFilters({ search, onChange, onClear }: CatalogFiltersProps) {
  const id = useId();
  const categories = useCategories();
  const items = categories.data?.items ?? [];
  // A category from a shared link stays selectable even before (or without) the category list.
  const unknownCategory =
    search.category && !items.some((category) => category.slug === search.category) ? search.category : null;

  return (
    <section className="filters" aria-labelledby={`${id}-heading`}>
      <div className="filters__header">
        <h2 id={`${id}-heading`} className="filters__title">
          Filters
        </h2>
        {hasActiveFilters(search) ? (
          <button type="button" className="link-button" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>

      <div className="field">
        <label className="filter-label" htmlFor={`${id}-category`}>
          Category
        </label>
        <select
          id={`${id}-category`}
          value={search.category ?? ''}
          onChange={(event) => onChange({ category: event.target.value || undefined })}
        >
          <option value="">All categories</option>
          {items.map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name} ({category.productCount})
            </option>
          ))}
          {unknownCategory ? <option value={unknownCategory}>{unknownCategory}</option> : null}
        </select>
        {categories.isError ? (
          <p className="field-hint">Categories could not be loaded; the other filters still work.</p>
        ) : null}
      </div>

      <PriceRangeFilter
        minPriceCents={search.minPriceCents}
        maxPriceCents={search.maxPriceCents}
        onApply={(range) => onChange(range)}
      />

      <div className="checkbox">
        <input
          id={`${id}-in-stock`}
          type="checkbox"
          checked={search.inStock}
          onChange={(event) => onChange({ inStock: event.target.checked })}
        />
        <label htmlFor={`${id}-in-stock`}>In stock only</label>
      </div>
    </section>
  );
}
