#!/usr/bin/env node
// The command line runs the TypeScript services directly through tsx, as the tests do.
import { register } from 'tsx/esm/api';

register();
// Output piped into `head` closes early; that ends the program, it is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
