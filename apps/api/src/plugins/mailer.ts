import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Build with the `html` tag from lib/html.ts so every interpolated value is escaped. */
  html: string;
  /** What the email is about (`verify_email`, `password_reset`, …): the unit of the per-address quota. */
  kind: string;
  /**
   * `false` for mail that follows a paid order or a staff action (confirmation, shipped, refunded):
   * no anonymous request can trigger it, and dropping it would lose a guest's only link to the order.
   */
  perAddressQuota?: false;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

/** A link to an SPA route under PUBLIC_URL, e.g. `buildLink(config, '/verify-email', { token })`. */
export function buildLink(config: Pick<Config, 'publicUrl'>, route: string, params: Record<string, string>) {
  const url = new URL(route, `${config.publicUrl}/`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

const LINK_PATTERN = /https?:\/\/[^\s<>"]+/g;

function smtpMailer(config: Config): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-SecureCart-Kind': message.kind },
      });
    },
    close: () => transport.close(),
  };
}

/**
 * Without SMTP (a fresh checkout), mail lands in DATA_DIR/mail as .eml files and the links are
 * logged, so a new user can confirm an account without setting up a mail server.
 */
function fileMailer(config: Config, log: FastifyBaseLogger): Mailer {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const outbox = path.join(config.dataDir, 'mail');
  // Once, not per email: every order sends one.
  let created: Promise<unknown> | undefined;
  return {
    async send(message) {
      const info = await composer.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-SecureCart-Kind': message.kind },
      });
      created ??= mkdir(outbox, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
        created = undefined;
        throw error;
      });
      await created;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(outbox, `${stamp}-${message.kind}-${randomBytes(3).toString('hex')}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      // Links carry single-use tokens: handy in a dev log, never written to a production one.
      const links = config.env === 'production' ? undefined : message.text.match(LINK_PATTERN);
      log.info({ file, kind: message.kind, links }, `mail to ${message.to}: ${message.subject}`);
    },
  };
}

/** SMTP when SMTP_URL is set, otherwise the file outbox; tests pass their own mailer. */
export const mailerPlugin = fp<{ config: Config; mailer?: Mailer }>(
  async (app, { config, mailer }) => {
    if (mailer) {
      app.decorate('mailer', mailer);
      return;
    }
    if (config.smtpUrl) {
      const smtp = smtpMailer(config);
      app.addHook('onClose', async () => smtp.close());
      app.decorate('mailer', smtp);
      return;
    }
    app.decorate('mailer', fileMailer(config, app.log));
  },
  { name: 'mailer' },
);
