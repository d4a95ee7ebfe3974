import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

/** The header's product search: a new search starts a fresh catalog view at `/?q=…`. */
export function SearchForm() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === '/' ? (params.get('q') ?? '') : '';

  const [query, setQuery] = useState(current);
  // Follow the URL (Back, a link, a cleared search) without remounting the input and losing focus.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setQuery(current);
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    navigate(q ? `/?${new URLSearchParams({ q })}` : '/');
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: role="search" on the form is the landmark every browser, screen reader and testing-library know; <search> is not yet universally mapped.
    <form role="search" className="search-form" onSubmit={onSubmit}>
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input
        id="site-search"
        type="search"
        name="q"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Search products"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={200}
      />
      <button type="submit" className="search-form__button">
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path
            d="m16.5 16.5 4 4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
        </svg>
        <span className="search-form__button-label">Search</span>
      </button>
    </form>
  );
}
