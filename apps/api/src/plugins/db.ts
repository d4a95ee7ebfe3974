import { type Database, type DatabaseHandle, openDatabase, seedDemoCatalog } from '@securecart/db';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    dbHandle: DatabaseHandle;
  }
}

export const embeddedDatabaseDir = (config: Config) => `${config.dataDir}/pglite`;

/** Opens (or adopts, in tests) the database, migrates and seeds it, and closes what it opened. */
export const dbPlugin = fp<{ config: Config; database?: DatabaseHandle }>(
  async (app, { config, database }) => {
    const handle =
      database ?? (await openDatabase({ url: config.databaseUrl, dataDir: embeddedDatabaseDir(config) }));
    app.decorate('dbHandle', handle);
    app.decorate('db', handle.db);
    if (!database) app.addHook('onClose', () => handle.close());
    if (config.migrateOnStart) await handle.migrate();
    if (config.seedDemo) {
      const seeded = await seedDemoCatalog(handle.db);
      if (seeded.products > 0) app.log.info(seeded, 'seeded demo catalog');
    }
    app.log.info({ database: handle.kind }, 'database ready');
  },
  { name: 'db' },
);
