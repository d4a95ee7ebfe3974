import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../not-found-page.tsx';
import { CheckoutPage } from './checkout-page.tsx';
import { ConfirmationPage } from './confirmation-page.tsx';
import { ResumeCheckoutPage } from './resume-checkout-page.tsx';

/** /checkout and its sub-paths: the steps, the confirmation, and the recovery email's link. */
export function CheckoutRoutes() {
  return (
    <Routes>
      <Route index element={<CheckoutPage />} />
      <Route path="confirmation/:number" element={<ConfirmationPage />} />
      <Route path="resume" element={<ResumeCheckoutPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
