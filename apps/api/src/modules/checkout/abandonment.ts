import { type Database, schema } from '@securecart/db';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { html } from '../../lib/html.ts';
import { schedulePeriodicJob } from '../../lib/periodic-job.ts';
import type { MailMessage } from '../../plugins/mailer.ts';
import { composeMail } from '../mail/compose.ts';

/** How often each API instance looks for idle drafts (5 minutes). */
export const ABANDONMENT_INTERVAL_MS = 5 * 60 * 1000;
const BATCH_SIZE = 100;

const { checkouts, users, auditLog } = schema;

export function recoveryMail(to: string, resumeLink: string, optOutLink: string): MailMessage {
  const base = composeMail(
    to,
    'checkout_recovery',
    'Your SecureCart checkout is waiting',
    [
      'You started a checkout at SecureCart but did not finish it. Your cart is saved.',
      'Pick up where you left off (nothing is charged until you place the order):',
    ],
    resumeLink,
  );
  return {
    ...base,
    text: `${base.text}\nNo more reminders for this checkout: ${optOutLink}\n`,
    html: `${base.html}\n${html`<p>No more reminders for this checkout: <a href="${optOutLink}">${optOutLink}</a></p>`}`,
  };
}

/**
 * Marks open drafts idle longer than `abandonAfterMinutes` as abandoned and sends each ONE recovery
 * email with a resume link (a random token, stored hashed) unless the draft opted out. Rows are
 * claimed with FOR UPDATE SKIP LOCKED and guarded by `recovery_email_sent_at is null`, so several API
 * instances running it at once never mail a draft twice. Mail goes out after the commit. Returns how
 * many drafts were abandoned.
 */
export async function runAbandonment(
  db: Database,
  now: Date,
  settings: { abandonAfterMinutes: number; publicUrl: string },
  send: (message: MailMessage) => void,
): Promise<number> {
  const cutoff = new Date(now.getTime() - settings.abandonAfterMinutes * 60 * 1000);
  let abandoned = 0;
  for (;;) {
    const { count, mails } = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: checkouts.id,
          guestEmail: checkouts.guestEmail,
          userEmail: users.email,
          optOut: checkouts.recoveryOptOut,
        })
        .from(checkouts)
        .leftJoin(users, eq(users.id, checkouts.userId))
        .where(
          and(
            eq(checkouts.status, 'open'),
            lt(checkouts.lastActivityAt, cutoff),
            isNull(checkouts.recoveryEmailSentAt),
            sql`jsonb_array_length(${checkouts.lines}) > 0`,
            sql`coalesce(${checkouts.guestEmail}, ${users.email}) is not null`,
          ),
        )
        .orderBy(checkouts.lastActivityAt)
        .limit(BATCH_SIZE)
        .for('update', { of: checkouts, skipLocked: true });
      const out: MailMessage[] = [];
      for (const draft of due) {
        const email = draft.guestEmail ?? draft.userEmail!;
        const token = draft.optOut ? undefined : randomToken();
        await tx
          .update(checkouts)
          .set({
            status: 'abandoned',
            abandonedAt: now,
            updatedAt: now,
            ...(token ? { resumeTokenHash: sha256(token), recoveryEmailSentAt: now } : {}),
          })
          .where(eq(checkouts.id, draft.id));
        if (token) {
          const link = `${settings.publicUrl}/checkout/resume?token=${token}`;
          out.push(recoveryMail(email, link, `${link}&optOut=1`));
        }
      }
      if (due.length > 0) {
        await tx.insert(auditLog).values(
          due.map((draft) => ({
            at: now,
            action: 'checkout.abandoned',
            actorId: null,
            targetType: 'checkout',
            targetId: draft.id,
            details: { recoveryEmail: !draft.optOut },
          })),
        );
      }
      return { count: due.length, mails: out };
    });
    for (const mail of mails) send(mail);
    abandoned += count;
    if (count < BATCH_SIZE) return abandoned;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs the abandonment job once now (tests call it with a moved clock). */
    runAbandonment: () => Promise<number>;
  }
}

/** Runs the abandonment job every 5 minutes on an unref'd timer, stopped when the app closes. */
export const abandonmentPlugin = fp<{ config: Config; intervalMs?: number }>(
  async (app, { config, intervalMs = ABANDONMENT_INTERVAL_MS }) => {
    app.decorate('runAbandonment', () =>
      runAbandonment(
        app.db,
        app.clock(),
        { abandonAfterMinutes: config.abandonAfterMinutes, publicUrl: config.publicUrl },
        (message) => app.outbox.send(message),
      ),
    );
    schedulePeriodicJob(app, 'checkout abandonment', intervalMs, () => app.runAbandonment());
  },
  { name: 'checkout-abandonment', dependencies: ['db', 'clock', 'outbox'] },
);
