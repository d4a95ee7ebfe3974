import type { Cart } from '@securecart/contract';
import { type FormEvent, useId, useState } from 'react';
import { cartEstimate } from '../cart-estimate.ts';

export interface CountryOption {
  code: string;
  name: string;
}

interface EstimateFormProps {
  countries: readonly CountryOption[];
  estimate: Cart['estimate'];
}

/** Where to estimate tax and shipping for; the cart is fetched again for it. */
export function EstimateForm({ countries, estimate }: EstimateFormProps) {
  const id = useId();
  const [country, setCountry] = useState(estimate.country ?? '');
  const [region, setRegion] = useState(estimate.region ?? '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    cartEstimate.set({ country: country || undefined, region: region.trim() || undefined });
  };

  return (
    <form className="estimate-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-country`}>Country</label>
        <select id={`${id}-country`} value={country} onChange={(event) => setCountry(event.target.value)}>
          <option value="">Not chosen</option>
          {countries.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-region`}>
          State or region <span className="field-optional">(optional)</span>
        </label>
        <input
          id={`${id}-region`}
          value={region}
          maxLength={100}
          autoComplete="address-level1"
          onChange={(event) => setRegion(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--secondary">
        Update estimate
      </button>
    </form>
  );
}
