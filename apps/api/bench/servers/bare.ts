import Fastify from 'fastify';
import { announceReady } from './child.ts';

// The machine's ceiling: the same framework and socket path with no work per request.
const app = Fastify({ logger: false });
const body = { status: 'ok', service: 'securecart-bench' };
app.get('/', async () => body);

await app.listen({ port: 0, host: '127.0.0.1' });
announceReady(app.server, () => app.close());
