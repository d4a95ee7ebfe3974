import autocannon from 'autocannon';

export interface LoadRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Varies each request, as real traffic does: another shopper from another client IP per login,
   * another checkout draft (its own path) per order.
   */
  perRequest?: () => { path?: string; headers?: Record<string, string>; body?: string };
}

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface CpuSpent {
  serverMicros: number;
  /** Undefined when the database server's processes cannot be read from here. */
  databaseMicros: number | undefined;
  /** CPU used meanwhile by everything else on the machine (other work skews the numbers). */
  otherMicros: number | undefined;
}
/** Starts CPU accounting; the returned function stops it and tells what was spent. */
export type CpuMeter = () => Promise<() => Promise<CpuSpent>>;

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  /** CPU per response in the server process, and in the PostgreSQL backends serving it. */
  serverCpuMs: number;
  databaseCpuMs: number | undefined;
  /** Cores' worth of CPU other processes used during the run; above ~0.2 the row is suspect. */
  otherCores: number | undefined;
  /** Responses with another status than expected, plus socket errors and timeouts. */
  failed: number;
  statusCounts: Record<string, number>;
}

function fire(baseUrl: string, request: LoadRequest, connections: number, seconds: number) {
  return autocannon({
    url: `${baseUrl}${request.path}`,
    method: request.method ?? 'GET',
    headers: request.headers ?? {},
    body: request.body,
    ...(request.perRequest
      ? {
          requests: [
            {
              setupRequest: (req: { path?: string; headers?: Record<string, string>; body?: string }) => {
                const varied = request.perRequest?.() ?? {};
                return {
                  ...req,
                  path: varied.path ?? req.path,
                  headers: { ...request.headers, ...varied.headers },
                  body: varied.body ?? req.body,
                };
              },
            },
          ],
        }
      : {}),
    connections,
    pipelining: 1,
    duration: seconds,
  });
}

/** A warm-up run (JIT, pools, plan caches) that is thrown away, then the measured run. */
export async function measure(
  baseUrl: string,
  request: LoadRequest,
  expectStatus: number,
  settings: LoadSettings,
  startCpuMeter: CpuMeter,
): Promise<Measurement> {
  await fire(baseUrl, request, settings.connections, settings.warmupSeconds);
  const stopCpuMeter = await startCpuMeter();
  const result = await fire(baseUrl, request, settings.connections, settings.durationSeconds);
  const cpu = await stopCpuMeter();
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count]),
  );
  const responses = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
  const expected = statusCounts[String(expectStatus)] ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses,
    serverCpuMs: cpu.serverMicros / 1000 / Math.max(responses, 1),
    databaseCpuMs:
      cpu.databaseMicros === undefined ? undefined : cpu.databaseMicros / 1000 / Math.max(responses, 1),
    otherCores: cpu.otherMicros === undefined ? undefined : cpu.otherMicros / 1e6 / result.duration,
    failed: responses - expected + result.errors + result.timeouts,
    statusCounts,
  };
}
