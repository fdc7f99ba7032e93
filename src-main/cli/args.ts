import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how the command was called: answered with the usage text and exit code 2. */
export class UsageError extends Error {}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function singlePositional(positionals: readonly string[], what: string): string {
  const [value, ...extra] = positionals;
  if (value === undefined || extra.length > 0) throw new UsageError(`需要且只需要一个${what}`);
  return value;
}
