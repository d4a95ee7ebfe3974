import type { Checkout, Order } from '@securecart/contract';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useAuth } from '../../../features/auth/session/auth-context.ts';
import { useCart } from '../../../features/cart/api/get-cart.ts';
import { useCheckout } from '../../../features/checkout/api/get-checkout.ts';
import { useCurrentCheckout } from '../../../features/checkout/api/get-current-checkout.ts';
import {
  forgetCheckout,
  hasStepFields,
  rememberCheckout,
  rememberedCheckout,
} from '../../../features/checkout/checkout-storage.ts';
import { CheckoutFlow } from '../../../features/checkout/components/checkout-flow.tsx';
import {
  CheckoutInProgress,
  wasResumed,
} from '../../../features/checkout/components/checkout-in-progress.tsx';
import { isNotFound } from '../../../lib/is-not-found.ts';
import type { ConfirmationState } from './confirmation-page.tsx';

export function CheckoutPage() {
  const { status } = useAuth();
  const cart = useCart();
  // Decided once on arrival: placing the order empties the cart on the way to the confirmation.
  const [emptyOnArrival, setEmptyOnArrival] = useState<boolean>();
  if (emptyOnArrival === undefined && !cart.isPending) {
    // A cart that could not be read is left to the checkout, which still refuses an empty one.
    setEmptyOnArrival(cart.isSuccess && !cart.data?.itemCount);
  }
  return (
    <>
      <PageTitle>Checkout</PageTitle>
      <h1>Checkout</h1>
      {status === 'loading' || emptyOnArrival === undefined ? (
        <LoadingState label="Loading your checkout…" />
      ) : emptyOnArrival ? (
        <EmptyCart />
      ) : status === 'signed-in' ? (
        <MemberCheckout />
      ) : (
        <GuestCheckout />
      )}
    </>
  );
}

/** A signed-in shopper's draft is on the server, found from any device; the first edit starts one. */
function MemberCheckout() {
  const current = useCurrentCheckout();
  const [started, setStarted] = useState<Checkout>();

  if (current.isError) {
    return (
      <ErrorState
        title="Your checkout could not be loaded"
        error={current.error}
        onRetry={() => current.refetch()}
      />
    );
  }
  if (current.isPending) return <LoadingState label="Loading your checkout…" />;
  return (
    <CheckoutEntry
      draft={started ?? current.data.checkout ?? undefined}
      guest={false}
      onDraftStarted={setStarted}
    />
  );
}

/** A guest's draft is found again through the id this browser remembers (with the cart token). */
function GuestCheckout() {
  const [draftId, setDraftId] = useState(rememberedCheckout);
  const remembered = useCheckout(draftId);
  const gone =
    (remembered.isError && isNotFound(remembered.error)) || remembered.data?.status === 'completed';

  useEffect(() => {
    if (gone && draftId) {
      forgetCheckout(draftId);
      setDraftId(undefined);
    }
  }, [gone, draftId]);

  if (draftId && !gone) {
    if (remembered.isPending) return <LoadingState label="Loading your checkout…" />;
    if (remembered.isError) {
      return (
        <ErrorState
          title="Your checkout could not be loaded"
          error={remembered.error}
          onRetry={() => remembered.refetch()}
        />
      );
    }
  }
  return (
    <CheckoutEntry
      draft={gone ? undefined : remembered.data}
      guest
      onDraftStarted={(draft) => {
        rememberCheckout(draft.id);
        setDraftId(draft.id);
      }}
    />
  );
}

interface CheckoutEntryProps {
  draft: Checkout | undefined;
  guest: boolean;
  onDraftStarted: (draft: Checkout) => void;
}

const hasProgress = (draft: Checkout | undefined) =>
  Boolean(draft && (draft.step !== 'address' || hasStepFields(draft.id, 'address')));

/** Offers to resume a draft that already has progress, then runs the steps. */
function CheckoutEntry({ draft, guest, onDraftStarted }: CheckoutEntryProps) {
  const location = useLocation();
  const navigate = useNavigate();
  // Decided once on arrival: a draft that gains progress while the shopper types is not "in progress".
  const [offerResume] = useState(() => hasProgress(draft));

  if (offerResume && !wasResumed(location.state)) return <CheckoutInProgress />;

  const onPlaced = (order: Order, placedFrom: Checkout) => {
    forgetCheckout(placedFrom.id);
    const state: ConfirmationState = { order, email: placedFrom.email, guest };
    navigate(`/checkout/confirmation/${encodeURIComponent(order.number)}`, { replace: true, state });
  };
  return <CheckoutFlow draft={draft} guest={guest} onDraftStarted={onDraftStarted} onPlaced={onPlaced} />;
}

function EmptyCart() {
  return (
    <div className="state">
      <h2 className="state__title">Your cart is empty</h2>
      <p>Add something to your cart first, then check out.</p>
      <Link to="/" className="button">
        Continue shopping
      </Link>
    </div>
  );
}
