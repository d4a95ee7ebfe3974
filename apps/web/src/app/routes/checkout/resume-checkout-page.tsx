import { useEffect, useRef } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useOptOutOfRecovery } from '../../../features/checkout/api/opt-out-of-recovery.ts';
import { useResumeCheckout } from '../../../features/checkout/api/resume-checkout.ts';
import { RESUMED_STATE } from '../../../features/checkout/components/checkout-in-progress.tsx';
import { isStatus } from '../../../lib/form-errors.ts';
import { isNotFound } from '../../../lib/is-not-found.ts';

/** The recovery email's link: `?token=…` resumes the checkout, `&optOut=1` stops the reminders. */
export function ResumeCheckoutPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const optOut = params.get('optOut') === '1';
  if (!token) return <LinkProblem title="This link is incomplete" />;
  return optOut ? <OptOut token={token} /> : <Resume token={token} />;
}

/** Runs `work` once per page, even when React mounts effects twice: each call rotates a token. */
function useOnce(work: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    work();
  });
}

function Resume({ token }: { token: string }) {
  const resume = useResumeCheckout();
  useOnce(() => resume.mutate(token));

  if (resume.isSuccess) return <Navigate to="/checkout" replace state={RESUMED_STATE} />;
  if (resume.isError) {
    if (isStatus(resume.error, 401)) {
      const next = `/checkout/resume?${new URLSearchParams({ token })}`;
      return (
        <>
          <PageTitle>Resume your checkout</PageTitle>
          <h1>Resume your checkout</h1>
          <p>This checkout belongs to an account. Sign in to carry on where you left off.</p>
          <Link to={`/login?${new URLSearchParams({ next })}`} className="button">
            Sign in
          </Link>
        </>
      );
    }
    if (isNotFound(resume.error)) return <LinkProblem title="This checkout can no longer be resumed" />;
    return (
      <>
        <PageTitle>Resume your checkout</PageTitle>
        <ErrorState
          title="Your checkout could not be resumed"
          error={resume.error}
          onRetry={() => resume.mutate(token)}
        />
      </>
    );
  }
  return <LoadingState label="Resuming your checkout…" />;
}

function OptOut({ token }: { token: string }) {
  const optOut = useOptOutOfRecovery();
  useOnce(() => optOut.mutate(token));

  if (optOut.isSuccess) {
    return (
      <>
        <PageTitle>No more reminders</PageTitle>
        <h1>No more reminders</h1>
        <p role="status">You will not get any more reminder emails about this checkout.</p>
        <p>
          <Link to={`/checkout/resume?${new URLSearchParams({ token })}`}>Resume checkout</Link> or{' '}
          <Link to="/">continue shopping</Link>.
        </p>
      </>
    );
  }
  if (optOut.isError) {
    if (isNotFound(optOut.error)) return <LinkProblem title="This link is no longer valid" />;
    return (
      <>
        <PageTitle>No more reminders</PageTitle>
        <ErrorState
          title="We could not stop the reminders"
          error={optOut.error}
          onRetry={() => optOut.mutate(token)}
        />
      </>
    );
  }
  return <LoadingState label="Stopping the reminders…" />;
}

function LinkProblem({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <h1>{title}</h1>
      <p>The link may have expired, or the order may already have been placed.</p>
      <p>
        <Link to="/cart">Go to your cart</Link> or <Link to="/">continue shopping</Link>.
      </p>
    </>
  );
}
