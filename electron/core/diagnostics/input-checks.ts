import type { Finding } from '../../../shared/diagnostic-report';
import { ClientIdSchema, MailboxSchema, TenantIdSchema, isValidIsoDate, looksLikeSecretId } from '../../../shared/validators';
import { isSecretExpired, secretDaysLeft, utcToday } from '../../../shared/secret-expiry';
import { makeFinding } from './finding';
import { iseSupportsOAuthSmtp, parseIseVersion, requiredIseVersion } from '../../../shared/ise-version';

/** Days before a secret's expiry when the report starts warning (ISE alarms at about the same time). */
export const EXPIRY_WARNING_DAYS = 30;

export interface InputValues {
  tenantId: string;
  clientId: string;
  mailbox: string;
  clientSecret?: string;
  secretExpiry?: string;
  iseVersion?: string;
}

/**
 * The checks that need no network: malformed IDs, the Secret ID pasted for the Value, an expired
 * or expiring secret, an ISE without OAuth for SMTP. They run first so a typo is named as a typo,
 * not as the AADSTS error it would cause.
 */
export function checkInputs(v: InputValues, now: Date): Finding[] {
  const findings: Finding[] = [];
  if (!TenantIdSchema.safeParse(v.tenantId).success) findings.push(makeFinding('INPUT_TENANT_ID_INVALID', { field: 'tenantId' }));
  if (!ClientIdSchema.safeParse(v.clientId).success) findings.push(makeFinding('INPUT_CLIENT_ID_INVALID', { field: 'clientId' }));
  if (!MailboxSchema.safeParse(v.mailbox).success) findings.push(makeFinding('INPUT_MAILBOX_INVALID', { field: 'mailbox' }));
  if (v.clientSecret !== undefined && looksLikeSecretId(v.clientSecret)) {
    findings.push(makeFinding('INPUT_SECRET_LOOKS_LIKE_ID', { field: 'clientSecret' }));
  }
  if (v.secretExpiry && isValidIsoDate(v.secretExpiry.trim())) {
    // The rule (shared/secret-expiry.ts): valid through the Expiry Date in UTC, expired from the
    // day after; on the day itself this warns with 0 days left.
    const expiry = v.secretExpiry.trim();
    const daysLeft = secretDaysLeft(expiry, utcToday(now));
    if (isSecretExpired(expiry, now)) findings.push(makeFinding('SECRET_EXPIRED', { expiry }));
    else if (daysLeft < EXPIRY_WARNING_DAYS) findings.push(makeFinding('SECRET_EXPIRING_SOON', { expiry, days: daysLeft }));
  }
  if (v.iseVersion) {
    const parsed = parseIseVersion(v.iseVersion);
    if (parsed && !iseSupportsOAuthSmtp(parsed)) {
      findings.push(makeFinding('ISE_VERSION_UNSUPPORTED', { version: v.iseVersion.trim(), minimum: requiredIseVersion(parsed) }));
    }
  }
  return findings;
}

/** True when an input finding makes the network checks pointless (they would only echo it). */
export function blocksNetwork(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code.startsWith('INPUT_'));
}
