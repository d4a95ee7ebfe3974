import { type FocusEvent, type FormEvent, useId, useState } from 'react';
import { centsToDollars, dollarsToCents } from '../utils/money.ts';

interface PriceRange {
  minPriceCents: number | undefined;
  maxPriceCents: number | undefined;
}

interface PriceRangeFilterProps extends PriceRange {
  onApply: (range: PriceRange) => void;
}

/**
 * Shoppers type dollars; the URL and the API get integer cents. A range is applied on Enter, with
 * the Apply button, or when focus leaves the two boxes, never on every keystroke.
 */
export function PriceRangeFilter({ minPriceCents, maxPriceCents, onApply }: PriceRangeFilterProps) {
  const id = useId();
  const [min, setMin] = useState(() => centsToDollars(minPriceCents));
  const [max, setMax] = useState(() => centsToDollars(maxPriceCents));
  const [error, setError] = useState<string>();

  // When the URL changes underneath (Back, Clear filters) the boxes follow it.
  const [shown, setShown] = useState<PriceRange>({ minPriceCents, maxPriceCents });
  if (shown.minPriceCents !== minPriceCents || shown.maxPriceCents !== maxPriceCents) {
    setShown({ minPriceCents, maxPriceCents });
    setMin(centsToDollars(minPriceCents));
    setMax(centsToDollars(maxPriceCents));
    setError(undefined);
  }

  const apply = () => {
    const minCents = dollarsToCents(min);
    const maxCents = dollarsToCents(max);
    if (Number.isNaN(minCents) || Number.isNaN(maxCents)) {
      setError('Enter prices in dollars, like 25 or 24.99.');
      return;
    }
    if (minCents !== undefined && maxCents !== undefined && minCents > maxCents) {
      setError('The minimum price must not be more than the maximum.');
      return;
    }
    setError(undefined);
    if (minCents === minPriceCents && maxCents === maxPriceCents) return;
    onApply({ minPriceCents: minCents, maxPriceCents: maxCents });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply();
  };

  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) apply();
  };

  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  return (
    <form className="price-range" onSubmit={onSubmit} onBlur={onBlur} noValidate>
      <fieldset>
        <legend className="filter-label">Price</legend>
        <div className="price-range__inputs">
          <div className="field">
            <label htmlFor={`${id}-min`}>Min price ($)</label>
            <input
              id={`${id}-min`}
              name="minPrice"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0"
              value={min}
              onChange={(event) => setMin(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>Max price ($)</label>
            <input
              id={`${id}-max`}
              name="maxPrice"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              placeholder="Any"
              value={max}
              onChange={(event) => setMax(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
          </div>
          <button type="submit" className="button button--secondary price-range__apply">
            Apply
          </button>
        </div>
        {error ? (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
