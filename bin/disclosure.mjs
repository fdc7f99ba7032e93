#!/usr/bin/env node
// The command line runs the TypeScript services directly through tsx, as the tests do.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
