import { PageTitle } from '../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function CartPage() {
  return (
    <>
      <PageTitle>Your cart</PageTitle>
      <h1>Your cart</h1>
    </>
  );
}
