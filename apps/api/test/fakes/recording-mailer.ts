import type { Mailer, MailMessage } from '../../src/plugins/mailer.ts';

/** A mailer that keeps what it was asked to send, for assertions (the network edge, faked). */
export function createRecordingMailer() {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    async send(message) {
      sent.push(message);
    },
  };
  return {
    mailer,
    sent,
    /** The newest message to `email` (any case), or undefined. */
    lastTo(email: string): MailMessage | undefined {
      const wanted = email.toLowerCase();
      return sent.findLast((message) => message.to.toLowerCase() === wanted);
    },
    /** The `token` query parameter of the first link to `path` (e.g. `/verify-email`) in the text part. */
    linkFrom(message: MailMessage | undefined, path: string): string | undefined {
      for (const raw of message?.text.match(/https?:\/\/[^\s<>"]+/g) ?? []) {
        const url = new URL(raw);
        if (url.pathname === path) return url.searchParams.get('token') ?? undefined;
      }
      return undefined;
    },
  };
}
export type RecordingMailer = ReturnType<typeof createRecordingMailer>;
