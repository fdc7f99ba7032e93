/**
 * Zod 4 compiles object parsers with `new Function` after probing whether eval is allowed; the
 * renderer's CSP (script-src 'self', no 'unsafe-eval') blocks the probe, which still reports a
 * violation. Jitless mode skips both. Imported first by main.tsx, before any schema is built.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
