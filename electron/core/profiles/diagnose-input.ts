import type { Profile } from '../../../shared/contract/profiles';
import type { DiagnoseOptions } from '../diagnostics/options';
import type { ProfileEndpoints } from './endpoints';

/**
 * The profile fields a diagnosis takes as they are (the rest are its endpoints, below). One
 * list for the verification handler and the CLI's `diagnose --profile`.
 */
const DIAGNOSED_FIELDS = ['tenantId', 'clientId', 'mailbox', 'route', 'scope', 'servicePrincipalObjectId', 'secretExpiry', 'iseVersion'] as const satisfies readonly (keyof Profile & keyof DiagnoseOptions)[];

/**
 * The one mapping from a stored profile to a diagnosis: its values (empty ones left out, so the
 * diagnosis applies ISE's defaults) and where its checks go (`endpointsFor`). The secret is the
 * caller's to add: it comes from the vault, never from the profile.
 */
export function diagnoseInputFor(profile: Profile, endpoints: ProfileEndpoints): DiagnoseOptions {
  const values: Record<string, unknown> = {};
  for (const field of DIAGNOSED_FIELDS) {
    const value = profile[field];
    if (value !== undefined && value !== '') values[field] = value;
  }
  return { ...(values as Pick<DiagnoseOptions, (typeof DIAGNOSED_FIELDS)[number]>), tenantId: profile.tenantId, clientId: profile.clientId, mailbox: profile.mailbox, ...endpoints };
}
