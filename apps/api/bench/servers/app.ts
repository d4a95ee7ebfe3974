import { buildApp } from '../../src/app.ts';
import { benchAppConfig } from '../app-config.ts';
import { announceReady, requiredEnv } from './child.ts';

const config = benchAppConfig(
  requiredEnv('BENCH_APP_DATABASE_URL'),
  requiredEnv('BENCH_ENCRYPTION_KEY'),
  requiredEnv('BENCH_DATA_DIR'),
);
const app = await buildApp(config);
await app.listen({ port: config.port, host: config.host });
announceReady(app.server, () => app.close());
