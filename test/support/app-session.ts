import { afterEach } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../shared/contract/requests';
import type { ContractError } from '../../shared/contract/views';
import type { FileDialogs } from '../../src-main/app/dialogs';
import type { AppEvent } from '../../src-main/app/events';
import { Session } from '../../src-main/app/session';
import { tempDir } from './temp-dir';

export interface TestSession {
  readonly session: Session;
  readonly events: AppEvent[];
  readonly logged: unknown[];
  invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  /** The refusal of a request that must fail; fails the test if it succeeds. */
  refusal(name: string, input: unknown): Promise<ContractError>;
}

const NO_DIALOGS: FileDialogs = {
  openFile: () => Promise.reject(new Error('no dialog in this test')),
  saveFile: () => Promise.reject(new Error('no dialog in this test')),
};

const opened: Session[] = [];

// Registered after temp-dir's hook, so it runs before the folders are removed.
afterEach(() => {
  for (const session of opened.splice(0)) session.dispose();
});

/** A session as the app runs it, on a fresh data folder; events and logged errors collected. */
export function testSession(dialogs: FileDialogs = NO_DIALOGS): TestSession {
  const events: AppEvent[] = [];
  const logged: unknown[] = [];
  const session = new Session({
    mode: 'bridge',
    version: '0.0.0-test',
    dataFolder: tempDir(),
    dialogs,
    logError: (_context, error) => logged.push(error),
  });
  session.events.subscribe((event) => events.push(event));
  opened.push(session);
  return {
    session,
    events,
    logged,
    async invoke(name, input) {
      const result = await session.handleRequest(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async refusal(name, input) {
      const result = await session.handleRequest(name, input);
      if (result.ok) throw new Error(`${name} should have been refused`);
      return result.error;
    },
  };
}
