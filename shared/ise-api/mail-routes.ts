/**
 * Which ISE node sends which mail (DESIGN §2, Cisco's OAuth SMTP technote): guest account expiry
 * and password expiry from the Primary PAN, alarms from the active (primary) MnT, sponsor and
 * guest portal notifications from every PSN. Pure: the roles and services come from
 * `GET /api/v1/deployment/node`, in Cisco's enum spelling.
 */
export const MAIL_KINDS = ['guestExpiry', 'alarms', 'portals', 'passwordExpiry'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface DeploymentNodeLike {
  hostname: string;
  roles: readonly string[];
  services: readonly string[];
}

/** PAN / MnT / PSN as an ISE admin names the personas, from Cisco's roles and services. */
export function personasOf(node: DeploymentNodeLike): string[] {
  const out: string[] = [];
  const has = (r: string) => node.roles.includes(r);
  if (has('Standalone')) return ['Standalone (PAN, MnT, PSN)'];
  if (has('PrimaryAdmin')) out.push('Primary PAN');
  if (has('SecondaryAdmin')) out.push('Secondary PAN');
  if (has('PrimaryMonitoring') || has('PrimaryDedicatedMonitoring')) out.push('Primary MnT');
  if (has('SecondaryMonitoring') || has('SecondaryDedicatedMonitoring')) out.push('Secondary MnT');
  if (isPsn(node)) out.push('PSN');
  return out;
}

/** A Policy Service node: it runs the Session service (RADIUS, the guest and sponsor portals). */
export function isPsn(node: DeploymentNodeLike): boolean {
  return node.roles.includes('Standalone') || node.services.includes('Session');
}

/** The mails this node sends. */
export function mailsSentBy(node: DeploymentNodeLike): MailKind[] {
  const standalone = node.roles.includes('Standalone');
  const out: MailKind[] = [];
  const primaryPan = standalone || node.roles.includes('PrimaryAdmin');
  if (primaryPan) out.push('guestExpiry');
  if (standalone || node.roles.includes('PrimaryMonitoring') || node.roles.includes('PrimaryDedicatedMonitoring')) out.push('alarms');
  if (isPsn(node)) out.push('portals');
  if (primaryPan) out.push('passwordExpiry');
  return out;
}

/** For each mail, the hostnames that send it, in deployment order. */
export function mailRoutes(nodes: readonly DeploymentNodeLike[]): Array<{ mail: MailKind; nodes: string[] }> {
  return MAIL_KINDS.map((mail) => ({ mail, nodes: nodes.filter((n) => mailsSentBy(n).includes(mail)).map((n) => n.hostname) }));
}
