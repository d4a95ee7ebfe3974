import { type Address, type AddressBody, addressInputSchema } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '../../../components/form/checkbox-field.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SelectField } from '../../../components/form/select-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import {
  type FieldErrors,
  fieldErrorsFrom,
  fieldErrorsFromIssues,
  formErrorMessage,
} from '../../../lib/form-errors.ts';
import { useCreateAddress } from '../api/create-address.ts';
import { useUpdateAddress } from '../api/update-address.ts';
import { COUNTRIES, countryOf } from '../utils/countries.ts';

interface AddressFormProps {
  /** Editing this address; a new one otherwise. */
  address?: Address;
  onSaved: () => void;
  onCancel: () => void;
}

export const emptyAddressValues = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
  phone: '',
};
export type AddressValues = typeof emptyAddressValues;
type Values = AddressValues & { isDefault: boolean };

const valuesOf = (address: Address | undefined): Values =>
  address
    ? {
        name: address.name,
        line1: address.line1,
        line2: address.line2 ?? '',
        city: address.city,
        region: address.region,
        postalCode: address.postalCode,
        country: address.country,
        phone: address.phone ?? '',
        isDefault: address.isDefault,
      }
    : { ...emptyAddressValues, isDefault: false };

/** The field labels, which follow the country (State and ZIP code in the US, Postcode in the UK…). */
export function addressLabels(countryCode: string): Record<string, string> {
  const country = countryOf(countryCode);
  return {
    name: 'Full name',
    line1: 'Address line 1',
    line2: 'Address line 2',
    city: 'City',
    region: country?.region ?? 'Region',
    postalCode: country?.postal ?? 'Postal code',
    country: 'Country',
    phone: 'Phone',
  };
}

/** What the API takes: optional fields left empty are sent as null. */
export const addressBodyOf = (values: AddressValues) => ({
  name: values.name,
  line1: values.line1,
  line2: values.line2.trim() || null,
  city: values.city,
  region: values.region.trim(),
  postalCode: values.postalCode,
  country: values.country,
  phone: values.phone.trim() || null,
});

/**
 * The contract's schema checks the postal code and region only once every field is present; a
 * second pass with placeholders in the empty required fields reports those too, so the user sees
 * every problem at once instead of one round at a time.
 */
export function validateAddress(body: AddressBody, labels: Record<string, string>): FieldErrors {
  const parsed = addressInputSchema.safeParse(body);
  if (parsed.success) return {};
  const errors = fieldErrorsFromIssues(parsed.error.issues, labels);
  const placeholder = (value: string) => value.trim() || 'x';
  const filled = {
    ...body,
    name: placeholder(body.name),
    line1: placeholder(body.line1),
    city: placeholder(body.city),
  };
  const crossField = addressInputSchema.safeParse(filled);
  if (crossField.success) return errors;
  const more = fieldErrorsFromIssues(
    crossField.error.issues.filter((issue) => ['region', 'postalCode'].includes(String(issue.path[0]))),
    labels,
  );
  return { ...more, ...errors };
}

/** Checked with the contract's own schema first (same messages as the server), then by the server. */
export function AddressForm({ address, onSaved, onCancel }: AddressFormProps) {
  const create = useCreateAddress();
  const update = useUpdateAddress();
  const [values, setValues] = useState(() => valuesOf(address));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const labels = addressLabels(values.country);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const body = { ...addressBodyOf(values), isDefault: values.isDefault };
    const found = validateAddress(body, labels);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const options = {
      onSuccess: onSaved,
      onError(error: unknown) {
        setErrors(fieldErrorsFrom(error, labels));
        setFormError(formErrorMessage(error));
      },
    };
    if (address) update.mutate({ id: address.id, body }, options);
    else create.mutate(body, options);
  };

  const pending = create.isPending || update.isPending;
  return (
    <form
      className="form form--wide address-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={address ? 'Edit address' : 'New address'}
    >
      <FormNotice tone="error">{formError}</FormNotice>
      <AddressFields
        values={values}
        errors={errors}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <CheckboxField
        label="Use as my default address"
        checked={values.isDefault}
        onChange={(event) => setValues((current) => ({ ...current, isDefault: event.target.checked }))}
      />
      <div className="form__actions">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {address ? 'Save address' : 'Add address'}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface AddressFieldsProps {
  values: AddressValues;
  errors: FieldErrors;
  onChange: (patch: Partial<AddressValues>) => void;
}

/** The address inputs alone, shared by the address book and the checkout's address step. */
export function AddressFields({ values, errors, onChange }: AddressFieldsProps) {
  const country = countryOf(values.country);
  const labels = addressLabels(values.country);
  const set = (field: keyof AddressValues) => (event: { target: { value: string } }) =>
    onChange({ [field]: event.target.value });
  return (
    <>
      <SelectField
        label="Country"
        name="country"
        autoComplete="country"
        value={values.country}
        onChange={set('country')}
        options={COUNTRIES.map((option) => ({ value: option.code, label: option.name }))}
        error={errors.country}
      />
      <TextField
        label={labels.name!}
        name="name"
        autoComplete="name"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <TextField
        label={labels.line1!}
        name="line1"
        autoComplete="address-line1"
        value={values.line1}
        onChange={set('line1')}
        error={errors.line1}
      />
      <TextField
        label={labels.line2!}
        optional
        name="line2"
        autoComplete="address-line2"
        value={values.line2}
        onChange={set('line2')}
        error={errors.line2}
      />
      <div className="form__grid form__grid--thirds">
        <TextField
          label={labels.city!}
          name="city"
          autoComplete="address-level2"
          value={values.city}
          onChange={set('city')}
          error={errors.city}
        />
        <TextField
          label={labels.region!}
          optional={!country?.regionRequired}
          name="region"
          autoComplete="address-level1"
          value={values.region}
          onChange={set('region')}
          error={errors.region}
          hint={
            country?.code === 'US'
              ? 'Two letters, e.g. NY'
              : country?.code === 'CA'
                ? 'Two letters, e.g. ON'
                : undefined
          }
        />
        <TextField
          label={labels.postalCode!}
          name="postalCode"
          autoComplete="postal-code"
          value={values.postalCode}
          onChange={set('postalCode')}
          error={errors.postalCode}
          hint={country ? `e.g. ${country.example}` : undefined}
        />
      </div>
      <TextField
        label={labels.phone!}
        optional
        type="tel"
        name="phone"
        autoComplete="tel"
        inputMode="tel"
        value={values.phone}
        onChange={set('phone')}
        error={errors.phone}
        hint="For the courier, with the country code."
      />
    </>
  );
}
