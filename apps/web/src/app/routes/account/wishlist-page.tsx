import { PageTitle } from '../../../components/page-title.tsx';

/** Placeholder until the page is built. */
export function WishlistPage() {
  return (
    <>
      <PageTitle>Wishlist</PageTitle>
      <h1>Wishlist</h1>
    </>
  );
}
