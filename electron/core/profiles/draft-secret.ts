import { looksLikeSecretId } from '../../../shared/validators';
import type { DraftSecretKey, DraftSecretStatus } from '../../../shared/contract/draft-secret';

/**
 * The one Client Secret typed in the wizard but not saved yet, held in this process's memory
 * only (issue 13 point 3). One slot, not a map: the wizard edits one profile at a time, so
 * keeping a secret for another key replaces (forgets) the previous one, and a profile switch
 * can never leave a secret behind under an id nobody looks at. Nothing here is ever written
 * anywhere; `status` says only whether one is kept and its length.
 */
export class DraftSecretStore {
  private slot: { key: DraftSecretKey; secret: string } | undefined;

  /** Keeps `secret` for `key` (replacing whatever was kept); '' forgets. */
  put(key: DraftSecretKey, secret: string): DraftSecretStatus {
    this.slot = secret === '' ? undefined : { key, secret };
    return this.status(key);
  }

  status(key: DraftSecretKey): DraftSecretStatus {
    if (!this.slot || this.slot.key !== key) return { kept: false };
    const { secret } = this.slot;
    return { kept: true, length: secret.length, ...(looksLikeSecretId(secret) ? { problem: 'secretLooksLikeId' as const } : {}) };
  }

  /** The kept value, for main's own use when it saves it (never for a response). */
  take(key: DraftSecretKey): string | undefined {
    return this.slot?.key === key ? this.slot.secret : undefined;
  }

  /** Forgets the secret kept for `key` (after it was saved), or any secret when no key is given. */
  clear(key?: DraftSecretKey): void {
    if (key === undefined || this.slot?.key === key) this.slot = undefined;
  }
}

let processStore: DraftSecretStore | undefined;

/** This process's store: one per app session, gone when the process quits. */
export function processDraftSecrets(): DraftSecretStore {
  processStore ??= new DraftSecretStore();
  return processStore;
}
