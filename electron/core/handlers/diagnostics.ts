import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { diagnose } from '../diagnostics';

/** Handlers for the `diagnostics` calls (shared/contract/diagnostics.ts). */
export function diagnosticsHandlers(ctx: CoreContext): Pick<Handlers, 'diagnose'> {
  return {
    // The engine never throws: whatever happens comes back as the report.
    diagnose: (input) => diagnose({ ...input, practice: ctx.practice }),
  };
}
