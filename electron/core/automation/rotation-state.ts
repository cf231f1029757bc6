import type { Profile } from '../../../shared/contract/profiles';
import type { RotationInProgress } from '../../../shared/contract/automation';

/**
 * A rotation left half-done (issue 14 point 5), read from the profile's automation record, so the
 * screen shows it again when reopened: the engine keeps `previousSecretKeyId` from addPassword
 * until removePassword of the old secret, and the audit trail says when the new one was added.
 * Key ids and dates only: a key id names a credential, it cannot be used as one.
 */
export function rotationInProgress(profile: Profile): RotationInProgress | undefined {
  const r = profile.automation;
  if (!r?.previousSecretKeyId || !r.secretKeyId || r.previousSecretKeyId === r.secretKeyId) return undefined;
  const added = [...r.audit].reverse().find((e) => e.step === 'client-secret' && e.result === 'created' && e.target === r.secretKeyId);
  return {
    profileId: profile.id,
    profileName: profile.name,
    newKeyId: r.secretKeyId,
    previousKeyId: r.previousSecretKeyId,
    ...(added ? { addedAt: added.at } : {}),
    ...(profile.secretExpiry ? { secretExpiry: profile.secretExpiry } : {}),
  };
}
