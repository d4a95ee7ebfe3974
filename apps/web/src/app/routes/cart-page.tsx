import { PageTitle } from '../../components/page-title.tsx';
import { COUNTRIES } from '../../features/account/utils/countries.ts';
import { CartView } from '../../features/cart/components/cart-view.tsx';

export function CartPage() {
  return (
    <>
      <PageTitle>Your cart</PageTitle>
      <h1>Your cart</h1>
      {/* The shop ships to the countries of the address book; the estimate offers the same ones. */}
      <CartView countries={COUNTRIES} />
    </>
  );
}
