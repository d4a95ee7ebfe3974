import type { AccountExport } from '@securecart/contract';
import type { Database } from '@securecart/db';
import type { Actor } from '../../lib/actor.ts';
import type { Passwords } from '../../lib/passwords.ts';
import { requireCurrentPassword } from '../../lib/reauthenticate.ts';
import type { AccountQueries } from './account-queries.ts';
import { type RevokeAllSessions, requireActiveUser } from './account-service.ts';
import type { PersonalDataRegistry } from './personal-data.ts';

export interface PersonalDataServiceDeps {
  db: Database;
  registry: PersonalDataRegistry;
  queries: Pick<AccountQueries, 'findActiveUser'>;
  passwords: Pick<Passwords, 'verify' | 'verifyDummy'>;
  revokeAllSessions: RevokeAllSessions;
  clock: () => Date;
}

/** GDPR: the right of access (export) and the right to erasure, over every module that registered. */
export function personalDataService({
  db,
  registry,
  queries,
  passwords,
  revokeAllSessions,
  clock,
}: PersonalDataServiceDeps) {
  return {
    /** One snapshot: every section reads the same committed state, even while the user keeps shopping. */
    exportData(userId: string): Promise<AccountExport> {
      return db.transaction(
        async (tx) => {
          const document: Record<string, unknown> = { exportedAt: clock().toISOString() };
          for (const section of registry.exportSections) {
            document[section.key] = section.schema.parse(await section.load(userId, tx));
          }
          return document as AccountExport;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    },

    /** All or nothing: a failing step (say, orders that cannot be anonymised) leaves the account intact. */
    async erase(actor: Actor, password: string): Promise<void> {
      const user = await requireActiveUser(queries, actor.userId);
      await requireCurrentPassword(passwords, user.passwordHash, password);
      const now = clock();
      await db.transaction(async (tx) => {
        for (const step of registry.erasureSteps) await step.run(user.id, tx, now);
        await revokeAllSessions(user.id, 'account_erased', {}, tx);
        await actor.audit('user.erased', { targetType: 'user', targetId: user.id }, tx);
      });
    },
  };
}
