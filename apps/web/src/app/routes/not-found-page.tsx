import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';

export function NotFoundPage() {
  return (
    <div className="not-found">
      <PageTitle>Page not found</PageTitle>
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>Page not found</h1>
      <p>The page you are looking for does not exist. It may have moved, or the link may be mistyped.</p>
      <Link className="button" to="/">
        Go to the catalog
      </Link>
    </div>
  );
}
