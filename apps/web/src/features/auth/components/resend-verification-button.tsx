import { useState } from 'react';
import { formErrorMessage } from '../../../lib/form-errors.ts';
import { useResendVerification } from '../api/resend-verification.ts';

/** "Resend link": 202 always, so the answer never says whether the address is registered. */
export function ResendVerificationButton({
  email,
  className = 'link-button',
}: {
  email: string;
  className?: string;
}) {
  const resend = useResendVerification();
  const [message, setMessage] = useState<string>();
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={resend.isPending}
        onClick={() =>
          resend.mutate(email, {
            onSuccess: () => setMessage('A new link is on its way. Check your inbox.'),
            onError: (error) => setMessage(formErrorMessage(error)),
          })
        }
      >
        {resend.isPending ? 'Sending…' : 'Resend link'}
      </button>
      <span role="status" className="resend-status">
        {message}
      </span>
    </>
  );
}
