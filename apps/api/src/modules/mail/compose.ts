import { html } from '../../lib/html.ts';
import type { MailMessage } from '../../plugins/mailer.ts';

/** The closing line of every security notice. */
export const IF_NOT_YOU =
  'If this was not you, reset your password from the sign-in page right away and review your active sessions.';

/** An account email: paragraphs as text and as HTML (every value escaped), with an optional link to act on. */
export function composeMail(
  to: string,
  kind: string,
  subject: string,
  paragraphs: string[],
  link?: string,
): MailMessage {
  return {
    to,
    kind,
    subject,
    text: `${paragraphs.join('\n\n')}${link ? `\n\n${link}` : ''}\n`,
    html:
      paragraphs.map((paragraph) => html`<p>${paragraph}</p>`).join('\n') +
      (link ? html`\n<p><a href="${link}">${link}</a></p>` : ''),
  };
}
