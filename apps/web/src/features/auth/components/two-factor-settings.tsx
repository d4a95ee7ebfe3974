import type { MfaSetup } from '@securecart/contract';
import { type FormEvent, useState } from 'react';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { PasswordField } from '../../../components/form/password-field.tsx';
import { SubmitButton } from '../../../components/form/submit-button.tsx';
import { TextField } from '../../../components/form/text-field.tsx';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useDisableMfa } from '../api/disable-mfa.ts';
import { useEnableMfa } from '../api/enable-mfa.ts';
import { useSetupMfa } from '../api/setup-mfa.ts';
import { RecoveryCodes } from './recovery-codes.tsx';
import '../auth.css';

type Step =
  | { name: 'idle' }
  | { name: 'password' }
  | { name: 'scan'; setup: MfaSetup }
  | { name: 'codes'; recoveryCodes: string[] };

const SIX_DIGITS = /^\d{6}$/;
const digitsOf = (code: string) => code.replace(/\s/g, '');

/** Turning TOTP on (password → QR code → a code → recovery codes, shown once) and off. */
export function TwoFactorSettings({
  enabled,
  onChange,
}: {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const [step, setStep] = useState<Step>({ name: 'idle' });

  if (step.name === 'codes') {
    return (
      <RecoveryCodes
        codes={step.recoveryCodes}
        onDone={() => {
          // The codes leave memory here: they are never shown again.
          setStep({ name: 'idle' });
          onChange(true);
        }}
      />
    );
  }
  if (enabled) return <DisableTwoFactor onDisabled={() => onChange(false)} />;
  if (step.name === 'password') {
    return (
      <ConfirmPassword
        onCancel={() => setStep({ name: 'idle' })}
        onSetup={(setup) => setStep({ name: 'scan', setup })}
      />
    );
  }
  if (step.name === 'scan') {
    return (
      <ScanAndConfirm
        setup={step.setup}
        onCancel={() => setStep({ name: 'idle' })}
        onEnabled={(recoveryCodes) => setStep({ name: 'codes', recoveryCodes })}
      />
    );
  }
  return (
    <div className="stack">
      <p>
        <span className="badge badge--off">Off</span> Protect your account with a code from an authenticator
        app (such as 1Password, Google Authenticator or Aegis) in addition to your password.
      </p>
      <div>
        <button type="button" className="button" onClick={() => setStep({ name: 'password' })}>
          Enable two-factor authentication
        </button>
      </div>
    </div>
  );
}

function ConfirmPassword({
  onSetup,
  onCancel,
}: {
  onSetup: (setup: MfaSetup) => void;
  onCancel: () => void;
}) {
  const setupMfa = useSetupMfa();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError('Enter your current password.');
      return;
    }
    setError(undefined);
    setupMfa.mutate(password, { onSuccess: onSetup });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Confirm your password">
      <p className="form__intro">Step 1 of 3: confirm it is you.</p>
      {setupMfa.isError && <FormNotice tone="error">{formErrorMessage(setupMfa.error)}</FormNotice>}
      <PasswordField
        label="Current password"
        name="current-password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
      />
      <div className="form__actions">
        <SubmitButton pending={setupMfa.isPending} pendingLabel="Checking…">
          Continue
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ScanAndConfirm({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: MfaSetup;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const enableMfa = useEnableMfa();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!SIX_DIGITS.test(digitsOf(code))) {
      setError('Enter the 6-digit code your app shows.');
      return;
    }
    setError(undefined);
    enableMfa.mutate(digitsOf(code), { onSuccess: (result) => onEnabled(result.recoveryCodes) });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Set up your authenticator app">
      <p className="form__intro">Step 2 of 3: scan this QR code with your authenticator app.</p>
      <div className="mfa-setup">
        <img
          className="mfa-setup__qr"
          src={setup.qrCodeDataUrl}
          alt="QR code to add SecureCart to your authenticator app"
          width="200"
          height="200"
        />
        <div className="mfa-setup__manual">
          <p>Cannot scan it? Enter this setup key in the app instead:</p>
          <TextField
            label="Setup key"
            className="mfa-setup__secret"
            readOnly
            required={false}
            value={setup.secret}
            onFocus={(event) => event.target.select()}
            spellCheck={false}
          />
        </div>
      </div>
      {enableMfa.isError && <FormNotice tone="error">{formErrorMessage(enableMfa.error)}</FormNotice>}
      <TextField
        label="Code from the app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field--code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      <div className="form__actions">
        <SubmitButton pending={enableMfa.isPending} pendingLabel="Verifying…">
          Verify and enable
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DisableTwoFactor({ onDisabled }: { onDisabled: () => void }) {
  const disableMfa = useDisableMfa();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      password: password ? undefined : 'Enter your current password.',
      code: code.trim().length >= 6 ? undefined : 'Enter a code from your app or a recovery code.',
    };
    setErrors(found);
    if (found.password || found.code) return;
    disableMfa.mutate({ password, code: code.trim() }, { onSuccess: onDisabled });
  };

  if (!open) {
    return (
      <div className="stack">
        <p>
          <span className="badge badge--in">On</span> Signing in asks for a code from your authenticator app.
        </p>
        <div>
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            Disable two-factor authentication
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Disable two-factor authentication">
      <p className="form__intro">Confirm with your password and a current code (or a recovery code).</p>
      {disableMfa.isError && <FormNotice tone="error">{formErrorMessage(disableMfa.error)}</FormNotice>}
      <PasswordField
        label="Current password"
        name="current-password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <TextField
        label="Code"
        name="code"
        autoComplete="one-time-code"
        className="field--code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
      />
      <div className="form__actions">
        <SubmitButton pending={disableMfa.isPending} pendingLabel="Disabling…">
          Disable
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
