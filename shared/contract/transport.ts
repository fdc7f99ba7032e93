/**
 * How a contract call travels, below the typed client: the preload exposes this on
 * `window.transport` (Electron), and the dev/test bridge speaks the same over HTTP.
 */
import type { EventName, EventPayloads, RequestName } from './requests';
import type { InvokeResult } from './views';

export interface RawTransport {
  invoke(name: RequestName, input: unknown): Promise<InvokeResult<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/**
 * The bridge's HTTP protocol, same origin as the page it serves:
 * `POST {INVOKE_PATH}<area/verb>` with the JSON input → JSON InvokeResult;
 * `GET {EVENTS_PATH}` → server-sent events named like EventName, data JSON.
 * Every request carries the token, as the `Authorization: Bearer` header or, for the event
 * stream (EventSource cannot set headers), as the `token` query parameter. The page learns the
 * token from its URL fragment `#token=…`.
 */
export const BRIDGE_PATHS = { invoke: '/api/invoke/', events: '/api/events' } as const;
