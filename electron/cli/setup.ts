import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { createAutomation, DEFAULT_HOSTS, type Automation, type SetupResult, type UndoResult } from '../core/automation';
import { chooseSignInClientId, signInClientIdSourceName } from '../core/automation/config';
import { practiceApproveDeviceCode, practiceBrowser } from '../core/automation/practice-browser';
import { openInBrowser } from './open-browser';
import { resolveDataDir } from '../core/profiles/data-dir';
import { ProfileService } from '../core/profiles/profile-service';
import { defaultProfileServices } from '../core/profiles/process-services';
import { REQUIRED_ROLES, type SetupFinding } from '../../shared/contract/automation';
import { MailboxSchema, TenantIdSchema } from '../../shared/validators';

const USAGE = `usage: ise-smtp-oauth setup --tenant-id T --mailbox M --route classic|app-rbac
         [--secret-days N] [--what-if] [--device-code] [--undo] [--rotate-secret [--remove-old]]
         [--keep-smtp-auth] [--profile NAME] [--json] [--data-dir DIR]
         [--authority-host URL] [--graph-host URL] [--exchange-host URL]
         [--sign-in-client-id ID] [--ca-file PEM] [--practice]
Signs in an admin (system browser; --device-code prints Microsoft's code on stderr instead),
then creates the app registration, admin consent, client secret (into the keychain), Exchange
service principal and mailbox permission (classic) or management scope + role assignment
(app-rbac), and stores the result as a profile. --what-if shows the plan and changes nothing.
--undo removes what this tool created for the profile, in reverse order.
--practice runs it against the built-in practice tenant (its tenant and mailbox are the
defaults; its sign-in completes by itself).
The account needs: ${REQUIRED_ROLES.entra.join(' or ')}; and ${REQUIRED_ROLES.exchange.join(' or ')}.
exit codes: 0 done, 1 an error finding, 2 bad usage
`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

function str(v: Values, k: string): string | undefined {
  return typeof v[k] === 'string' ? (v[k] as string) : undefined;
}

function findingLine(f: SetupFinding): string {
  const p = f.params;
  const detail = Object.entries(p).filter(([k]) => k !== 'powershell').map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return `${f.severity.toUpperCase()} ${f.code} (step: ${f.step})${detail ? `: ${detail}` : ''}`;
}

function humanSetup(r: SetupResult, profileName: string): string {
  const lines = [r.whatIf ? 'What-if: nothing was changed. The plan:' : 'Automated setup:'];
  for (const op of r.plan) lines.push(`  ${op.action.toUpperCase().padEnd(7)} ${op.step.padEnd(27)} ${op.operation}${op.existing ? `  [exists: ${op.existing}]` : ''}`);
  if (!r.whatIf) {
    lines.push('', `created: ${r.created.join(', ') || 'nothing'}; reused: ${r.reused.join(', ') || 'nothing'}`);
    for (const a of r.audit) lines.push(`  ${a.at} ${a.upn} ${a.result.padEnd(8)} ${a.operation}${a.requestId ? ` (request-id ${a.requestId})` : ''}`);
  }
  for (const f of r.findings) lines.push(findingLine(f));
  if (r.powershell) lines.push('', 'Run this in PowerShell, then run setup again:', r.powershell);
  if (!r.whatIf && r.ok) lines.push('', `Profile "${profileName}" stored (client secret in the keychain). Check it: ise-smtp-oauth diagnose --profile '${profileName}'`);
  lines.push(`calls: ${r.calls.total} (Graph ${r.calls.graph}, Exchange ${r.calls.exchange}, sign-in ${r.calls.signIn})`);
  return `${lines.join('\n')}\n`;
}

function humanUndo(r: UndoResult): string {
  const lines = [r.whatIf ? 'What-if: undo would run:' : 'Undo:'];
  for (const op of r.operations) lines.push(`  ${op.step.padEnd(27)} ${op.operation}`);
  for (const f of r.findings) lines.push(findingLine(f));
  if (!r.whatIf) lines.push(r.profileDeleted ? `Profile "${r.profileName}" and its keychain secret removed.` : `Still there: ${r.remaining.join(', ') || 'nothing'}`);
  return `${lines.join('\n')}\n`;
}

export interface SetupIo {
  out: (t: string) => void;
  err: (t: string) => void;
}

export async function runSetup(argv: string[], io: SetupIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let values: Values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'tenant-id': { type: 'string' },
        mailbox: { type: 'string' },
        route: { type: 'string' },
        'secret-days': { type: 'string' },
        'what-if': { type: 'boolean', default: false },
        'device-code': { type: 'boolean', default: false },
        undo: { type: 'boolean', default: false },
        'rotate-secret': { type: 'boolean', default: false },
        'remove-old': { type: 'boolean', default: false },
        'keep-smtp-auth': { type: 'boolean', default: false },
        profile: { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'authority-host': { type: 'string' },
        'graph-host': { type: 'string' },
        'exchange-host': { type: 'string' },
        'sign-in-client-id': { type: 'string' },
        'ca-file': { type: 'string' },
        practice: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    io.err(`ise-smtp-oauth setup: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const dataDir = resolveDataDir(str(values, 'data-dir'));
  let practice: import('../practice').PracticeTenant | undefined;
  let automation: Automation | undefined;
  try {
    if (values.practice) {
      const { startPracticeTenant } = await import('../practice');
      practice = await startPracticeTenant({ dataDir });
    }
    const c = practice?.credentials();
    const tenantId = str(values, 'tenant-id') ?? c?.tenantId;
    const mailbox = str(values, 'mailbox') ?? c?.mailbox;
    const route = str(values, 'route') ?? (practice ? 'classic' : undefined);
    const profiles = new ProfileService(defaultProfileServices(dataDir));
    const profileName = str(values, 'profile') ?? (practice ? `practice-automated-${route ?? 'classic'}` : mailbox ? `${mailbox} (automated)` : '');
    const existing = profileName ? profiles.store.find(profileName) : undefined;
    if (!values.undo && !values['rotate-secret']) {
      if (!tenantId) throw new UsageError('--tenant-id is required');
      if (!mailbox) throw new UsageError('--mailbox is required');
      if (route !== 'classic' && route !== 'app-rbac') throw new UsageError('--route must be classic or app-rbac');
      if (!TenantIdSchema.safeParse(tenantId).success) throw new UsageError('--tenant-id must be a directory (tenant) ID: a GUID or a *.onmicrosoft.com domain');
      if (!MailboxSchema.safeParse(mailbox).success) throw new UsageError('--mailbox must be an email address');
    } else if (!existing) {
      throw new UsageError(`--profile: no profile named "${profileName}" (see: ise-smtp-oauth profiles list)`);
    }
    const secretDaysRaw = str(values, 'secret-days');
    const secretDays = secretDaysRaw === undefined ? 180 : Number(secretDaysRaw);
    if (!Number.isInteger(secretDays) || secretDays < 1 || secretDays > 730) throw new UsageError('--secret-days must be a whole number of days from 1 to 730');
    // The practice tenant knows only its own sign-in client: the machine's and the product's defaults do not apply to it.
    const choice = chooseSignInClientId({ run: str(values, 'sign-in-client-id'), profile: existing?.automation?.signInClientId, ...(practice ? { env: {}, packaged: practice.automation.signInClientId } : {}) });
    if (!choice.ok && choice.reason === 'invalid') throw new UsageError(`${signInClientIdSourceName(choice.source)} must be an application (client) ID: a GUID`);
    if (!choice.ok) throw new UsageError('--sign-in-client-id is required (this build has no default sign-in client; see README "Which sign-in client")');
    const signInClientId = choice.clientId;
    let ca: string[] | undefined = practice ? [practice.caPem] : undefined;
    const caFile = str(values, 'ca-file');
    if (caFile) {
      let pem: string;
      try {
        pem = await readFile(caFile, 'utf8');
      } catch {
        throw new UsageError(`--ca-file cannot be read: ${caFile}`);
      }
      ca = [...(ca ?? [...rootCertificates]), pem];
    }
    const hostFlag = (flag: string, fallback: string) => {
      const v = str(values, flag) ?? fallback;
      if (!/^https:\/\/[^/\s]+$/.test(v.replace(/\/+$/, ''))) throw new UsageError(`--${flag} must be an https:// URL with no path`);
      return v.replace(/\/+$/, '');
    };
    const effectiveTenant = tenantId ?? existing!.tenantId;
    automation = createAutomation({
      tenantId: effectiveTenant,
      signInClientId,
      authorityHost: hostFlag('authority-host', practice?.authorityHost ?? DEFAULT_HOSTS.authorityHost),
      graphHost: hostFlag('graph-host', practice?.automation.graphHost ?? DEFAULT_HOSTS.graphHost),
      exchangeHost: hostFlag('exchange-host', practice?.automation.exchangeHost ?? DEFAULT_HOSTS.exchangeHost),
      ...(ca ? { ca } : {}),
      profiles,
      onProgress: (e) => {
        if (!values.json && e.type === 'waiting') io.err(`waiting ${Math.round(e.waitMs / 1000)} s for ${e.reason} (${e.step}, attempt ${e.attempt})\n`);
      },
    });

    // Sign-in: the practice tenant's page completes by itself (the trainee's one click).
    io.err(`Signing in to tenant ${effectiveTenant}. The account needs ${REQUIRED_ROLES.entra[0]} (or ${REQUIRED_ROLES.entra.slice(1).join(' / ')}) and ${REQUIRED_ROLES.exchange[0]}.\n`);
    const signIn = values['device-code']
      ? await automation.session.signInWithDeviceCode((p) => {
          io.err(`${p.message}\n`);
          if (practice) void practiceApproveDeviceCode(p.verificationUri, p.userCode, [practice.caPem]).catch(() => undefined);
        })
      : await automation.session.signInInteractive(
          practice
            ? practiceBrowser([practice.caPem])
            : async (url) => {
                if (!(await openInBrowser(url))) io.err(`Open this address in a browser to sign in:\n${url}\n`);
              },
        );
    if (!signIn.ok) {
      const report = { ok: false, findings: [signIn.finding] };
      io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${findingLine(signIn.finding)}\n`);
      return 1;
    }
    io.err(`Signed in as ${signIn.upn}.\n`);

    if (values.undo) {
      const r = await automation.undo(profileName, Boolean(values['what-if']));
      io.out(values.json ? `${JSON.stringify(r, null, 2)}\n` : humanUndo(r));
      return r.ok ? 0 : 1;
    }
    if (values['rotate-secret']) {
      const r = await automation.rotate(profileName, { days: secretDays, removeOld: Boolean(values['remove-old']) });
      io.out(values.json ? `${JSON.stringify(r, null, 2)}\n` : `rotation ${r.stage}; new secret ${r.newKeyId ?? '-'} in the keychain; expiry ${r.secretExpiry ?? '-'}\n${r.findings.map(findingLine).join('\n')}\n`);
      return r.ok ? 0 : 1;
    }
    const result = await automation.setup(
      { tenantId: tenantId!, mailbox: mailbox!, route: route as 'classic' | 'app-rbac', secretDays, profileName, enableMailboxSmtpAuth: !values['keep-smtp-auth'], practice: Boolean(practice), signInClientId },
      Boolean(values['what-if']),
    );
    const stored = profiles.store.find(profileName);
    const profile = stored
      ? { name: stored.name, id: stored.id, tenantId: stored.tenantId, clientId: stored.clientId, mailbox: stored.mailbox, route: stored.route, servicePrincipalObjectId: stored.servicePrincipalObjectId, secretExpiry: stored.secretExpiry, practice: stored.practice }
      : null;
    io.out(values.json ? `${JSON.stringify({ ...result, profile }, null, 2)}\n` : humanSetup(result, profileName));
    return result.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`ise-smtp-oauth setup: ${err.message}\n`);
      return 2;
    }
    const code = (err as { code?: string }).code;
    io.err(`ise-smtp-oauth setup: ${code === 'KEYCHAIN_UNAVAILABLE' ? (err as Error).message : `${err instanceof Error ? err.name : 'error'}: unexpected failure`}\n`);
    return 1;
  } finally {
    await automation?.close();
    await practice?.close();
  }
}

export const setupCommand: CliCommand = {
  summary: 'sign in as an admin and create the app, consent, secret, Exchange service principal and permission for you',
  usage: USAGE,
  run: (argv) => runSetup(argv),
};
