/**
 * Shared machinery for browser journeys: a real shop (API + built SPA + fresh database) on a free
 * port, a headless Chromium, and pages that record console errors and CSP violations so a journey
 * can prove the SPA runs cleanly under the production Content-Security-Policy.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type App, type BuildOptions, buildApp } from '@securecart/api';
import type { Config } from '@securecart/api/config';
import { testConfig } from '@securecart/api/test-config';
import {
  createTestDatabase,
  createTestTemplate,
  DEFAULT_TEST_DATABASE_URL,
  dropTestTemplate,
  isPostgresReachable,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@securecart/db/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

// E2E_WEB_DIST lets parallel work build and test its own copy of the SPA (vite build --outDir).
export const WEB_DIST_DIR = process.env.E2E_WEB_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
export const CHROMIUM_PATH = '/usr/bin/chromium';

// ---------- The shop ----------

export interface Shop {
  /** e.g. `http://127.0.0.1:40123`; the SPA, the API and the images all live here. */
  baseUrl: string;
  app: App;
  db: TestDatabase;
  close: () => Promise<void>;
}

/** Asks the OS for a free port. The API must know its public URL before it listens. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** PostgreSQL when one answers (always in CI), otherwise embedded PGlite; says which. */
async function createDatabaseTemplate(): Promise<TestDatabaseTarget> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  const host = new URL(url).host;
  const reachable = await isPostgresReachable(url);
  if (!reachable && process.env.CI) {
    throw new Error(`[e2e] CI must test against PostgreSQL, but ${host} is not reachable`);
  }
  console.info(
    reachable
      ? `[e2e] database: PostgreSQL at ${host}`
      : `[e2e] database: embedded PGlite (no PostgreSQL reachable at ${host})`,
  );
  return createTestTemplate(reachable ? url : undefined);
}

async function dropTemplate(target: TestDatabaseTarget): Promise<void> {
  await dropTestTemplate(target);
  if (target.kind === 'pglite') await rm(target.dumpFile, { force: true });
}

/**
 * Starts the whole shop on 127.0.0.1 with the demo catalog seeded into a fresh database. The SPA
 * must have been built (`pnpm test:e2e` at the root builds it first). `buildOptions` reach
 * `buildApp` as they are, e.g. a recording `mailer` for journeys that follow emailed links.
 */
export async function startShop(
  overrides: Partial<Config> = {},
  buildOptions: Omit<BuildOptions, 'database' | 'logger'> = {},
): Promise<Shop> {
  if (!existsSync(`${WEB_DIST_DIR}/index.html`)) {
    throw new Error(
      `[e2e] ${WEB_DIST_DIR}/index.html is missing: build the SPA first ` +
        '(`pnpm --filter @securecart/web build`, or `pnpm test:e2e` at the root, which builds it).',
    );
  }

  const template = await createDatabaseTemplate();
  let db: TestDatabase | undefined;
  let app: App | undefined;
  try {
    db = await createTestDatabase(template);
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    app = await buildApp(
      testConfig({
        seedDemo: true,
        webDistDir: WEB_DIST_DIR,
        publicUrl: baseUrl,
        corsOrigins: [baseUrl],
        host: '127.0.0.1',
        port,
        ...overrides,
      }),
      { logger: false, ...buildOptions, database: db.handle },
    );
    await app.listen({ port, host: '127.0.0.1' });

    const started = { app, db };
    return {
      baseUrl,
      app,
      db,
      async close() {
        await started.app.close();
        await started.db.drop();
        await dropTemplate(template);
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await db?.drop().catch(() => {});
    await dropTemplate(template).catch(() => {});
    throw error;
  }
}

// ---------- The browser ----------

/**
 * Whether browser journeys can run here. Without Chromium they are skipped with a visible notice,
 * except where REQUIRE_BROWSER_TESTS=true (CI), where a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.REQUIRE_BROWSER_TESTS === 'true') {
    throw new Error(`[e2e] REQUIRE_BROWSER_TESTS=true but Chromium is not at ${CHROMIUM_PATH}`);
  }
  console.warn(
    `\n[e2e] Chromium not found at ${CHROMIUM_PATH}: browser tests SKIPPED. Install with: apt-get install chromium\n`,
  );
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`[e2e] Chromium not found at ${CHROMIUM_PATH}`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

// ---------- Watched pages ----------

export interface PageProblems {
  /** `console.error` calls and browser-reported errors (CSP refusals, failed loads). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** `securitypolicyviolation` events: anything the CSP blocked. */
  cspViolations: string[];
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
  /** Fails the test, listing every problem, if anything went wrong on the page so far. */
  expectNoProblems: () => void;
  close: () => Promise<void>;
}

export interface OpenPageOptions {
  baseUrl: string;
  viewport?: { width: number; height: number };
  /**
   * Console errors a journey expects (e.g. the 404 a not-found test provokes), matched against the
   * message followed by ` (url:line)`, so a pattern can name the request that failed.
   */
  allowConsoleErrors?: RegExp[];
}

const REPORT_CSP = '__securecartReportCsp';

/**
 * Every fresh load of the SPA tries one silent refresh with the httpOnly cookie (the access token
 * lives in memory only). Without a session the API answers 401, and Chromium logs the failed
 * request as a console error; that one is by design. Any other 401 still counts.
 */
export const SIGNED_OUT_REFRESH = /status of 401 .*\/api\/v1\/auth\/refresh:/;

/** A fresh browser context (no cookies, no storage) with one page whose problems are recorded. */
export async function openPage(browser: Browser, options: OpenPageOptions): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: options.baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  const allowed = [SIGNED_OUT_REFRESH, ...(options.allowConsoleErrors ?? [])];

  // Playwright's init scripts are injected by the browser, outside the page's CSP.
  await context.exposeBinding(REPORT_CSP, (_source, violation: string) => {
    problems.cspViolations.push(violation);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)[binding];
      report?.(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  }, REPORT_CSP);

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    const text = url ? `${message.text()} (${url}:${lineNumber})` : message.text();
    if (allowed.some((pattern) => pattern.test(text))) return;
    problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));

  return {
    page,
    context,
    problems,
    expectNoProblems: () =>
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] }),
    close: () => context.close(),
  };
}

// ---------- One shop and one browser per journey file ----------

export interface Journeys {
  shop: Shop;
  browser: Browser;
}

/**
 * Starts the shop (with these `startShop` arguments) and a browser before the enclosing describe's
 * journeys, and closes both after them. Read `shop` and `browser` inside the journeys.
 */
export function shopAndBrowser(...args: Parameters<typeof startShop>): Journeys {
  const journeys = {} as Journeys;
  beforeAll(async () => {
    journeys.shop = await startShop(...args);
    journeys.browser = await launchBrowser();
  });
  afterAll(async () => {
    await journeys.browser?.close();
    await journeys.shop?.close();
  });
  return journeys;
}
