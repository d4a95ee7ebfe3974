import type { Address, Checkout, CheckoutAddressBody, StartCheckoutBody } from '@securecart/contract';
import { startCheckoutBodySchema } from '@securecart/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { useApiClient } from '../../../lib/api-client.ts';
import {
  type FieldErrors,
  fieldErrorsFrom,
  fieldMessage,
  formErrorMessage,
} from '../../../lib/form-errors.ts';
import { listAddressesQueryOptions } from '../../account/api/list-addresses.ts';
import {
  AddressFields,
  type AddressValues,
  addressBodyOf,
  addressLabels,
  emptyAddressValues,
  validateAddress,
} from '../../account/components/address-form.tsx';
import { checkoutQueryKey } from '../api/get-checkout.ts';
import { setCheckoutAddress } from '../api/set-address.ts';
import { startCheckout } from '../api/start-checkout.ts';
import { loadStepFields, saveStepFields } from '../checkout-storage.ts';
import { SavedAddressPicker } from './saved-address-picker.tsx';

interface AddressStepProps {
  /** Undefined until a draft is started: by a guest's email, or a member's first edit or save. */
  draft: Checkout | undefined;
  guest: boolean;
  /** A draft was created (or a guest's email updated). */
  onDraftStarted: (draft: Checkout) => void;
  onSaved: (draft: Checkout) => void;
}

interface StepValues {
  email: string;
  /** 'new' or the id of a saved address. */
  shipTo: string;
  address: AddressValues;
}

const NEW_ADDRESS = 'new';

function valuesFromDraft(draft: Checkout | undefined): StepValues {
  const saved = draft?.shippingAddress;
  return {
    email: draft?.email ?? '',
    shipTo: NEW_ADDRESS,
    address: saved
      ? {
          ...saved,
          line2: saved.line2 ?? '',
          phone: saved.phone ?? '',
        }
      : emptyAddressValues,
  };
}

const emailError = (email: string) =>
  email.trim() && startCheckoutBodySchema.safeParse({ email: email.trim() }).success
    ? undefined
    : fieldMessage('Email', 'must be an email address, e.g. name@example.com');

export function AddressStep({ draft, guest, onDraftStarted, onSaved }: AddressStepProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  // Guests have no address book; asking for it would only earn a 401.
  const addresses = useQuery({ ...listAddressesQueryOptions(client), enabled: !guest });
  const savedAddresses: Address[] = guest ? [] : (addresses.data?.items ?? []);
  const [values, setValues] = useState<StepValues>(() =>
    draft ? loadStepFields(draft.id, 'address', valuesFromDraft(draft)) : valuesFromDraft(draft),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const labels = addressLabels(values.address.country);
  const opened = useRef(values);

  // Autosave of the half-filled step, so a reload (or a slip of the back button) loses nothing;
  // only what the shopper typed counts, so merely opening the step is not "a checkout in progress".
  useEffect(() => {
    if (draft && values !== opened.current) saveStepFields(draft.id, 'address', values);
  }, [draft, values]);

  // A signed-in shopper with an address book starts from the default address.
  const defaultAddress = savedAddresses.find((address) => address.isDefault) ?? savedAddresses[0];
  const untouched = !draft?.shippingAddress && values.shipTo === NEW_ADDRESS && !values.address.line1;
  useEffect(() => {
    if (!defaultAddress || !untouched) return;
    setValues((current) => {
      const preselected = { ...current, shipTo: defaultAddress.id };
      opened.current = preselected;
      return preselected;
    });
  }, [defaultAddress, untouched]);

  // The draft goes into the cache first, so whoever shows it next has it without a reload.
  const started = (draft: Checkout) => {
    queryClient.setQueryData(checkoutQueryKey(draft.id), draft);
    onDraftStarted(draft);
  };

  const start = useMutation({
    mutationFn: (body: StartCheckoutBody) => startCheckout(client, body),
    onSuccess: started,
    onError: (error) => setFormError(formErrorMessage(error)),
  });

  // A member's draft starts with the first edit, as a guest's with the email: the step is kept from then on.
  const edited = values !== opened.current;
  const { mutate: startDraft, isIdle: notStarted } = start;
  useEffect(() => {
    if (!guest && !draft && edited && notStarted) startDraft({});
  }, [guest, draft, edited, notStarted, startDraft]);

  const save = useMutation({
    mutationFn: async ({ email, body }: { email: string; body: CheckoutAddressBody }) => {
      let id = draft?.id;
      // A guest's save also updates the draft's email; a member's draft may not have started yet
      // (nothing edited, or that start still under way), since merely visiting starts none.
      if (guest || !id) {
        const fresh = await startCheckout(client, guest ? { email } : {});
        started(fresh);
        id = fresh.id;
      }
      return setCheckoutAddress(client, id, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(checkoutQueryKey(saved.id), saved);
      onSaved(saved);
    },
    onError: (error) => {
      const prefixed = Object.fromEntries(
        Object.entries(labels).map(([field, label]) => [`shippingAddress.${field}`, label]),
      );
      const fieldErrors = fieldErrorsFrom(error, { ...prefixed, email: 'Email' });
      setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors).map(([path, message]) => [
            path.replace('shippingAddress.', ''),
            message,
          ]),
        ),
      );
      setFormError(formErrorMessage(error));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const found: FieldErrors = {};
    const email = values.email.trim();
    const badEmail = guest ? emailError(email) : undefined;
    if (badEmail) found.email = badEmail;
    const usingSaved = values.shipTo !== NEW_ADDRESS;
    const body = addressBodyOf(values.address);
    if (!usingSaved) Object.assign(found, validateAddress(body, labels));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError('Please correct the fields marked below.');
      return;
    }
    save.mutate({
      email,
      body: {
        ...(usingSaved ? { shippingAddressId: values.shipTo } : { shippingAddress: body }),
        billingSameAsShipping: true,
      },
    });
  };

  const onEmailBlur = () => {
    // A guest's draft starts with the email, so the rest of the step is kept from here on.
    if (guest && !draft && !emailError(values.email) && !start.isPending)
      start.mutate({ email: values.email.trim() });
  };

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-labelledby="checkout-step-title">
      <h2 id="checkout-step-title" tabIndex={-1}>
        Shipping address
      </h2>
      <FormNotice tone="error">{formError}</FormNotice>
      {guest && (
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          value={values.email}
          onChange={(event) => setValues((current) => ({ ...current, email: event.target.value }))}
          onBlur={onEmailBlur}
          error={errors.email}
          hint="Your order confirmation goes here."
        />
      )}
      {savedAddresses.length > 0 && (
        <SavedAddressPicker
          addresses={savedAddresses}
          value={values.shipTo}
          newValue={NEW_ADDRESS}
          onChange={(shipTo) => setValues((current) => ({ ...current, shipTo }))}
        />
      )}
      {values.shipTo === NEW_ADDRESS && (
        <AddressFields
          values={values.address}
          errors={errors}
          onChange={(patch) =>
            setValues((current) => ({ ...current, address: { ...current.address, ...patch } }))
          }
        />
      )}
      <p className="muted">Your billing address is the same as the shipping address.</p>
      <div className="form__actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Continue to shipping
        </SubmitButton>
      </div>
    </form>
  );
}
