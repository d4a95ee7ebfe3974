import { useRouteError } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';

/** Last line of defence for a rendering bug: keep the header and footer, offer a way out. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <div className="not-found" role="alert">
      <PageTitle>Something went wrong</PageTitle>
      <h1>Something went wrong</h1>
      <p>An unexpected error stopped this page from showing. Reloading usually helps.</p>
      <a className="button" href="/">
        Reload the shop
      </a>
    </div>
  );
}
