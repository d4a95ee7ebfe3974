import { Link, type To } from 'react-router';

interface PaginationProps {
  page: number;
  totalPages: number;
  /** Where a given page lives, so Previous and Next are real, shareable links. */
  linkTo: (page: number) => To;
}

export function Pagination({ page, totalPages, linkTo }: PaginationProps) {
  if (totalPages <= 1) return null;
  const hasPrevious = page > 1;
  const hasNext = page < totalPages;
  return (
    <nav className="pagination" aria-label="Pagination">
      {hasPrevious ? (
        <Link className="button button--secondary" to={linkTo(page - 1)} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span className="button button--secondary is-disabled" aria-disabled="true">
          <span aria-hidden="true">←</span> Previous
        </span>
      )}
      <p className="pagination__status">
        Page {page} of {totalPages}
      </p>
      {hasNext ? (
        <Link className="button button--secondary" to={linkTo(page + 1)} rel="next">
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className="button button--secondary is-disabled" aria-disabled="true">
          Next <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
