import type { MailMessage } from '../../plugins/mailer.ts';
import { composeMail } from '../mail/compose.ts';

/** Sent once per order event, never on an anonymous request's say-so: not rate-limited per address. */
export const orderMail = (message: MailMessage): MailMessage => ({ ...message, perAddressQuota: false });

export const orderConfirmationMail = (to: string, number: string, totalText: string, link: string) =>
  orderMail(
    composeMail(
      to,
      'order_confirmation',
      `Your SecureCart order ${number}`,
      [`Thank you for your order ${number} (${totalText}).`, 'You can follow its status here:'],
      link,
    ),
  );

export const orderShippedMail = (
  to: string,
  order: { number: string; carrier: string; trackingNumber: string },
  link?: string,
) =>
  orderMail(
    composeMail(
      to,
      'order_shipped',
      `Your SecureCart order ${order.number} has shipped`,
      [
        `Good news: your order ${order.number} is on its way.`,
        `Carrier: ${order.carrier}. Tracking number: ${order.trackingNumber}.`,
        'You can follow its status here:',
      ],
      link,
    ),
  );
