import { iseAccount } from '../../../shared/ise-api/connection';
import { CallFailure } from '../errors/call-failure';
import type { ProfileStore, StoreChanges } from './store';
import type { DiagnosticReport } from '../../../shared/diagnostic-report';
import type { Vault } from '../vault/vault';
import { KeychainUnavailableError } from '../vault/vault';
import { secretExpiryStatus } from './expiry';
import { proxyAccount, proxyHasUser, splitProxyPassword, storedProxyPassword } from './proxy-secret';
import type {
  Profile,
  ProfileChanges,
  ProfileFieldsInput,
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
 * The secret's status for the renderer: stored or not, and where (no part of the secret). An
 * unavailable keychain reads as "not stored" here; secretSet and keychainStatus say why.
 */
export async function secretStatusOf(vault: Vault, profileId: string): Promise<SecretStatus> {
  try {
    return {
      secretStored: await vault.has(profileId),
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
  const proxy = profile.proxy ? splitProxyPassword(profile.proxy) : undefined;
  const proxyPasswordStored = proxy ? proxy.password !== undefined || (proxyHasUser(proxy.proxy) && (await storedProxyPassword(services.vault, profile.id)) !== null) : false;
  return {
    ...profile,
    // Never the proxy password, not even a legacy one still in the file.
    ...(proxy ? { proxy: proxy.proxy } : {}),
    proxyPasswordStored,
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

  private migration: Promise<void> | undefined;

  async view(profile: Profile): Promise<ProfileView> {
    await this.migrateProxyPasswords();
    return profileView(this.services, profile);
  }

  async list(): Promise<ProfileView[]> {
    await this.migrateProxyPasswords();
    return Promise.all(this.store.list().map((p) => profileView(this.services, p)));
  }

  /** Creates the profile; a proxy password goes to the keychain, the file keeps the URL without it. */
  async create(fields: ProfileFieldsInput & { name: string }): Promise<ProfileView> {
    const split = fields.proxy ? splitProxyPassword(fields.proxy) : undefined;
    const profile = this.store.create({ ...fields, ...(split ? { proxy: split.proxy } : {}) });
    if (split?.password !== undefined) await this.vault.set(proxyAccount(profile.id), split.password, { allowSession: true });
    return this.view(profile);
  }

  /**
   * Changes the given fields. A proxy with a password: the password to the keychain; a proxy
   * without a user, or none: the stored password goes; a proxy with only the user (what the
   * renderer got back): the stored password stays.
   */
  async update(profileId: string, changes: ProfileChanges | StoreChanges): Promise<ProfileView> {
    if (changes.proxy === undefined) return this.view(this.store.update(profileId, changes));
    const split = changes.proxy === null ? undefined : splitProxyPassword(changes.proxy);
    const profile = this.store.update(profileId, { ...changes, proxy: split ? split.proxy : null });
    if (split?.password !== undefined) await this.vault.set(proxyAccount(profileId), split.password, { allowSession: true });
    else if (!split || !proxyHasUser(split.proxy)) await this.forgetProxyPassword(profileId);
    return this.view(profile);
  }

  /** Records a verification: main only (the renderer's profileUpdate cannot carry one). */
  recordVerification(profileId: string, report: DiagnosticReport): Promise<ProfileView> {
    return this.view(this.store.update(profileId, { lastVerification: report }));
  }

  /**
   * Moves proxy passwords still inside stored URLs (files written before they had their own
   * keychain account) into the keychain, once per service. With the keychain down they stay
   * where they were (never returned: views strip them) and move on a later start.
   */
  migrateProxyPasswords(): Promise<void> {
    this.migration ??= (async () => {
      // The index says which stored URLs still hold a password: only those profiles are read.
      for (const row of this.store.summaries()) {
        if (!row.proxyPasswordInFile) continue;
        const profile = this.store.get(row.id);
        const split = profile.proxy ? splitProxyPassword(profile.proxy) : undefined;
        if (split?.password === undefined) continue;
        try {
          await this.vault.set(proxyAccount(profile.id), split.password); // durable only: no session copy
        } catch (err) {
          if (err instanceof KeychainUnavailableError) return;
          throw err;
        }
        this.store.update(profile.id, { proxy: split.proxy });
      }
    })();
    return this.migration;
  }

  private async forgetProxyPassword(profileId: string): Promise<void> {
    try {
      await this.vault.delete(proxyAccount(profileId));
    } catch (err) {
      if (!(err instanceof KeychainUnavailableError)) throw err;
    }
  }

  rename(profileId: string, name: string): Promise<ProfileView> {
    return this.view(this.store.rename(profileId, name));
  }

  duplicate(profileId: string, name?: string): Promise<ProfileView> {
    return this.view(this.store.duplicate(profileId, name));
  }

  /**
   * Deletes the keychain entry first, then the profile: if the keychain cannot be reached the
   * profile stays (KEYCHAIN_UNAVAILABLE), so no secret is orphaned unknowingly. With
   * `keepKeychainEntry` the engineer accepts that: the profile goes, and the result says the
   * keychain entry, if there is one, stays.
   */
  async delete(profileId: string, opts: { keepKeychainEntry?: boolean } = {}): Promise<{ deleted: boolean; keychainEntryKept?: boolean }> {
    this.store.get(profileId);
    let kept = false;
    try {
      await this.vault.delete(profileId);
      await this.vault.delete(proxyAccount(profileId));
      // The profile's ISE admin password (issue 15) goes with it.
      await this.vault.delete(iseAccount(profileId));
    } catch (err) {
      if (!(err instanceof KeychainUnavailableError) || !opts.keepKeychainEntry) throw err;
      kept = true;
    }
    const deleted = this.store.delete(profileId);
    return opts.keepKeychainEntry ? { deleted, keychainEntryKept: kept } : { deleted };
  }

  /** Looks a profile up by the CLI's NAME (or id); a clear error when there is none. */
  resolve(nameOrId: string): Profile {
    const profile = this.store.find(nameOrId);
    if (!profile) throw new CallFailure('PROFILE_NOT_FOUND', `no profile named "${nameOrId}" (see: ise-smtp-oauth profiles list)`, 'profile');
    return profile;
  }
}
