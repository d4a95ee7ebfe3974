import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { createRecordingMailer } from '../../../test/fakes/recording-mailer.ts';
import { orderConfirmationMail, orderShippedMail } from '../orders/order-mail.ts';
import { autoRefundMail } from '../payments/stripe-webhook-routes.ts';
import { composeMail } from './compose.ts';
import { MAIL_QUOTA_PER_HOUR } from './outbox.ts';

const mail = createRecordingMailer();
const { app } = await useTestApp({}, { mailer: mail.mailer });
const sentOf = (to: string, kind: string) => mail.sent.filter((m) => m.to === to && m.kind === kind);

describe('outbox quota', () => {
  it('drops account mail to one address beyond 5 of a kind per hour', async () => {
    const to = 'flooded@example.test';
    for (let i = 0; i <= MAIL_QUOTA_PER_HOUR; i++) {
      app.outbox.send(composeMail(to, 'password_reset', 'Reset', ['A link']));
    }
    await app.outbox.idle();
    expect(sentOf(to, 'password_reset')).toHaveLength(MAIL_QUOTA_PER_HOUR);
  });

  it('always sends order mail: a guest’s sixth order in an hour still gets its confirmation and link', async () => {
    const to = 'busy.buyer@example.test';
    const orders = MAIL_QUOTA_PER_HOUR + 2;
    for (let i = 0; i < orders; i++) {
      app.outbox.send(orderConfirmationMail(to, `SC-${i}`, '$1.00', `http://shop.test/orders/SC-${i}`));
      app.outbox.send(orderShippedMail(to, { number: `SC-${i}`, carrier: 'UPS', trackingNumber: `1Z${i}` }));
      app.outbox.send(autoRefundMail(to));
    }
    await app.outbox.idle();
    expect(sentOf(to, 'order_confirmation')).toHaveLength(orders);
    expect(sentOf(to, 'order_shipped')).toHaveLength(orders);
    expect(sentOf(to, 'payment_refunded')).toHaveLength(orders);
  });
});
