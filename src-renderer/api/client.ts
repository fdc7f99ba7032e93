/**
 * The typed contract client the whole renderer uses. Under Electron the preload provides the
 * transport; in a plain browser (development, end-to-end tests) the bridge does.
 */
import type {
  ContractClient,
  EventName,
  EventPayloads,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../shared/contract/requests';
import type { RawTransport } from '../../shared/contract/transport';
import type { ContractError } from '../../shared/contract/views';
import { bridgeTransport } from './bridge-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly transport?: RawTransport;
  }
}

/** A refused or failed request, with the main process's Chinese message. */
export class ContractCallError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'ContractCallError';
  }
}

function clientOver(transport: RawTransport): ContractClient {
  return {
    async invoke<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new ContractCallError(result.error);
      return result.value as RequestOutput<N>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      return transport.on(event, listener);
    },
  };
}

export const api: ContractClient = clientOver(window.transport ?? bridgeTransport(window.location));
