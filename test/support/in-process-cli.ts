import { main } from '../../src-main/cli/main';

/** Runs the command line in this process (its worker thread included), capturing what it prints. */
export async function disclosure(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
  });
  return { code, stdout, stderr };
}
