import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function OrderDetailPage() {
  return (
    <>
      <PageTitle>Order</PageTitle>
      <h1>Order</h1>
    </>
  );
}
