import { toApiError } from './errors.ts';

export type QueryValue = string | number | boolean | undefined | null;

export interface HttpOptions {
  /** Absolute API base, e.g. `https://shop.example/api/v1`; the SPA uses `/api/v1`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Headers added to every request (e.g. `X-Cart-Token`). */
  headers?: () => Record<string, string | undefined>;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sends no bearer token and never refreshes on 401 (sign-in and refresh endpoints themselves). */
  anonymous?: boolean;
}

/**
 * The transport under every typed call: JSON in and out, problem+json turned into ApiError,
 * and one token refresh followed by one retry when a bearer-authenticated request gets a 401.
 */
export class Http {
  private accessToken: string | undefined;
  private refreshing: Promise<boolean> | undefined;
  /** Set by the auth layer: obtains a new access token (or resolves false). */
  refreshAccessToken: (() => Promise<string | undefined>) | undefined;

  constructor(private readonly options: HttpOptions) {}

  setAccessToken(token: string | undefined): void {
    this.accessToken = token;
  }

  getAccessToken(): string | undefined {
    return this.accessToken;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const sentToken = options.anonymous ? undefined : this.accessToken;
    let response = await this.send(path, options, sentToken);
    if (response.status === 401 && sentToken && (await this.refreshOnce())) {
      response = await this.send(path, options, this.accessToken);
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204 || response.status === 304) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  }

  private send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries(this.options.headers?.() ?? {})) {
      if (value !== undefined) headers[name] = value;
    }
    Object.assign(headers, options.headers);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    // Multipart uploads: fetch sets the content type with its boundary itself.
    if (typeof FormData !== 'undefined' && options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const doFetch = this.options.fetch ?? fetch;
    return doFetch(this.url(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  }

  private url(path: string, query: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.options.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  /** Concurrent 401s share one refresh, so a burst never spends the refresh token twice. */
  private refreshOnce(): Promise<boolean> {
    if (!this.refreshAccessToken) return Promise.resolve(false);
    this.refreshing ??= this.refreshAccessToken()
      .then((token) => {
        this.accessToken = token;
        return token !== undefined;
      })
      .catch(() => {
        this.accessToken = undefined;
        return false;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
