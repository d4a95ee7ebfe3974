import { registerBodySchema } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { CheckboxField } from '../../../components/form/checkbox-field.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import {
  type FieldErrors,
  fieldErrorsFrom,
  fieldErrorsFromIssues,
  formErrorMessage,
} from '../../../lib/form-errors.ts';
import { meetsPasswordRules } from '../../../lib/password-rules.ts';
import { useRegister } from '../api/register.ts';
import '../auth.css';

const LABELS: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  name: 'Name',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  acceptPrivacy: 'Privacy policy',
};

const today = () => new Date().toISOString().slice(0, 10);

/** Sign-up: the contract's own schema checks the fields first, the server has the last word. */
export function RegisterForm({ onRegistered }: { onRegistered: (email: string) => void }) {
  const register = useRegister();
  const [values, setValues] = useState({ email: '', password: '', name: '', phone: '', dateOfBirth: '' });
  const [acceptPrivacy, setAcceptPrivacy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const body = {
      email: values.email,
      password: values.password,
      name: values.name,
      acceptPrivacy,
      ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.dateOfBirth ? { dateOfBirth: values.dateOfBirth } : {}),
    };
    const parsed = registerBodySchema.safeParse(body);
    const found = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, LABELS);
    if (!found.password && !meetsPasswordRules(values.password)) {
      found.password = 'Password must meet every requirement in the list.';
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;

    register.mutate(parsed.data, {
      onSuccess: () => onRegistered(parsed.data.email),
      onError(error) {
        setErrors(fieldErrorsFrom(error, LABELS));
        setFormError(formErrorMessage(error));
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create your account">
      <FormNotice tone="error">{formError}</FormNotice>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <PasswordField
        label="Password"
        name="new-password"
        autoComplete="new-password"
        showRules
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint="Long passphrases are welcome. Very common passwords are refused."
      />
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
          placeholder="+1 415 555 0123"
          value={values.phone}
          onChange={set('phone')}
          error={errors.phone}
          hint="With the country code."
        />
        <TextField
          label="Date of birth"
          optional
          type="date"
          name="dateOfBirth"
          autoComplete="bday"
          max={today()}
          value={values.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={errors.dateOfBirth}
        />
      </div>
      <CheckboxField
        label={
          <>
            I have read and accept the{' '}
            <Link to="/privacy" target="_blank" rel="noopener">
              privacy policy
            </Link>
            <span className="visually-hidden"> (opens in a new tab)</span>
          </>
        }
        checked={acceptPrivacy}
        onChange={(event) => setAcceptPrivacy(event.target.checked)}
        error={errors.acceptPrivacy}
        required
      />
      <SubmitButton pending={register.isPending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
