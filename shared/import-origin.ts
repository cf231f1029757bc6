import { z } from 'zod';

/**
 * Where an imported file comes from: this installation (its code checked), another one (its
 * values cannot be confirmed here), no installation code at all (older exports), or unverified
 * (this installation's key is unreachable: the OS keychain is down). Its own module so the
 * profile contract can use it while the export format derives from the profile contract.
 */
export const ImportOriginSchema = z.enum(['this-installation', 'other-installation', 'unsigned', 'unverified']);
export type ImportOrigin = z.infer<typeof ImportOriginSchema>;
