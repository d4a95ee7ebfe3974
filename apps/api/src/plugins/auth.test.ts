import { createTestDatabase } from '@securecart/db/testing';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createUser, signIn } from '../../test/auth.ts';
import { testConfig } from '../../test/config.ts';
import { buildApp } from '../app.ts';

const database = await createTestDatabase(inject('testDatabase'));
const app = await buildApp(testConfig(), { logger: false, database: database.handle });
// Fixture routes exercising the guards other modules use.
app.get('/api/v1/test/admin-only', { onRequest: app.requireRole('admin') }, async (request) => ({
  id: request.user.id,
}));
app.get('/api/v1/test/who', { onRequest: app.optionalAuth }, async (request) => ({
  id: request.user?.id ?? null,
}));
await app.ready();
afterAll(async () => {
  await app.close();
  await database.drop();
});

const db = database.handle.db;
const admin = await createUser(db, { role: 'admin' });
const customer = await createUser(db);
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('requireRole', () => {
  it('answers 401 without a token, 403 for another role, and lets the role through', async () => {
    expect((await get('/api/v1/test/admin-only')).statusCode).toBe(401);
    const asCustomer = await signIn(app, customer.user.email, customer.password);
    const refused = await get('/api/v1/test/admin-only', asCustomer.auth);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const asAdmin = await signIn(app, admin.user.email, admin.password);
    expect((await get('/api/v1/test/admin-only', asAdmin.auth)).json()).toEqual({ id: admin.user.id });
  });
});

describe('optionalAuth', () => {
  it('sets the user for a valid token and stays anonymous, never failing, otherwise', async () => {
    const session = await signIn(app, customer.user.email, customer.password);
    expect((await get('/api/v1/test/who', session.auth)).json()).toEqual({ id: customer.user.id });
    expect((await get('/api/v1/test/who')).json()).toEqual({ id: null });
    const garbage = await get('/api/v1/test/who', { authorization: 'Bearer a.b.c' });
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json()).toEqual({ id: null });
  });
});

describe('app.sessions', () => {
  it('revokeAllForUser ends every session but the one excepted, and their access tokens die at once', async () => {
    const kept = await signIn(app, customer.user.email, customer.password);
    const ended = await signIn(app, customer.user.email, customer.password);
    await app.sessions.revokeAllForUser(customer.user.id, 'test', { exceptSessionId: kept.sessionId });
    expect((await get('/api/v1/test/who', ended.auth)).json()).toEqual({ id: null });
    expect((await get('/api/v1/auth/sessions', ended.auth)).statusCode).toBe(401);
    expect((await get('/api/v1/auth/sessions', kept.auth)).statusCode).toBe(200);
  });

  it('revokeSession ends one session and reports whether it was live', async () => {
    const session = await signIn(app, customer.user.email, customer.password);
    expect(await app.sessions.revokeSession(session.sessionId, 'test')).toBe(true);
    expect(await app.sessions.revokeSession(session.sessionId, 'test')).toBe(false);
    expect((await get('/api/v1/auth/sessions', session.auth)).statusCode).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents every auth operation, including the 428 privacy step of login', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((methods) => Object.values(methods))
      .map((operation) => operation.operationId);
    expect(operations).toEqual(
      expect.arrayContaining([
        'register',
        'verifyEmail',
        'resendVerification',
        'login',
        'loginMfa',
        'refresh',
        'logout',
        'forgotPassword',
        'resetPassword',
        'listSessions',
        'revokeSession',
      ]),
    );
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.description).toContain('privacy_policy_update_required');
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '423', '428', '429']));
  });
});
