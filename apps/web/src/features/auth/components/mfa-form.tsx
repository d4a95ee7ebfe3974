import type { SessionTokens } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { formErrorMessage, problemCode } from '../../../lib/form-errors.ts';
import { useLoginMfa } from '../api/login-mfa.ts';
import '../auth.css';

interface MfaFormProps {
  mfaToken: string;
  onSignedIn: (tokens: SessionTokens) => void;
  /** The challenge expired (5 min): back to email and password. */
  onRestart: (message?: string) => void;
}

/** The second sign-in step: the authenticator's 6-digit code, or one of the recovery codes. */
export function MfaForm({ mfaToken, onSignedIn, onRestart }: MfaFormProps) {
  const loginMfa = useLoginMfa();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [formError, setFormError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const digits = code.replace(/\s/g, '');
    if (!useRecovery && !/^\d{6}$/.test(digits)) {
      setFieldError('Enter the 6-digit code from your authenticator app.');
      return;
    }
    if (useRecovery && !recoveryCode.trim()) {
      setFieldError('Enter one of your recovery codes.');
      return;
    }
    setFieldError(undefined);
    loginMfa.mutate(
      useRecovery ? { mfaToken, recoveryCode: recoveryCode.trim() } : { mfaToken, code: digits },
      {
        onSuccess: onSignedIn,
        onError(error) {
          if (problemCode(error) === 'invalid_mfa_token') {
            onRestart('That sign-in attempt expired. Please sign in again.');
            return;
          }
          setFormError(formErrorMessage(error));
        },
      },
    );
  };

  const switchMode = () => {
    setUseRecovery((current) => !current);
    setFieldError(undefined);
    setFormError(undefined);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Two-step verification">
      <p className="form__intro">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you turned on two-step verification. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for SecureCart.'}
      </p>
      <FormNotice tone="error">{formError}</FormNotice>
      {useRecovery ? (
        <TextField
          key="recovery"
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.target.value)}
          error={fieldError}
          autoFocus
        />
      ) : (
        <TextField
          key="code"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          className="field--code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError}
          autoFocus
        />
      )}
      <SubmitButton pending={loginMfa.isPending} pendingLabel="Verifying…">
        Verify and sign in
      </SubmitButton>
      <div className="form__links">
        <button type="button" className="link-button" onClick={switchMode}>
          {useRecovery ? 'Use the code from my authenticator app' : 'Use a recovery code instead'}
        </button>
        <button type="button" className="link-button" onClick={() => onRestart()}>
          Start over
        </button>
      </div>
    </form>
  );
}
