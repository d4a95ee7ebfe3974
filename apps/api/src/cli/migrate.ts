import { openDatabase } from '@securecart/db';
import { loadConfig } from '../config.ts';
import { embeddedDatabaseDir } from '../plugins/db.ts';

const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, dataDir: embeddedDatabaseDir(config) });
await handle.migrate();
await handle.close();
console.info(`migrations applied (${handle.kind})`);
