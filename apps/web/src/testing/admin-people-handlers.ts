import type {
  AbandonmentReport,
  AdminUser,
  AuditEntry,
  GroupBy,
  Page,
  UsersReport,
} from '@securecart/contract';
import { HttpResponse, http } from 'msw';
import { makeProfile } from './auth-fixtures.ts';
import { fakeAccount, roleOnly, validationProblem } from './auth-handlers.ts';
import { problem, TEST_API } from './handlers.ts';
import { daysBetween, periodOf } from './report-periods.ts';

const uuid = (prefix: string, n: number) => `00000000-0000-4000-${prefix}-${String(n).padStart(12, '0')}`;

/** The signed-in admin of the tests is `makeProfile({ role: 'admin' })`: the same id and email. */
const me = makeProfile();

export function makeAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: uuid('9000', 1),
    email: 'someone@example.test',
    name: 'Someone',
    role: 'customer',
    emailVerified: true,
    mfaEnabled: false,
    locked: false,
    lockedAt: null,
    deleted: false,
    createdAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  };
}

const initialUsers = (): AdminUser[] => [
  makeAdminUser({ id: me.id, email: me.email, name: me.name, role: 'admin', mfaEnabled: true }),
  makeAdminUser({ id: uuid('9000', 2), email: 'grace@example.test', name: 'Grace Hopper', role: 'seller' }),
  makeAdminUser({
    id: uuid('9000', 3),
    email: 'alan@example.test',
    name: 'Alan Turing',
    locked: true,
    lockedAt: '2026-03-01T12:00:00.000Z',
  }),
  // Enough customers for a second page of 20.
  ...Array.from({ length: 22 }, (_, index) =>
    makeAdminUser({
      id: uuid('9000', index + 10),
      email: `customer${index + 1}@example.test`,
      name: `Customer ${index + 1}`,
    }),
  ),
];

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: uuid('a0d1', 1),
    at: '2026-03-02T10:00:00.000Z',
    actorId: me.id,
    actorEmail: me.email,
    action: 'product.updated',
    targetType: 'product',
    targetId: uuid('8000', 1),
    ip: '203.0.113.7',
    requestId: 'req-1',
    details: {},
    ...overrides,
  };
}

const initialAudit = (): AuditEntry[] => [
  makeAuditEntry({
    id: uuid('a0d1', 1),
    at: '2026-03-03T09:00:00.000Z',
    action: 'user.role_changed',
    targetType: 'user',
    targetId: uuid('9000', 2),
    details: { before: { role: 'customer' }, after: { role: 'seller' } },
  }),
  makeAuditEntry({
    id: uuid('a0d1', 2),
    at: '2026-03-02T10:00:00.000Z',
    details: {
      changes: {
        // Markup typed into a product name must read as text, never render.
        name: { before: 'Lamp', after: '<img src=x onerror=alert(1)>Lamp' },
        priceCents: { before: 4500, after: 3900 },
      },
    },
  }),
  makeAuditEntry({
    id: uuid('a0d1', 3),
    at: '2026-03-01T08:00:00.000Z',
    actorId: null,
    actorEmail: 'alan@example.test',
    action: 'auth.login.failed',
    targetType: null,
    targetId: null,
    details: { reason: 'bad_password' },
  }),
];

/**
 * A small, stateful imitation of the admin user, audit-log and users/abandonment report endpoints,
 * with the API's rules (admins only, a role change needs the admin's password, never leave the shop
 * without an admin who can sign in). Tests arrange state here and read back what the SPA sent.
 */
export const adminPeopleFake = {
  users: initialUsers(),
  audit: initialAudit(),
  /** Ids the password-reset email was sent for. */
  passwordResets: [] as string[],
  /** Ids whose sessions were all revoked. */
  revokedSessions: [] as string[],
  /** Query strings received, oldest first: `GET /admin/users`, the audit log and the reports. */
  queries: [] as { path: string; params: URLSearchParams }[],
};

export function resetAdminPeopleFake() {
  adminPeopleFake.users = initialUsers();
  adminPeopleFake.audit = initialAudit();
  adminPeopleFake.passwordResets = [];
  adminPeopleFake.revokedSessions = [];
  adminPeopleFake.queries = [];
}

/** The last query string a path received, as a plain object. */
export const lastQuery = (path: string): Record<string, string> =>
  Object.fromEntries(adminPeopleFake.queries.findLast((query) => query.path === path)?.params ?? []);

const admin = (resolver: Parameters<typeof roleOnly>[1]) => roleOnly(['admin'], resolver);

const paramsOf = (request: Request) => {
  const url = new URL(request.url);
  adminPeopleFake.queries.push({ path: url.pathname.replace(/^\/api\/v1/, ''), params: url.searchParams });
  return url.searchParams;
};

const pageOf = <T>(items: T[], params: URLSearchParams): Page<T> => {
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
};

const findUser = (id: unknown) => adminPeopleFake.users.find((user) => user.id === id && !user.deleted);
const userNotFound = () => problem(404, 'Not Found', 'User not found');
const canAdminister = (user: Pick<AdminUser, 'role' | 'locked' | 'deleted'>) =>
  user.role === 'admin' && !user.locked && !user.deleted;

const csv = (rows: (string | number)[][]) =>
  new HttpResponse(`${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });

/** Per-day figures that differ from day to day, summed into the requested periods. */
function byPeriod<T extends Record<string, number>>(
  params: URLSearchParams,
  perDay: (dayOfMonth: number) => T,
) {
  const groupBy = (params.get('groupBy') ?? 'day') as GroupBy;
  const rows = new Map<string, T>();
  for (const day of daysBetween(params.get('from') ?? '', params.get('to') ?? '')) {
    const period = periodOf(day, groupBy);
    const figures = perDay(Number(day.slice(8)));
    const row = rows.get(period);
    rows.set(
      period,
      row
        ? (Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v + (figures[k] ?? 0)])) as T)
        : figures,
    );
  }
  const list = [...rows].map(([period, figures]) => ({ period, ...figures }));
  const totals = Object.fromEntries(
    Object.keys(perDay(1)).map((key) => [key, list.reduce((sum, row) => sum + (row[key] as number), 0)]),
  ) as T;
  return { rows: list, totals };
}

const usersReport = (params: URLSearchParams): UsersReport =>
  byPeriod(params, (d) => ({
    signUps: d % 3,
    activeUsers: 10 + (d % 4),
    logins: 20 + (d % 5),
    failedLogins: d % 2,
    lockouts: d % 7 === 0 ? 1 : 0,
  }));

const abandonmentReport = (params: URLSearchParams): AbandonmentReport =>
  byPeriod(params, (d) => ({
    started: 10 + (d % 3),
    completed: 6,
    abandoned: 4 + (d % 3),
    recovered: d % 2,
  }));

export const adminPeopleHandlers = [
  http.get(
    `${TEST_API}/admin/users`,
    admin(({ request }) => {
      const params = paramsOf(request);
      const q = params.get('q')?.toLowerCase() ?? '';
      const role = params.get('role');
      const matching = adminPeopleFake.users
        .filter((user) => user.email.includes(q) || user.name.toLowerCase().includes(q))
        .filter((user) => !role || user.role === role);
      return HttpResponse.json(pageOf(matching, params));
    }),
  ),
  http.get(
    `${TEST_API}/admin/users/:id`,
    admin(({ params }) => {
      const user = findUser(params.id);
      return user ? HttpResponse.json(user) : userNotFound();
    }),
  ),
  http.patch(
    `${TEST_API}/admin/users/:id`,
    admin(async ({ request, params }) => {
      const body = (await request.json()) as {
        role?: AdminUser['role'];
        locked?: boolean;
        currentPassword?: string;
      };
      if (body.role !== undefined) {
        if (!body.currentPassword) {
          return validationProblem([{ path: 'currentPassword', message: 'required to change a role' }]);
        }
        if (body.currentPassword !== fakeAccount.password) {
          return problem(403, 'Forbidden', 'The current password is not correct.');
        }
      }
      const before = findUser(params.id);
      if (!before) return userNotFound();
      const next: AdminUser = {
        ...before,
        role: body.role ?? before.role,
        locked: body.locked ?? before.locked,
        lockedAt:
          body.locked === false
            ? null
            : body.locked
              ? (before.lockedAt ?? new Date().toISOString())
              : before.lockedAt,
      };
      const otherAdmins = adminPeopleFake.users.filter(
        (user) => user.id !== before.id && canAdminister(user),
      );
      if (canAdminister(before) && !canAdminister(next) && otherAdmins.length === 0) {
        return problem(
          422,
          'Unprocessable Content',
          'The shop must keep at least one admin who can sign in.',
          {
            code: 'last_admin',
          },
        );
      }
      adminPeopleFake.users = adminPeopleFake.users.map((user) => (user.id === next.id ? next : user));
      return HttpResponse.json(next);
    }),
  ),
  http.post(
    `${TEST_API}/admin/users/:id/password-reset`,
    admin(({ params }) => {
      const user = findUser(params.id);
      if (!user) return userNotFound();
      adminPeopleFake.passwordResets.push(user.id);
      return HttpResponse.json({ message: 'A password-reset link was sent to the user.' }, { status: 202 });
    }),
  ),
  http.delete(
    `${TEST_API}/admin/users/:id/sessions`,
    admin(({ params }) => {
      const user = findUser(params.id);
      if (!user) return userNotFound();
      adminPeopleFake.revokedSessions.push(user.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.get(
    `${TEST_API}/admin/audit-log`,
    admin(({ request }) => {
      const params = paramsOf(request);
      const actor = params.get('actor')?.toLowerCase();
      const action = params.get('action');
      const from = params.get('from');
      const to = params.get('to');
      if (from && to && from > to) {
        return validationProblem([{ path: 'from', message: 'must not be after to' }]);
      }
      const matching = adminPeopleFake.audit
        .filter((entry) => !actor || entry.actorId === actor || entry.actorEmail?.toLowerCase() === actor)
        .filter((entry) => !action || entry.action === action)
        .filter((entry) => !from || entry.at.slice(0, 10) >= from)
        .filter((entry) => !to || entry.at.slice(0, 10) <= to)
        .sort((a, b) => b.at.localeCompare(a.at));
      return HttpResponse.json(pageOf(matching, params));
    }),
  ),
  http.get(
    `${TEST_API}/admin/reports/users`,
    admin(({ request }) => {
      const params = paramsOf(request);
      const report = usersReport(params);
      if (params.get('format') !== 'csv') return HttpResponse.json(report);
      const t = report.totals;
      return csv([
        ['period', 'signUps', 'activeUsers', 'logins', 'failedLogins', 'lockouts'],
        ...report.rows.map((r) => [r.period, r.signUps, r.activeUsers, r.logins, r.failedLogins, r.lockouts]),
        ['total', t.signUps, t.activeUsers, t.logins, t.failedLogins, t.lockouts],
      ]);
    }),
  ),
  http.get(
    `${TEST_API}/admin/reports/abandonment`,
    admin(({ request }) => {
      const params = paramsOf(request);
      const report = abandonmentReport(params);
      if (params.get('format') !== 'csv') return HttpResponse.json(report);
      const t = report.totals;
      return csv([
        ['period', 'started', 'completed', 'abandoned', 'recovered'],
        ...report.rows.map((r) => [r.period, r.started, r.completed, r.abandoned, r.recovered]),
        ['total', t.started, t.completed, t.abandoned, t.recovered],
      ]);
    }),
  ),
];
