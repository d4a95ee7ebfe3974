import { useEffect, useRef, useState } from 'react';
import { CheckboxField } from '../../../components/form/checkbox-field.tsx';
import { FormNotice } from '../../../components/form/form-notice.tsx';
import { downloadFile } from '../../../lib/download-file.ts';

/** Shown once, right after 2FA is enabled: copy or download, then confirm they are saved. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copyState, setCopyState] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const text = `SecureCart recovery codes\nEach code can be used once to sign in without your authenticator app.\n\n${codes.join('\n')}\n`;

  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('Copied to the clipboard.');
    } catch {
      setCopyState('Copying is not allowed here: select the codes and copy them, or download them.');
    }
  };

  return (
    <div className="stack recovery-codes">
      <FormNotice tone="success">Two-factor authentication is on.</FormNotice>
      <h3 ref={heading} tabIndex={-1}>
        Step 3 of 3: save your recovery codes
      </h3>
      <p>
        If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a
        password manager. <strong>They will not be shown again.</strong>
      </p>
      <ul className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy codes
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadFile('securecart-recovery-codes.txt', text, 'text/plain')}
        >
          Download codes
        </button>
        <span role="status" className="recovery-codes__status">
          {copyState}
        </span>
      </div>
      <CheckboxField
        label="I have saved my recovery codes"
        checked={saved}
        onChange={(event) => setSaved(event.target.checked)}
      />
      <div>
        <button type="button" className="button" disabled={!saved} onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
