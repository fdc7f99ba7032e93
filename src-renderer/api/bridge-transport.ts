import { EVENT_NAMES } from '../../shared/contract/names';
import type { EventName, EventPayloads, RequestName } from '../../shared/contract/requests';
import { BRIDGE_PATHS, type RawTransport } from '../../shared/contract/transport';
import type { InvokeResult } from '../../shared/contract/views';

function refusedByBridge(status: number): InvokeResult<never> {
  return {
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      message: `开发桥拒绝了请求（HTTP ${status}）：请使用启动时打印的带令牌的地址重新打开页面。`,
      details: {},
    },
  };
}

/** The dev/test bridge (served from the same origin), authorised by the token in the URL fragment. */
export function bridgeTransport(location: Location): RawTransport {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource(`${BRIDGE_PATHS.events}?token=${encodeURIComponent(token)}`);
    for (const event of EVENT_NAMES) {
      source.addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never;
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  };

  return {
    async invoke(name: RequestName, input: unknown): Promise<InvokeResult<unknown>> {
      const response = await fetch(`${BRIDGE_PATHS.invoke}${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      // The bridge answers every contract call with an InvokeResult (HTTP 200); anything else is
      // the bridge refusing the request itself (token, origin, size), told in its status.
      if (!response.ok) return refusedByBridge(response.status);
      return (await response.json()) as InvokeResult<unknown>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      if (source === null) connect();
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
