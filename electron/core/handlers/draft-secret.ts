import type { draftSecretCalls } from '../../../shared/contract/draft-secret';
import { ClientSecretSchema, validationText } from '../../../shared/validators';
import { CallFailure } from '../errors/call-failure';
import { processDraftSecrets, type DraftSecretStore } from '../profiles/draft-secret';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { profileHandlers } from './profiles';

export type DraftSecretHandlers = Pick<Handlers, keyof typeof draftSecretCalls>;

/**
 * The typed-but-unsaved Client Secret (shared/contract/draft-secret.ts): kept in `drafts`
 * (this process's memory), saved through the same secretSet as a typed one, so the keychain,
 * the session fallback and the keychain warning behave exactly alike. Both transports (IPC
 * and browser mode) reach these through createHandlers.
 */
export function draftSecretHandlers(ctx: CoreContext, services?: ProfileServices, drafts: DraftSecretStore = processDraftSecrets()): DraftSecretHandlers {
  const svc = lazyProfileService(ctx.dataDir, services);
  const profiles = profileHandlers(ctx, services);
  return {
    draftSecretPut: async ({ key, secret }) => drafts.put(key, secret),
    draftSecretStatus: async ({ key }) => drafts.status(key),
    draftSecretSave: async ({ key, profileId }) => {
      svc().store.get(profileId); // an unknown profile fails here, and the kept secret stays
      const secret = drafts.take(key);
      if (secret === undefined) throw new CallFailure('DRAFT_SECRET_NONE', 'no typed client secret is kept for this profile: enter it again', 'secret');
      const checked = ClientSecretSchema.safeParse(secret);
      if (!checked.success) {
        const rule = checked.error.issues[0]?.message ?? 'secretRequired';
        // Still kept, now under the profile (the profile-to-be just got its id), so the field can say why.
        drafts.put(profileId, secret);
        throw new CallFailure('INVALID_INPUT', `secret ${validationText(rule)}`, 'secret', { rule });
      }
      const status = await profiles.secretSet({ profileId, secret });
      drafts.clear(key);
      return status;
    },
  };
}
