import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import '../backoffice.css';

/** What a signed-in user without the area's role sees; the API refuses them regardless. */
export function ForbiddenPage() {
  return (
    <main className="not-found bo-forbidden">
      <PageTitle>Access denied</PageTitle>
      <p className="not-found__code" aria-hidden="true">
        403
      </p>
      <h1>You do not have access to this area</h1>
      <p>This part of SecureCart is for shop staff. If you think you should have access, ask an admin.</p>
      <Link className="button" to="/">
        Back to the shop
      </Link>
    </main>
  );
}
