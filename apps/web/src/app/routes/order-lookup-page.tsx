import { PageTitle } from '../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function OrderLookupPage() {
  return (
    <>
      <PageTitle>Your order</PageTitle>
      <h1>Your order</h1>
    </>
  );
}
