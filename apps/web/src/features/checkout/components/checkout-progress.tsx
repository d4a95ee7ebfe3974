export const FLOW_STEPS = ['address', 'shipping', 'payment', 'review'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

const LABELS: Record<FlowStep, string> = {
  address: 'Address',
  shipping: 'Shipping',
  payment: 'Payment',
  review: 'Review',
};

interface CheckoutProgressProps {
  current: FlowStep;
  /** Going back to a finished step; the server clears the steps after it once it is saved again. */
  onGoBack: (step: FlowStep) => void;
}

export function CheckoutProgress({ current, onGoBack }: CheckoutProgressProps) {
  const currentIndex = FLOW_STEPS.indexOf(current);
  return (
    <nav aria-label="Checkout progress" className="checkout-progress">
      <ol>
        {FLOW_STEPS.map((step, index) => (
          <li
            key={step}
            aria-current={index === currentIndex ? 'step' : undefined}
            className={index < currentIndex ? 'is-done' : undefined}
          >
            {index < currentIndex ? (
              <button type="button" className="link-button" onClick={() => onGoBack(step)}>
                {LABELS[step]}
                <span className="visually-hidden"> (done, change it)</span>
              </button>
            ) : (
              LABELS[step]
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
