import type { EventName, EventPayloads } from '../../shared/contract/requests';

/** One pushed event, as the transports forward it. */
export type AppEvent = {
  [E in EventName]: { readonly name: E; readonly payload: EventPayloads[E] };
}[EventName];

/**
 * The events of a session, fanned out to whoever listens: the Electron window's webContents,
 * the bridge's event streams, a test.
 */
export class AppEvents {
  private readonly listeners = new Set<(event: AppEvent) => void>();

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    const event = { name, payload } as AppEvent;
    for (const listener of this.listeners) listener(event);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
