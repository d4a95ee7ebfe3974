import type { Address, Page, Profile, Session } from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { GOOD_PASSWORD, makeProfile, makeSession, RECOVERY_CODES, TOTP_CODE } from './auth-fixtures.ts';
import { problem, TEST_API } from './handlers.ts';

/**
 * A small, stateful imitation of the auth and account API: one user, one browser. `signedIn`
 * stands for the httpOnly refresh cookie; tests arrange state here, or override a single answer
 * with `server.use(...)`.
 */
export const fakeAccount = {
  profile: makeProfile(),
  password: GOOD_PASSWORD,
  /** The browser holds a live refresh cookie. */
  signedIn: false,
  rememberMe: false,
  addresses: [] as Address[],
  otherSessions: [makeSession()] as Session[],
  /** Every request the fake received, as `METHOD /path`. */
  requests: [] as string[],
  /** Bodies of POST/PATCH requests, by `METHOD /path`. */
  bodies: new Map<string, unknown>(),
  tokenCount: 0,
  validTokens: new Set<string>(),
};

export function resetFakeAccount() {
  fakeAccount.profile = makeProfile();
  fakeAccount.password = GOOD_PASSWORD;
  fakeAccount.signedIn = false;
  fakeAccount.rememberMe = false;
  fakeAccount.addresses = [];
  fakeAccount.otherSessions = [makeSession()];
  fakeAccount.requests = [];
  fakeAccount.bodies = new Map();
  fakeAccount.tokenCount = 0;
  fakeAccount.validTokens = new Set();
}

const authUser = (profile: Profile) => ({
  id: profile.id,
  email: profile.email,
  name: profile.name,
  role: profile.role,
  emailVerified: profile.emailVerified,
  mfaEnabled: profile.mfaEnabled,
});

const issueToken = () => {
  fakeAccount.tokenCount++;
  const token = `access-${fakeAccount.tokenCount}`;
  fakeAccount.validTokens.add(token);
  return token;
};

const startSession = () => {
  fakeAccount.signedIn = true;
  return HttpResponse.json({
    accessToken: issueToken(),
    expiresIn: 900,
    user: authUser(fakeAccount.profile),
  });
};

/** A 400 naming each invalid field, as the API's error handler writes it. */
export const validationProblem = (errors: { path: string; message: string }[]) =>
  problem(400, 'Bad Request', 'Invalid body', { code: 'validation_failed', errors });

const wrongPassword = () => problem(403, 'Forbidden', 'The current password is not correct.');

interface ResolverInfo {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
}

/** Bearer-authenticated endpoints answer 401 without one of the tokens the fake issued. */
const signedInOnly =
  (handler: (info: ResolverInfo) => Response | Promise<Response>) => async (args: ResolverInfo) => {
    const token = args.request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (!token || !fakeAccount.validTokens.has(token) || !fakeAccount.signedIn) {
      return problem(401, 'Unauthorized', 'Authentication required');
    }
    return handler(args);
  };

/**
 * Staff endpoints: 401 without a valid token, 403 for a signed-in user of another role (the
 * profile's `role`; arrange it with `fakeAccount.profile = makeProfile({ role: 'admin' })`).
 */
export const roleOnly =
  (roles: readonly Profile['role'][], handler: (info: ResolverInfo) => Response | Promise<Response>) =>
  (args: ResolverInfo) =>
    signedInOnly((info) =>
      roles.includes(fakeAccount.profile.role)
        ? handler(info)
        : problem(403, 'Forbidden', 'You do not have access to this resource.'),
    )(args);

const record = async (request: Request) => {
  const url = new URL(request.url);
  const key = `${request.method} ${url.pathname.replace('/api/v1', '')}`;
  fakeAccount.requests.push(key);
  if (request.method !== 'GET' && request.headers.get('content-type')?.includes('json')) {
    fakeAccount.bodies.set(key, await request.clone().json());
  }
};

const pageOf = <T>(items: T[]): Page<T> => ({ items, page: 1, pageSize: 100, total: items.length });

interface LoginBody {
  email: string;
  password: string;
  rememberMe?: boolean;
  acceptPrivacy?: boolean;
}

export const authHandlers = [
  http.all(`${TEST_API}/*`, async ({ request }) => {
    await record(request);
    return undefined; // fall through to the real handler
  }),

  http.post(`${TEST_API}/auth/refresh`, ({ request }) => {
    if (request.headers.get('x-csrf') !== '1') return problem(403, 'Forbidden', 'CSRF header missing');
    if (!fakeAccount.signedIn) return problem(401, 'Unauthorized', 'The session has ended or expired.');
    return HttpResponse.json({ accessToken: issueToken(), expiresIn: 900 });
  }),

  http.post(`${TEST_API}/auth/logout`, () => {
    fakeAccount.signedIn = false;
    fakeAccount.validTokens.clear();
    return new HttpResponse(null, { status: 204 });
  }),

  http.post(`${TEST_API}/auth/login`, async ({ request }) => {
    const body = (await request.json()) as LoginBody;
    if (body.email.toLowerCase() !== fakeAccount.profile.email || body.password !== fakeAccount.password) {
      return problem(401, 'Unauthorized', 'Email or password is not correct.', {
        code: 'invalid_credentials',
      });
    }
    fakeAccount.rememberMe = body.rememberMe === true;
    if (fakeAccount.profile.mfaEnabled)
      return HttpResponse.json({ mfaRequired: true, mfaToken: 'mfa-token-1' });
    return startSession();
  }),

  http.post(`${TEST_API}/auth/login/mfa`, async ({ request }) => {
    const body = (await request.json()) as { mfaToken: string; code?: string; recoveryCode?: string };
    if (body.mfaToken !== 'mfa-token-1') {
      return problem(401, 'Unauthorized', 'This sign-in step is invalid or has expired.', {
        code: 'invalid_mfa_token',
      });
    }
    const ok = body.code === TOTP_CODE || (body.recoveryCode && RECOVERY_CODES.includes(body.recoveryCode));
    if (!ok) {
      return problem(401, 'Unauthorized', 'The code is not correct or was already used.', {
        code: 'invalid_mfa_code',
      });
    }
    return startSession();
  }),

  http.post(`${TEST_API}/auth/register`, () =>
    HttpResponse.json({ message: 'Check your inbox: we sent you an email to continue.' }, { status: 202 }),
  ),
  http.post(`${TEST_API}/auth/resend-verification`, () =>
    HttpResponse.json({ message: 'Thanks.' }, { status: 202 }),
  ),
  http.post(`${TEST_API}/auth/verify-email`, async ({ request }) => {
    const { token } = (await request.json()) as { token: string };
    if (token !== 'good-token') {
      return problem(400, 'Bad Request', 'This link is invalid, was already used or has expired.', {
        code: 'invalid_token',
      });
    }
    fakeAccount.profile = { ...fakeAccount.profile, emailVerified: true };
    return new HttpResponse(null, { status: 204 });
  }),
  http.post(`${TEST_API}/auth/password/forgot`, () =>
    HttpResponse.json({ message: 'Thanks.' }, { status: 202 }),
  ),
  http.post(`${TEST_API}/auth/password/reset`, () => new HttpResponse(null, { status: 204 })),

  http.get(
    `${TEST_API}/auth/sessions`,
    signedInOnly(() =>
      HttpResponse.json(
        pageOf([
          makeSession({
            id: '00000000-0000-4000-8000-00000000c0c0',
            current: true,
            userAgent:
              'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
          }),
          ...fakeAccount.otherSessions,
        ]),
      ),
    ),
  ),
  http.delete(
    `${TEST_API}/auth/sessions/:id`,
    signedInOnly(({ params }) => {
      const before = fakeAccount.otherSessions.length;
      fakeAccount.otherSessions = fakeAccount.otherSessions.filter((session) => session.id !== params.id);
      return before === fakeAccount.otherSessions.length
        ? problem(404, 'Not Found', 'Session not found')
        : new HttpResponse(null, { status: 204 });
    }),
  ),

  http.post(
    `${TEST_API}/auth/mfa/setup`,
    signedInOnly(async ({ request }) => {
      const { password } = (await request.json()) as { password: string };
      if (password !== fakeAccount.password) return wrongPassword();
      return HttpResponse.json({
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUrl: 'otpauth://totp/SecureCart:ada%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=SecureCart',
        qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
      });
    }),
  ),
  http.post(
    `${TEST_API}/auth/mfa/enable`,
    signedInOnly(async ({ request }) => {
      const { code } = (await request.json()) as { code: string };
      if (code !== TOTP_CODE) return problem(403, 'Forbidden', 'The code is not correct.');
      fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: true };
      return HttpResponse.json({ recoveryCodes: RECOVERY_CODES });
    }),
  ),
  http.post(
    `${TEST_API}/auth/mfa/disable`,
    signedInOnly(async ({ request }) => {
      const { password, code } = (await request.json()) as { password: string; code: string };
      if (password !== fakeAccount.password) return wrongPassword();
      if (code !== TOTP_CODE) return problem(403, 'Forbidden', 'The code is not correct.');
      fakeAccount.profile = { ...fakeAccount.profile, mfaEnabled: false };
      return new HttpResponse(null, { status: 204 });
    }),
  ),

  http.get(
    `${TEST_API}/me`,
    signedInOnly(() => HttpResponse.json(fakeAccount.profile)),
  ),
  http.patch(
    `${TEST_API}/me`,
    signedInOnly(async ({ request }) => {
      const body = (await request.json()) as Partial<Profile>;
      fakeAccount.profile = {
        ...fakeAccount.profile,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.dateOfBirth !== undefined ? { dateOfBirth: body.dateOfBirth } : {}),
        preferences: { ...fakeAccount.profile.preferences, ...body.preferences },
      };
      return HttpResponse.json(fakeAccount.profile);
    }),
  ),
  http.post(
    `${TEST_API}/me/password`,
    signedInOnly(async ({ request }) => {
      const body = (await request.json()) as { currentPassword: string; newPassword: string };
      if (body.currentPassword !== fakeAccount.password) return wrongPassword();
      fakeAccount.password = body.newPassword;
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.post(
    `${TEST_API}/me/email`,
    signedInOnly(async ({ request }) => {
      const body = (await request.json()) as { currentPassword: string; newEmail: string };
      if (body.currentPassword !== fakeAccount.password) return wrongPassword();
      return HttpResponse.json({ message: 'Check your new inbox.' }, { status: 202 });
    }),
  ),
  http.get(
    `${TEST_API}/me/addresses`,
    signedInOnly(() => HttpResponse.json(pageOf(fakeAccount.addresses))),
  ),
  http.post(
    `${TEST_API}/me/addresses`,
    signedInOnly(async ({ request }) => {
      const body = (await request.json()) as Omit<Address, 'id'>;
      const address: Address = {
        ...body,
        id: `00000000-0000-4000-8000-${String(fakeAccount.addresses.length + 1).padStart(12, '0')}`,
        line2: body.line2 ?? null,
        phone: body.phone ?? null,
        region: body.region ?? '',
        isDefault: body.isDefault ?? fakeAccount.addresses.length === 0,
      };
      if (address.isDefault)
        fakeAccount.addresses = fakeAccount.addresses.map((a) => ({ ...a, isDefault: false }));
      fakeAccount.addresses.push(address);
      return HttpResponse.json(address, { status: 201 });
    }),
  ),
  http.patch(
    `${TEST_API}/me/addresses/:id`,
    signedInOnly(async ({ request, params }) => {
      const body = (await request.json()) as Partial<Address>;
      const existing = fakeAccount.addresses.find((address) => address.id === params.id);
      if (!existing) return problem(404, 'Not Found', 'Address not found');
      if (body.isDefault)
        fakeAccount.addresses = fakeAccount.addresses.map((a) => ({ ...a, isDefault: false }));
      const updated = { ...existing, ...body };
      fakeAccount.addresses = fakeAccount.addresses.map((address) =>
        address.id === existing.id ? updated : address,
      );
      return HttpResponse.json(updated);
    }),
  ),
  http.delete(
    `${TEST_API}/me/addresses/:id`,
    signedInOnly(({ params }) => {
      fakeAccount.addresses = fakeAccount.addresses.filter((address) => address.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.get(
    `${TEST_API}/me/export`,
    signedInOnly(() =>
      HttpResponse.json({
        exportedAt: '2026-03-03T00:00:00.000Z',
        profile: fakeAccount.profile,
        addresses: fakeAccount.addresses,
      }),
    ),
  ),
  http.delete(
    `${TEST_API}/me`,
    signedInOnly(async ({ request }) => {
      const { password } = (await request.json()) as { password: string };
      if (password !== fakeAccount.password) return wrongPassword();
      fakeAccount.signedIn = false;
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
