import type { Problem } from '@securecart/contract';

/** A non-2xx answer, carrying the server's problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from `Retry-After` on a 429. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterHeader = response.headers.get('retry-after');
  const retryAfter = retryAfterHeader ? Number(retryAfterHeader) : undefined;
  let problem: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body?.title === 'string') problem = { ...problem, ...body, status: response.status };
  } catch {
    // Not JSON (a proxy's error page, say): keep the generic problem.
  }
  return new ApiError(problem, Number.isFinite(retryAfter) ? retryAfter : undefined);
}
