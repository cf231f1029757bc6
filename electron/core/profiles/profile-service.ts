import { CallFailure } from '../errors/call-failure';
import type { ProfileStore } from './store';
import type { Vault } from '../vault/vault';
import { KeychainUnavailableError } from '../vault/vault';
import { secretExpiryStatus } from './expiry';
import type {
  Profile,
  ProfileChanges,
  ProfileFields,
  ProfileView,
  SecretStatus,
} from '../../../shared/contract/profiles';

/** What the profile calls need: the store and the vault (tests pass their own). */
export interface ProfileServices {
  store: ProfileStore;
  vault: Vault;
  /** Today's date for days-left, YYYY-MM-DD; default: this machine's calendar. */
  today?: () => string;
}

/**
 * The secret's status for the renderer: stored or not, a 3-character hint, and where. An
 * unavailable keychain reads as "not stored" here; secretSet and keychainStatus say why.
 */
export async function secretStatusOf(vault: Vault, profileId: string): Promise<SecretStatus> {
  try {
    const hint = await vault.hint(profileId);
    return {
      secretStored: hint !== undefined,
      ...(hint !== undefined ? { secretHint: hint } : {}),
      secretStorage: vault.storageOf(profileId),
    };
  } catch (err) {
    if (err instanceof KeychainUnavailableError) return { secretStored: false, secretStorage: 'session' };
    throw err;
  }
}

/** A stored profile plus its secret's status and days left: all the renderer ever sees. */
export async function profileView(services: ProfileServices, profile: Profile): Promise<ProfileView> {
  const status = await secretStatusOf(services.vault, profile.id);
  return {
    ...profile,
    ...status,
    ...(profile.secretExpiry ? { secretExpiryStatus: secretExpiryStatus(profile.secretExpiry, services.today?.()) } : {}),
  };
}

/** The profile operations shared by the contract handlers and the CLI. */
export class ProfileService {
  constructor(readonly services: ProfileServices) {}

  get store(): ProfileStore {
    return this.services.store;
  }

  get vault(): Vault {
    return this.services.vault;
  }

  view(profile: Profile): Promise<ProfileView> {
    return profileView(this.services, profile);
  }

  async list(): Promise<ProfileView[]> {
    return Promise.all(this.store.list().map((p) => this.view(p)));
  }

  create(fields: ProfileFields & { name: string }): Promise<ProfileView> {
    return this.view(this.store.create(fields));
  }

  update(profileId: string, changes: ProfileChanges): Promise<ProfileView> {
    return this.view(this.store.update(profileId, changes));
  }

  rename(profileId: string, name: string): Promise<ProfileView> {
    return this.view(this.store.rename(profileId, name));
  }

  duplicate(profileId: string, name?: string): Promise<ProfileView> {
    return this.view(this.store.duplicate(profileId, name));
  }

  /**
   * Deletes the keychain entry first, then the profile: if the keychain cannot be reached the
   * profile stays, so no orphaned secret is left behind without a way to find it again.
   */
  async delete(profileId: string): Promise<boolean> {
    this.store.get(profileId);
    await this.vault.delete(profileId);
    return this.store.delete(profileId);
  }

  /** Looks a profile up by the CLI's NAME (or id); a clear error when there is none. */
  resolve(nameOrId: string): Profile {
    const profile = this.store.find(nameOrId);
    if (!profile) throw new CallFailure('PROFILE_NOT_FOUND', `no profile named "${nameOrId}" (see: ise-smtp-oauth profiles list)`, 'profile');
    return profile;
  }
}
