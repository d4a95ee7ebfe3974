import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function OrdersPage() {
  return (
    <>
      <PageTitle>Your orders</PageTitle>
      <h1>Your orders</h1>
    </>
  );
}
