import type { Address } from '@securecart/contract';
import { AddressLines } from '../../account/components/address-book.tsx';

interface SavedAddressPickerProps {
  addresses: Address[];
  /** The chosen address id, or `newValue` for an address typed in. */
  value: string;
  newValue: string;
  onChange: (value: string) => void;
}

/** The address book as a radio group: arrow keys move between addresses, as in any radio group. */
export function SavedAddressPicker({ addresses, value, newValue, onChange }: SavedAddressPickerProps) {
  return (
    <fieldset className="fieldset saved-addresses">
      <legend>Ship to</legend>
      {addresses.map((address) => (
        <label key={address.id} className="choice">
          <input
            type="radio"
            name="shipTo"
            value={address.id}
            checked={value === address.id}
            onChange={() => onChange(address.id)}
            aria-label={`${address.name}, ${address.line1}, ${address.city}`}
          />
          <AddressLines address={address} />
        </label>
      ))}
      <label className="choice">
        <input
          type="radio"
          name="shipTo"
          value={newValue}
          checked={value === newValue}
          onChange={() => onChange(newValue)}
        />
        A new address
      </label>
    </fieldset>
  );
}
