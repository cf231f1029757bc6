import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson, type ExportDocument, type ImportOrigin } from '../../../shared/export-format';
import { CallFailure } from '../errors/call-failure';
import { KeychainUnavailableError, type Vault } from '../vault/vault';

/**
 * The export's keyed integrity. The sha256 digest alone only catches accidental edits: anyone
 * can recompute it. So each installation has its own random key, kept in the OS keychain (never
 * in a file), and signs its exports with HMAC-SHA256 over the same canonical bytes. On import,
 * a file signed with this installation's key is checked (a changed file is refused); a file
 * signed elsewhere cannot be checked here and is reported as such, never as genuine.
 */
export const INTEGRITY_KEY_ACCOUNT = 'export-integrity-key';

export interface InstallationKey {
  key: Buffer;
  /** A public name for the key (not the key): says which installation signed a file. */
  installationId: string;
}

/**
 * This installation's key from the keychain; `create` makes one on first use. Undefined when the
 * keychain cannot be reached (the export then carries no installation code, and says nothing false).
 */
export async function installationKey(vault: Vault, { create }: { create: boolean }): Promise<InstallationKey | undefined> {
  try {
    let encoded = await vault.get(INTEGRITY_KEY_ACCOUNT);
    if (encoded === null) {
      if (!create) return undefined;
      encoded = randomBytes(32).toString('base64');
      const { storage } = await vault.set(INTEGRITY_KEY_ACCOUNT, encoded); // durable only: a session key would prove nothing later
      if (storage !== 'keychain') return undefined;
    }
    const key = Buffer.from(encoded, 'base64');
    return { key, installationId: createHash('sha256').update('ise-smtp-oauth installation id\0').update(key).digest('hex').slice(0, 16) };
  } catch (err) {
    if (err instanceof KeychainUnavailableError) return undefined;
    throw err;
  }
}

/** HMAC-SHA256 (hex) over canonicalJson of the document without its `integrity` field. */
export function exportHmac(document: Record<string, unknown>, key: Buffer): string {
  const { integrity: _ignored, ...rest } = document;
  return createHmac('sha256', key).update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * Where a file comes from, checking its installation code when it is ours. Throws
 * IMPORT_TAMPERED when this installation signed it and it was changed since.
 */
export function importOrigin(doc: ExportDocument, key: InstallationKey | undefined): ImportOrigin {
  const hmac = doc.integrity.hmac;
  if (!hmac) return 'unsigned';
  if (!key) return 'unverified';
  if (hmac.installationId !== key.installationId) return 'other-installation';
  const expected = Buffer.from(exportHmac(doc as unknown as Record<string, unknown>, key.key), 'hex');
  const given = Buffer.from(hmac.value, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new CallFailure(
      'IMPORT_TAMPERED',
      'the file was changed after this installation exported it (its installation integrity code does not match): export it again from the source',
      'content',
    );
  }
  return 'this-installation';
}
