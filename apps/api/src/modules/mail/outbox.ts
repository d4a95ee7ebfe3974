import fp from 'fastify-plugin';
import { normalizeEmail } from '../../lib/email.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import { mailQuotaQueries } from './mail-quota-queries.ts';

export const MAIL_QUOTA_PER_HOUR = 5;
const ONE_HOUR_MS = 60 * 60 * 1000;

export interface Outbox {
  /**
   * Sends an email in the background: the response never waits for SMTP (so timing does not
   * reveal which branch ran), and an address gets at most 5 emails of one kind per hour, whatever
   * the IP (order mail opts out: `perAddressQuota: false`). Over quota the email is silently dropped.
   */
  send(message: MailMessage): void;
  /** Resolves once every queued email has been sent or dropped (shutdown and tests). */
  idle(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    outbox: Outbox;
  }
}

export const outboxPlugin = fp(
  async (app) => {
    const quota = mailQuotaQueries(app.db);
    const pending = new Set<Promise<void>>();

    async function withinQuota(message: MailMessage): Promise<boolean> {
      if (message.perAddressQuota === false) return true;
      const sent = await quota.reserve(normalizeEmail(message.to), message.kind, app.clock(), ONE_HOUR_MS);
      return sent <= MAIL_QUOTA_PER_HOUR;
    }

    async function deliver(message: MailMessage) {
      if (!(await withinQuota(message))) {
        app.log.warn({ kind: message.kind }, 'mail quota reached for an address; email not sent');
        return;
      }
      await app.mailer.send(message);
    }

    app.decorate('outbox', {
      send(message) {
        const job = deliver(message)
          .catch((error: unknown) => app.log.error({ err: error, kind: message.kind }, 'sending mail failed'))
          .finally(() => pending.delete(job));
        pending.add(job);
      },
      async idle() {
        while (pending.size > 0) await Promise.all(pending);
      },
    } satisfies Outbox);

    app.addHook('onClose', async () => app.outbox.idle());
  },
  { name: 'outbox', dependencies: ['db', 'clock', 'mailer'] },
);
