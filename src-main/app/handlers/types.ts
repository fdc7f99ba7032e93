import type { z } from 'zod';
import type { REQUEST_INPUTS, RequestName, RequestOutput } from '../../../shared/contract/requests';
import type { Session } from '../session';

/** A request's input after its schema has checked it. */
export type CheckedInput<N extends RequestName> = z.output<(typeof REQUEST_INPUTS)[N]>;

export type Handler<N extends RequestName> = (
  session: Session,
  input: CheckedInput<N>,
) => RequestOutput<N> | Promise<RequestOutput<N>>;

export type Handlers = { readonly [N in RequestName]: Handler<N> };
