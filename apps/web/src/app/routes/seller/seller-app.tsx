import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function SellerApp() {
  return (
    <>
      <PageTitle>Seller</PageTitle>
      <h1>Seller</h1>
    </>
  );
}
