import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function AdminApp() {
  return (
    <>
      <PageTitle>Admin</PageTitle>
      <h1>Admin</h1>
    </>
  );
}
