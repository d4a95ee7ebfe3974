import { type Executor, schema } from '@securecart/db';

export type AuditEntry = typeof schema.auditLog.$inferInsert;

export function auditQueries(db: Executor) {
  return {
    async insert(entry: AuditEntry, tx: Executor = db) {
      await tx.insert(schema.auditLog).values(entry);
    },
  };
}
