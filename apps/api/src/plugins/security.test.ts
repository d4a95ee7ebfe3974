import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/config.ts';
import { STRIPE_API_ORIGIN, STRIPE_JS_ORIGIN, securityPlugin } from './security.ts';

async function cspWith(provider: 'simulated' | 'stripe') {
  const base = testConfig();
  const app = Fastify();
  await app.register(securityPlugin, { config: testConfig({ payments: { ...base.payments, provider } }) });
  app.get('/page', async () => 'ok');
  const response = await app.inject({ url: '/page' });
  await app.close();
  return Object.fromEntries(
    String(response.headers['content-security-policy'])
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  ) as Record<string, string[]>;
}

describe('content security policy', () => {
  it('allows no third-party script, frame or connection with the simulated provider', async () => {
    const csp = await cspWith('simulated');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['frame-src']).toEqual(["'none'"]);
    expect(JSON.stringify(csp)).not.toContain('stripe');
  });

  it('allows exactly Stripe.js, its frames and its API when Stripe is the provider', async () => {
    const csp = await cspWith('stripe');
    expect(csp['script-src']).toEqual(["'self'", STRIPE_JS_ORIGIN]);
    expect(csp['frame-src']).toEqual([STRIPE_JS_ORIGIN]);
    expect(csp['connect-src']).toEqual(["'self'", STRIPE_API_ORIGIN]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });
});
