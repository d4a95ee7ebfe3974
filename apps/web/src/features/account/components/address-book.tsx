import type { Address } from '@securecart/contract';
import { useRef, useState } from 'react';
import { Dialog } from '../../../components/dialog.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useDeleteAddress } from '../api/delete-address.ts';
import { useAddresses } from '../api/list-addresses.ts';
import { useUpdateAddress } from '../api/update-address.ts';
import { countryName } from '../utils/countries.ts';
import { AddressForm } from './address-form.tsx';

type Editing = { kind: 'new' } | { kind: 'edit'; address: Address } | undefined;

export function AddressBook() {
  const addresses = useAddresses();
  const update = useUpdateAddress();
  const remove = useDeleteAddress();
  const [editing, setEditing] = useState<Editing>();
  const [confirming, setConfirming] = useState<Address>();
  const [notice, setNotice] = useState<string>();
  const cancelDelete = useRef<HTMLButtonElement>(null);

  if (addresses.isPending) return <LoadingState label="Loading your addresses…" />;
  if (addresses.isError) {
    return (
      <ErrorState
        title="Your addresses could not be loaded"
        error={addresses.error}
        onRetry={() => addresses.refetch()}
      />
    );
  }

  const saved = (message: string) => {
    setEditing(undefined);
    setNotice(message);
  };

  if (editing) {
    return (
      <section className="card" aria-labelledby="address-form-title">
        <h2 id="address-form-title" className="card__title">
          {editing.kind === 'new' ? 'New address' : 'Edit address'}
        </h2>
        <AddressForm
          address={editing.kind === 'edit' ? editing.address : undefined}
          onSaved={() =>
            saved(editing.kind === 'new' ? 'The address has been added.' : 'The address has been saved.')
          }
          onCancel={() => setEditing(undefined)}
        />
      </section>
    );
  }

  const items = addresses.data.items;
  return (
    <div className="stack">
      <FormNotice tone="success">{notice}</FormNotice>
      {update.isError && <FormNotice tone="error">{formErrorMessage(update.error)}</FormNotice>}
      {remove.isError && <FormNotice tone="error">{formErrorMessage(remove.error)}</FormNotice>}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            setNotice(undefined);
            setEditing({ kind: 'new' });
          }}
        >
          Add an address
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">
          You have no saved addresses yet. Addresses you add here can be picked at checkout.
        </p>
      ) : (
        <ul className="address-list" aria-label="Saved addresses">
          {items.map((address) => (
            <li key={address.id} className="address-card" aria-label={`${address.name}, ${address.line1}`}>
              <AddressLines address={address} />
              <div className="address-card__actions">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setNotice(undefined);
                    setEditing({ kind: 'edit', address });
                  }}
                >
                  Edit<span className="visually-hidden"> {address.line1}</span>
                </button>
                {!address.isDefault && (
                  <button
                    type="button"
                    className="link-button"
                    disabled={update.isPending}
                    onClick={() =>
                      update.mutate(
                        { id: address.id, body: { isDefault: true } },
                        { onSuccess: () => setNotice(`${address.line1} is now your default address.`) },
                      )
                    }
                  >
                    Make default<span className="visually-hidden"> {address.line1}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="link-button link-button--danger"
                  onClick={() => setConfirming(address)}
                >
                  Delete<span className="visually-hidden"> {address.line1}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <Dialog
          title="Delete this address?"
          role="alertdialog"
          onDismiss={() => setConfirming(undefined)}
          initialFocus={cancelDelete}
        >
          <div className="dialog__body">
            <AddressLines address={confirming} />
          </div>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(confirming.id, {
                  onSuccess: () => setNotice('The address has been deleted.'),
                  onSettled: () => setConfirming(undefined),
                })
              }
            >
              {remove.isPending ? 'Deleting…' : 'Delete address'}
            </button>
            <button
              ref={cancelDelete}
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(undefined)}
            >
              Keep it
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

type ShownAddress = Omit<Address, 'id' | 'isDefault' | 'line2' | 'phone'> & {
  line2?: string | null;
  phone?: string | null;
  isDefault?: boolean;
};

/** An address as a postal label; also shows saved addresses and order addresses elsewhere. */
export function AddressLines({ address }: { address: ShownAddress }) {
  return (
    <address className="address-lines">
      <strong>{address.name}</strong>
      {address.isDefault && <span className="badge badge--in">Default</span>}
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {[address.city, address.region, address.postalCode].filter(Boolean).join(' ')}
      <br />
      {countryName(address.country)}
      {address.phone && (
        <>
          <br />
          {address.phone}
        </>
      )}
    </address>
  );
}
