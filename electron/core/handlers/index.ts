import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { appHandlers } from './app';

/** Every contract call's implementation, for one process. One file per domain, merged here. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...appHandlers(ctx),
  };
}
