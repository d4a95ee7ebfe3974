import { PageTitle } from '../../../components/page-title.tsx';
import { AddressBook } from '../../../features/account/components/address-book.tsx';

export function AddressesPage() {
  return (
    <>
      <PageTitle>Your addresses</PageTitle>
      <h1>Your addresses</h1>
      <AddressBook />
    </>
  );
}
