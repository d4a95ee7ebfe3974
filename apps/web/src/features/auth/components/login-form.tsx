import type { SessionTokens } from '@securecart/contract';
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
  formErrorMessage,
  problemCode,
} from '../../../lib/form-errors.ts';
import { useLogin } from '../api/login.ts';
import '../auth.css';

const LABELS = { email: 'Email', password: 'Password', acceptPrivacy: 'Privacy policy' };

interface LoginFormProps {
  onSignedIn: (tokens: SessionTokens, rememberMe: boolean) => void;
  onMfaRequired: (challenge: { mfaToken: string; rememberMe: boolean }) => void;
}

/** Email and password; a changed privacy policy (428) asks for acceptance and the same submit again. */
export function LoginForm({ onSignedIn, onMfaRequired }: LoginFormProps) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(false);
  const [privacyUpdate, setPrivacyUpdate] = useState(false);
  const [acceptPrivacy, setAcceptPrivacy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    if (!password) found.password = 'Enter your password.';
    if (privacyUpdate && !acceptPrivacy)
      found.acceptPrivacy = 'Accept the updated privacy policy to continue.';
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return;

    login.mutate(
      {
        email: email.trim(),
        password,
        rememberMe,
        ...(privacyUpdate ? { acceptPrivacy: true as const } : {}),
      },
      {
        onSuccess(result) {
          if ('mfaRequired' in result) onMfaRequired({ mfaToken: result.mfaToken, rememberMe });
          else onSignedIn(result, rememberMe);
        },
        onError(error) {
          if (problemCode(error) === 'privacy_policy_update_required') {
            setPrivacyUpdate(true);
            return;
          }
          setErrors(fieldErrorsFrom(error, LABELS));
          setFormError(formErrorMessage(error));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <FormNotice tone="error">{formError}</FormNotice>
      {privacyUpdate && (
        <FormNotice tone="info">
          Our privacy policy has changed since you last signed in. Please read it and accept it to continue.
        </FormNotice>
      )}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <div className="form__row form__row--split">
        <CheckboxField
          label="Remember me"
          hint="Stay signed in on this device for 30 days."
          checked={rememberMe}
          onChange={(event) => setRememberMe(event.target.checked)}
        />
        <Link to="/forgot-password" className="form__aside-link">
          Forgot your password?
        </Link>
      </div>
      {privacyUpdate && (
        <CheckboxField
          label={
            <>
              I have read and accept the updated{' '}
              <Link to="/privacy" target="_blank" rel="noopener">
                privacy policy
              </Link>
            </>
          }
          checked={acceptPrivacy}
          onChange={(event) => setAcceptPrivacy(event.target.checked)}
          error={errors.acceptPrivacy}
        />
      )}
      <SubmitButton pending={login.isPending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
