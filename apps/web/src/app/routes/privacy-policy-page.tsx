import { PageTitle } from '../../components/page-title.tsx';

/** Placeholder text: a real shop publishes its own policy here (its version is in the API config). */
export function PrivacyPolicyPage() {
  return (
    <article className="prose">
      <PageTitle>Privacy policy</PageTitle>
      <h1>Privacy policy</h1>
      <p className="muted">This is placeholder text for the open-source SecureCart demo.</p>
      <h2>What we collect</h2>
      <p>
        Your name, email address and, if you give them, your phone number, date of birth and delivery
        addresses; your orders; and, for security, the devices and IP addresses you sign in from.
      </p>
      <h2>Why</h2>
      <p>
        To run your account, deliver your orders, keep your account safe and, only if you opt in, send you
        news about products. We never sell your data.
      </p>
      <h2>How long</h2>
      <p>
        For as long as you have an account. Orders are kept for accounting as the law requires, without your
        personal details once you delete your account.
      </p>
      <h2>Your rights</h2>
      <p>
        You can see and correct your details in your account, download everything we store about you, and
        delete your account at any time from the Privacy page of your account.
      </p>
    </article>
  );
}
