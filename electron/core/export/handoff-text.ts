import type { ExportVerification } from '../../../shared/export-format';
import type { Route } from '../../../shared/diagnostic-report';

/**
 * The words of the hand-off document (html.ts): what each check proved, in sentences a
 * customer's change board reads, and what each ISE node needs. English, like ISE's own field
 * names; the check ids and finding codes appear only in the document's raw-evidence appendix.
 */

interface ProofContext {
  mailbox: string;
  route: Route;
  smtpHost: string;
  smtpPort: number;
  tokenHost: string;
}

/** One sentence per check: [what it proves when it passed, what it means when it failed]. */
function proofSentence(id: string, c: ProofContext): { proven: string; failed: string } | undefined {
  switch (id) {
    case 'input':
      return { proven: 'The tenant ID, client ID and mailbox are well-formed.', failed: 'A value is malformed (tenant ID, client ID or mailbox).' };
    case 'network.login':
      return {
        proven: `This computer reached the Microsoft sign-in service (${c.tokenHost}:443) over TLS.`,
        failed: `This computer could not reach the Microsoft sign-in service (${c.tokenHost}:443).`,
      };
    case 'token':
      return {
        proven: 'Microsoft Entra ID issued a fresh access token to the app with this client secret, as ISE will request it.',
        failed: 'Microsoft Entra ID refused a token for the app with this client secret.',
      };
    case 'claims':
      return c.route === 'classic'
        ? {
            proven: 'The token is for Exchange Online, for this tenant and this app, and carries the SMTP.SendAsApp permission (admin consent granted).',
            failed: 'The token is not what Exchange Online needs (audience, tenant, app or the SMTP.SendAsApp permission).',
          }
        : {
            proven: 'The token is for Exchange Online, for this tenant and this app (App RBAC: no SMTP.SendAsApp permission in Entra, as intended).',
            failed: 'The token is not what Exchange Online needs (audience, tenant or app).',
          };
    case 'network.smtp':
      return {
        proven: `This computer reached Exchange Online SMTP (${c.smtpHost}:${c.smtpPort}) and started TLS (STARTTLS).`,
        failed: `This computer could not open a TLS session with Exchange Online SMTP (${c.smtpHost}:${c.smtpPort}).`,
      };
    case 'smtp.auth':
      return {
        proven: `Exchange Online accepted the sign-in (AUTH XOAUTH2) as ${c.mailbox}: the service principal and its permission on the mailbox are in place.`,
        failed: `Exchange Online refused the sign-in (AUTH XOAUTH2) as ${c.mailbox}.`,
      };
    case 'smtp.send':
      return { proven: `Exchange Online accepted a test message from ${c.mailbox}.`, failed: `Exchange Online refused a test message from ${c.mailbox}.` };
    default:
      return undefined;
  }
}

export type ProofStatus = 'proven' | 'failed' | 'warning' | 'not tested';

export interface ProofLine {
  status: ProofStatus;
  text: string;
}

/** The verification's checks as sentences, in run order; unknown checks are left to the appendix. */
export function proofLines(v: ExportVerification, c: ProofContext): ProofLine[] {
  const lines: ProofLine[] = [];
  for (const check of v.checks) {
    const s = proofSentence(check.id, c);
    if (!s) continue;
    if (check.status === 'pass') lines.push({ status: 'proven', text: s.proven });
    else if (check.status === 'warn') lines.push({ status: 'warning', text: `${s.proven} (with a warning, see the notes below)` });
    else if (check.status === 'fail') lines.push({ status: 'failed', text: s.failed });
    else lines.push({ status: 'not tested', text: s.proven.replace(/\.$/, '') + ': not tested in this run.' });
  }
  return lines;
}

/** Which ISE node sends which mail (DESIGN §2): every one of them needs what the table says. */
export const NODE_ROLES: ReadonlyArray<{ node: string; sends: string }> = [
  { node: 'Primary PAN', sends: 'guest account expiry notices, password expiry notices' },
  { node: 'Active MnT', sends: 'alarm notifications' },
  { node: 'Every PSN', sends: 'sponsor and guest portal notifications (guest credentials, approvals)' },
];

/** What each sending node needs, as a list (the same for every role). */
export function nodeNeeds(tokenHost: string, smtpHost: string, smtpPort: number, caSubjects: readonly string[]): string[] {
  return [
    `Outbound HTTPS to ${tokenHost}:443 (directly or through ISE's proxy).`,
    `Outbound SMTP to ${smtpHost}:${smtpPort} with STARTTLS (directly or through ISE's proxy).`,
    caSubjects.length > 0
      ? `In ISE's trusted store (with "Trust for authentication within ISE"): ${caSubjects.join('; ')}.`
      : 'Both hosts\' CA chains in ISE\'s trusted store ("Trust for authentication within ISE").',
  ];
}
