import { CallFailure } from '../errors/call-failure';
import {
  KEYCHAIN_SERVICE,
  classifyKeychainError,
  loadKeytar,
  probeKeychain,
  type KeychainStatus,
  type KeytarLike,
} from './keychain-status';

/** How long one keychain operation may take: a locked keyring can wait forever on a prompt. */
const OPERATION_TIMEOUT_MS = 8000;

export type SecretStorage = 'keychain' | 'session';

/**
 * What to do about an unavailable keychain, per OS. The message names the fix, never the
 * secret; `reason` is the stable code from keychain-status.ts.
 */
export function keychainFixMessage(
  reason: string | undefined,
  platform: NodeJS.Platform = process.platform,
  outcome: KeychainOutcome = {},
): string {
  const lead =
    reason === 'not-built'
      ? 'The OS keychain module (keytar) is not built for this installation.'
      : reason === 'locked'
        ? 'The OS keychain is locked or did not answer.'
        : reason === 'no-secret-service'
          ? 'No OS keychain (Secret Service) is running.'
          : 'The OS keychain could not be used.';
  const fix =
    platform === 'darwin'
      ? 'Unlock the login keychain in Keychain Access (or sign out and in again), then retry.'
      : platform === 'win32'
        ? 'Make sure the Credential Manager service (VaultSvc) is running (services.msc), then retry.'
        : 'Install and start gnome-keyring (or KeePassXC with Secret Service integration enabled) and unlock the login keyring, then retry.';
  const rebuild = reason === 'not-built' ? ' Reinstall the app (or run npm rebuild keytar) so the native module is built.' : '';
  // Say what happened to the secret only where it is true: the app holds it for the session,
  // the CLI (whose process ends) keeps nothing.
  const tail = outcome.session
    ? ' Until then the client secret is kept in memory for this session only.'
    : outcome.notStored
      ? ' The secret was not stored.'
      : '';
  return `${lead} ${fix}${rebuild}${tail}`;
}

/** What the unavailable keychain meant for the secret at hand, for the message's last sentence. */
export interface KeychainOutcome {
  /** The desktop app kept it in memory for this session. */
  session?: boolean;
  /** It was not stored anywhere (the CLI). */
  notStored?: boolean;
}

/** The keychain is unavailable: a CallFailure whose message tells the fix for this OS. */
export class KeychainUnavailableError extends CallFailure {
  constructor(
    readonly reason: string,
    outcome: KeychainOutcome = {},
  ) {
    super('KEYCHAIN_UNAVAILABLE', keychainFixMessage(reason, process.platform, outcome));
    this.name = 'KeychainUnavailableError';
  }
}

export interface VaultOptions {
  /** Injected in tests; by default keytar is loaded lazily (a missing build is a status, not a crash). */
  keytar?: KeytarLike | (() => Promise<KeytarLike | { error: KeychainStatus }>);
  service?: string;
  /** Bound on one keychain operation (default 8 s). */
  timeoutMs?: number;
}

/** The result of storing a secret: where it went, and the fix when it could not go to the keychain. */
export interface SecretSetResult {
  storage: SecretStorage;
  unavailable?: KeychainUnavailableError;
}

/**
 * The one place client secrets live: the OS keychain (keytar; service `ise-smtp-oauth`,
 * account = profile id). When the keychain is unavailable, a secret may be held in this
 * process's memory for the session only; it is never written to a file.
 */
export class Vault {
  readonly service: string;
  private readonly session = new Map<string, string>();
  private keytarPromise: Promise<KeytarLike | { error: KeychainStatus }> | undefined;

  constructor(private readonly options: VaultOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
  }

  /** Whether the keychain works right now (probed each time: it can be unlocked meanwhile). */
  async status(): Promise<KeychainStatus> {
    const keytar = await this.keytar();
    if ('error' in keytar) return keytar.error;
    return probeKeychain(keytar);
  }

  /**
   * Stores a secret in the keychain. If the keychain is unavailable and `allowSession` is set
   * (the desktop app), the secret is kept in memory instead and the fix is returned; otherwise
   * (the CLI, whose process ends) it throws KeychainUnavailableError.
   */
  async set(profileId: string, secret: string, opts: { allowSession?: boolean } = {}): Promise<SecretSetResult> {
    try {
      const keytar = await this.requireKeytar();
      await this.bounded(keytar.setPassword(this.service, profileId, secret));
      this.session.delete(profileId);
      return { storage: 'keychain' };
    } catch (err) {
      const { reason } = asUnavailable(err);
      if (!opts.allowSession) throw new KeychainUnavailableError(reason, { notStored: true });
      this.session.set(profileId, secret);
      return { storage: 'session', unavailable: new KeychainUnavailableError(reason, { session: true }) };
    }
  }

  /** The secret, from the session store first (it is newer), then the keychain; null if none. */
  async get(profileId: string): Promise<string | null> {
    const held = this.session.get(profileId);
    if (held !== undefined) return held;
    try {
      const keytar = await this.requireKeytar();
      return await this.bounded(keytar.getPassword(this.service, profileId));
    } catch (err) {
      throw asUnavailable(err);
    }
  }

  async has(profileId: string): Promise<boolean> {
    return (await this.get(profileId)) !== null;
  }

  /**
   * The profile ids that have a secret stored, from one keychain call (findCredentials) instead
   * of one per profile: a list of 1,000 profiles paid ~1,000 D-Bus round trips. Only the ids
   * leave: no part of a secret (not even Entra's 3-character hint) goes into a call result.
   */
  async storedIds(): Promise<Set<string>> {
    const out = new Set<string>();
    try {
      const keytar = await this.requireKeytar();
      for (const { account, password } of await this.bounded(keytar.findCredentials(this.service))) if (password) out.add(account);
    } catch {
      // An unavailable keychain reads as "not stored", as in secretStatusOf; keychainStatus says why.
    }
    for (const [id, secret] of this.session) if (secret) out.add(id);
    return out;
  }

  /** Where this profile's secret is (or would be) kept. */
  storageOf(profileId: string): SecretStorage {
    return this.session.has(profileId) ? 'session' : 'keychain';
  }

  /** Removes the secret everywhere. An unavailable keychain still clears the session copy, then throws. */
  async delete(profileId: string): Promise<boolean> {
    const hadSession = this.session.delete(profileId);
    try {
      const keytar = await this.requireKeytar();
      return (await this.bounded(keytar.deletePassword(this.service, profileId))) || hadSession;
    } catch (err) {
      throw asUnavailable(err);
    }
  }

  private keytar(): Promise<KeytarLike | { error: KeychainStatus }> {
    const given = this.options.keytar;
    this.keytarPromise ??= typeof given === 'function' ? given() : given ? Promise.resolve(given) : loadKeytar();
    return this.keytarPromise;
  }

  private async requireKeytar(): Promise<KeytarLike> {
    const keytar = await this.keytar();
    if ('error' in keytar) throw new KeychainUnavailableError(keytar.error.reason ?? 'not-built');
    return keytar;
  }

  private async bounded<T>(op: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new KeychainUnavailableError('locked')), this.options.timeoutMs ?? OPERATION_TIMEOUT_MS);
    });
    try {
      return await Promise.race([op, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Any keychain fault becomes the typed error; its original text is classified, never forwarded. */
function asUnavailable(err: unknown): KeychainUnavailableError {
  if (err instanceof KeychainUnavailableError) return err;
  return new KeychainUnavailableError(classifyKeychainError(err).reason ?? 'error');
}
