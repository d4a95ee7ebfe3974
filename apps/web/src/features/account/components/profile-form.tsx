import { type Profile, updateProfileBodySchema } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
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
import { useUpdateMe } from '../api/update-me.ts';

const LABELS: Record<string, string> = {
  name: 'Name',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  'preferences.language': 'Language',
  'preferences.currency': 'Currency',
};

const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'en-GB', label: 'English (UK)' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
];
const CURRENCIES = [
  { value: 'USD', label: 'US dollar (USD)' },
  { value: 'CAD', label: 'Canadian dollar (CAD)' },
  { value: 'GBP', label: 'Pound sterling (GBP)' },
  { value: 'EUR', label: 'Euro (EUR)' },
];

/** A stored value outside the list (set through the API) stays selectable rather than vanishing. */
const withCurrent = (options: typeof LANGUAGES, value: string) =>
  options.some((option) => option.value === value) ? options : [...options, { value, label: value }];

export function ProfileForm({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const update = useUpdateMe();
  const [values, setValues] = useState({
    name: profile.name,
    phone: profile.phone ?? '',
    dateOfBirth: profile.dateOfBirth ?? '',
    language: profile.preferences.language,
    currency: profile.preferences.currency,
    marketingEmails: profile.preferences.marketingEmails,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);

  const set =
    (field: 'name' | 'phone' | 'dateOfBirth' | 'language' | 'currency') =>
    (event: { target: { value: string } }) => {
      setSaved(false);
      setValues((current) => ({ ...current, [field]: event.target.value }));
    };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    setSaved(false);
    const body = {
      name: values.name,
      phone: values.phone.trim() || null,
      dateOfBirth: values.dateOfBirth || null,
      preferences: {
        language: values.language,
        currency: values.currency,
        marketingEmails: values.marketingEmails,
      },
    };
    const parsed = updateProfileBodySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, LABELS));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess(profile) {
        setSaved(true);
        onSaved(profile);
      },
      onError(error) {
        setErrors(fieldErrorsFrom(error, LABELS));
        setFormError(formErrorMessage(error));
      },
    });
  };

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label="Profile">
      <FormNotice tone="error">{formError}</FormNotice>
      {saved && <FormNotice tone="success">Your profile has been saved.</FormNotice>}
      <div className="field">
        <span className="field__label">Email</span>
        <p className="field__static">
          {profile.email}{' '}
          <Link to="/account/security" className="field__static-link">
            Change
          </Link>
        </p>
      </div>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
      />
      <div className="form__grid">
        <TextField
          label="Phone"
          optional
          type="tel"
          name="phone"
          autoComplete="tel"
          inputMode="tel"
          value={values.phone}
          onChange={set('phone')}
          error={errors.phone}
          hint="With the country code, e.g. +14155550123."
        />
        <TextField
          label="Date of birth"
          optional
          type="date"
          name="dateOfBirth"
          autoComplete="bday"
          value={values.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={errors.dateOfBirth}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Preferences</legend>
        <div className="form__grid">
          <SelectField
            label="Language"
            name="language"
            value={values.language}
            onChange={set('language')}
            options={withCurrent(LANGUAGES, values.language)}
            error={errors['preferences.language']}
          />
          <SelectField
            label="Currency"
            name="currency"
            value={values.currency}
            onChange={set('currency')}
            options={withCurrent(CURRENCIES, values.currency)}
            error={errors['preferences.currency']}
          />
        </div>
        <CheckboxField
          label="Email me about offers and new products"
          hint="You can unsubscribe at any time. Order and security emails are always sent."
          checked={values.marketingEmails}
          onChange={(event) => {
            setSaved(false);
            setValues((current) => ({ ...current, marketingEmails: event.target.checked }));
          }}
        />
      </fieldset>
      <div>
        <SubmitButton pending={update.isPending} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </div>
    </form>
  );
}
