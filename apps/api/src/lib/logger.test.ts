import { Writable } from 'node:stream';
import { createTestDatabase } from '@securecart/db/testing';
import { afterAll, expect, inject, it } from 'vitest';
import { testConfig } from '../../test/config.ts';
import { buildApp } from '../app.ts';
import { loggerOptions } from './logger.ts';

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

const database = await createTestDatabase(inject('testDatabase'));
const app = await buildApp(testConfig(), {
  logger: { ...(loggerOptions('info') as object), stream },
  database: database.handle,
});
await app.ready();
afterAll(async () => {
  await app.close();
  await database.drop();
});

it('keeps tokens, cookies and passwords out of the log, and tags lines with the request id', async () => {
  const res = await app.inject({
    url: '/verify-email?token=url-secret-123&next=/account',
    headers: { authorization: 'Bearer header-secret-456', cookie: 'sc_refresh=cookie-secret-789' },
  });
  app.log.info(
    { body: { password: 'pw-secret', refreshToken: 'rt-secret', cardNumber: '4242424242424242' } },
    'a module logs a body',
  );
  const log = lines.join('');
  for (const secret of [
    'url-secret-123',
    'header-secret-456',
    'cookie-secret-789',
    'pw-secret',
    'rt-secret',
    '4242424242424242',
  ]) {
    expect(log).not.toContain(secret);
  }
  expect(log).toContain('token=[REDACTED]&next=/account');
  expect(log).toContain(`"reqId":"${res.headers['x-request-id']}"`);
});
