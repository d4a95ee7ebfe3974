import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.ts';
import { STRONG_PASSWORD } from '../../test/auth.ts';
import { postJson } from '../../test/http.ts';
import { html } from '../lib/html.ts';
import { buildLink } from './mailer.ts';

/** Undoes quoted-printable (soft line breaks and =XX escapes) so links can be matched whole. */
const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

const LINK = /http:\/\/shop\.test\/verify-email\?token=[A-Za-z0-9_-]{43}/;
const registration = (email: string) => ({
  email,
  password: STRONG_PASSWORD,
  name: 'Mail Tester',
  acceptPrivacy: true,
});

describe('SMTP delivery', async () => {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { app } = await useTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });

  it('sends the verification email over real SMTP with the link in the text and the HTML part', async () => {
    expect((await postJson(app, '/auth/register', registration('smtp-user@example.test'))).statusCode).toBe(
      202,
    );
    await app.outbox.idle();
    expect(received).toHaveLength(1);
    const raw = received[0]!.replace(/\r\n/g, '\n');
    expect(raw).toMatch(/^To: smtp-user@example\.test$/m);
    expect(raw).toMatch(/^From: SecureCart <no-reply@shop\.test>$/m);
    expect(raw).toMatch(/^X-SecureCart-Kind: verify_email$/im);
    const parts = raw.split(/^--.+$/m);
    const text = parts.find((part) => /Content-Type: text\/plain/i.test(part))!;
    const htmlPart = parts.find((part) => /Content-Type: text\/html/i.test(part))!;
    expect(decodeQuotedPrintable(text)).toMatch(LINK);
    expect(decodeQuotedPrintable(htmlPart)).toMatch(new RegExp(`href="${LINK.source}"`));
  });
});

describe('file outbox (no SMTP_URL)', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sc-mail-'));
  afterAll(() => rm(dataDir, { recursive: true, force: true }));
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(chunk.toString());
      callback();
    },
  });
  const { app } = await useTestApp({ dataDir }, { logger: { level: 'info', stream: logStream } });

  it('writes an .eml file to DATA_DIR/mail and logs the link so a new user can click it', async () => {
    expect((await postJson(app, '/auth/register', registration('file-user@example.test'))).statusCode).toBe(
      202,
    );
    await app.outbox.idle();
    const files = await readdir(path.join(dataDir, 'mail'));
    expect(files).toEqual([expect.stringMatching(/verify_email-[0-9a-f]{6}\.eml$/)]);
    const eml = await readFile(path.join(dataDir, 'mail', files[0]!), 'utf8');
    expect(eml).toMatch(/^To: file-user@example\.test$/m);
    expect(decodeQuotedPrintable(eml)).toMatch(LINK);
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.kind === 'verify_email');
    expect(logged.links[0]).toMatch(LINK);
  });
});

describe('mail helpers', () => {
  it('escapes every interpolated value in HTML', () => {
    expect(html`<p>${'<img src=x onerror="alert(1)">'} & ${"O'Neil"}</p>`).toBe(
      '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; & O&#39;Neil</p>',
    );
  });

  it('builds links under PUBLIC_URL with encoded parameters', () => {
    expect(buildLink({ publicUrl: 'https://shop.example/base' }, '/reset-password', { token: 'a+b/c' })).toBe(
      'https://shop.example/reset-password?token=a%2Bb%2Fc',
    );
  });
});
