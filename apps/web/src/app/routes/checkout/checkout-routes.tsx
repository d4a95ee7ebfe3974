import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function CheckoutRoutes() {
  return (
    <>
      <PageTitle>Checkout</PageTitle>
      <h1>Checkout</h1>
    </>
  );
}
