import type { Server } from 'node:net';

/** The child side of a bench server: tell the parent its port, close cleanly when told to stop. */
export function announceReady(server: Server, close: () => Promise<unknown>): void {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server is not listening on TCP');
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // The parent died without stopping us: do not linger.
  process.on('disconnect', shutdown);
  // CPU accounting for the parent: user + system microseconds spent so far by this server.
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'cpu') return;
    const usage = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: usage.user + usage.system });
  });
  process.send?.({ type: 'ready', port: address.port });
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}
