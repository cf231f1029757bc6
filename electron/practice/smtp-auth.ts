import type { KeyObject } from 'node:crypto';
import { EXCHANGE_REPLIES, type ExchangeFrontEnd } from './exchange-replies';
import { verifyJwt } from './jwt';
import type { PracticeTenantState } from './tenant-state';

/**
 * How Exchange Online judges `AUTH XOAUTH2` for a mailbox, as a pure function of the tenant's
 * state: the token first (Entra's signature, expiry, an Exchange audience, the tenant), then the
 * tenant's policies, the mailbox (its SMTP AUTH setting over the organisation's), the service principal registered with New-ServicePrincipal
 * (matched on appid AND on the token's oid), and finally the right to act for the mailbox
 * (SMTP.SendAsApp + FullAccess, or an App RBAC assignment). Exchange tells the client little:
 * most of these end in the same `535 5.7.3`, which is why the engine also reads the claims.
 */

export type AuthRejectReason =
  | 'token-invalid'
  | 'token-expired'
  | 'audience'
  | 'tenant'
  | 'security-defaults'
  | 'smtp-auth-off-tenant'
  | 'user-malformed'
  | 'user-unknown'
  | 'smtp-auth-off-mailbox'
  | 'no-service-principal'
  | 'service-principal-object-id'
  | 'no-permission';

export type AuthDecision = { ok: true } | { ok: false; reason: AuthRejectReason; code: number; text: string };

const EXCHANGE_AUDIENCES = new Set(['https://outlook.office.com', 'https://outlook.office365.com', '00000002-0000-0ff1-ce00-000000000000']);
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Xoauth2Attempt {
  user: string;
  accessToken: string;
}

export function decideXoauth2(
  state: PracticeTenantState,
  attempt: Xoauth2Attempt,
  signingKey: KeyObject,
  fe: ExchangeFrontEnd,
  now = Date.now(),
): AuthDecision {
  const reject = (reason: AuthRejectReason, reply: { code: number; text: string }): AuthDecision => ({ ok: false, reason, ...reply });
  if (!ADDRESS.test(attempt.user)) return reject('user-malformed', EXCHANGE_REPLIES.invalidXoauth2(fe));

  const verified = verifyJwt(attempt.accessToken, signingKey);
  if (!verified.ok) return reject('token-invalid', EXCHANGE_REPLIES.authRejected(fe));
  const c = verified.claims;
  if (typeof c.exp !== 'number' || c.exp * 1000 <= now) return reject('token-expired', EXCHANGE_REPLIES.authRejected(fe));
  if (typeof c.aud !== 'string' || !EXCHANGE_AUDIENCES.has(c.aud)) return reject('audience', EXCHANGE_REPLIES.authRejected(fe));
  if (c.tid !== state.tenantId) return reject('tenant', EXCHANGE_REPLIES.authRejected(fe));

  if (state.securityDefaultsEnabled) return reject('security-defaults', EXCHANGE_REPLIES.securityDefaults(fe));

  if (attempt.user.toLowerCase() !== state.mailbox.address.toLowerCase()) return reject('user-unknown', EXCHANGE_REPLIES.authRejected(fe));
  // The mailbox's setting overrides the organisation's; $null follows it (Microsoft,
  // "Enable or disable SMTP AUTH in Exchange Online"). The reply names which one said no.
  const mailboxSetting = state.mailbox.smtpClientAuthenticationDisabled;
  if (mailboxSetting === true) {
    return reject('smtp-auth-off-mailbox', state.rewordedReplies ? EXCHANGE_REPLIES.smtpAuthDisabledReworded(fe) : EXCHANGE_REPLIES.smtpAuthDisabledMailbox(fe));
  }
  if (mailboxSetting === null && state.smtpClientAuthenticationDisabled) return reject('smtp-auth-off-tenant', EXCHANGE_REPLIES.smtpAuthDisabledTenant(fe));

  const sp = state.exchangeServicePrincipal;
  if (!sp || sp.appId !== c.appid) return reject('no-service-principal', EXCHANGE_REPLIES.authRejected(fe));
  // Created with the App Registration's object ID: Exchange cannot tie the token's oid to it.
  if (sp.objectId !== c.oid) return reject('service-principal-object-id', EXCHANGE_REPLIES.authRejected(fe));

  const roles = Array.isArray(c.roles) ? c.roles : [];
  const classic = roles.includes('SMTP.SendAsApp') && state.mailbox.fullAccess.includes(sp.objectId);
  const appRbac = state.mailbox.appRbacAssignments.includes(sp.appId);
  if (!classic && !appRbac) return reject('no-permission', EXCHANGE_REPLIES.authRejected(fe));
  return { ok: true };
}
