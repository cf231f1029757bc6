import { processDraftSecrets, type DraftSecretStore } from '../profiles/draft-secret';
import type { Handlers } from './dispatch';

/**
 * The moments a typed-but-unsaved Client Secret is forgotten, besides quitting (it is only
 * in memory): a secret saved for that profile (secretSet: the kept one is superseded), the
 * profile deleted, and sign-out. Opening another profile forgets it too: the page keeps the
 * secret under the new key (the store holds one). Wrapped here, once, so the profile and
 * automation handlers need not know about the draft.
 */
export function forgetDraftSecretOn(handlers: Handlers, drafts: DraftSecretStore = processDraftSecrets()): Handlers {
  return {
    ...handlers,
    secretSet: async (input) => {
      const status = await handlers.secretSet(input);
      drafts.clear(input.profileId);
      return status;
    },
    profileDelete: async (input) => {
      const result = await handlers.profileDelete(input);
      if (result.deleted) drafts.clear(input.profileId);
      return result;
    },
    automationSignOut: async (input) => {
      drafts.clear();
      return handlers.automationSignOut(input);
    },
  };
}
