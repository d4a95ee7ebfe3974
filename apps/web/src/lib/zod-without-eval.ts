/**
 * The SPA validates some forms with the contract's zod schemas. Zod compiles fast parsers with
 * `new Function` and probes for it when the first object schema is built; under our CSP
 * (`script-src 'self'`, no 'unsafe-eval') the probe is refused and reported as a violation, even
 * though zod then falls back. Zod keeps its global config on `globalThis.__zod_globalConfig`
 * (shared by every copy of zod), and `jitless` skips both the probe and the compiler. The web app
 * has no direct dependency on zod for `z.config({ jitless: true })`, so this sets the same flag;
 * it must run before the contract's chunk loads, hence its own module imported first in main.tsx.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;
