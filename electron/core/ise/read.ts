import { z } from 'zod';
import { isPsn, mailsSentBy, personasOf } from '../../../shared/ise-api/mail-routes';
import type { IseNode } from '../../../shared/contract/ise';
import type { ApiReply, IseSession } from './session';

/**
 * The reads, one per ISE call, each parsing only the fields it needs (zod, lenient on extras):
 * what else ISE sends (the guest SMTP password, the proxy password) is never kept.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reply: ApiReply };

function parsed<T>(reply: ApiReply, schema: z.ZodType<T>): Read<T> {
  if (reply.kind !== 'ok') return { ok: false, reply };
  const r = schema.safeParse(reply.json);
  return r.success ? { ok: true, value: r.data } : { ok: false, reply: { kind: 'not-json', status: reply.status } };
}

export interface IseVersionRead {
  version: string;
  patches: number[];
}

const ErsVersion = z.object({
  OperationResult: z.object({ resultValue: z.array(z.object({ name: z.string(), value: z.string() })) }),
});

/** ERS `op/systemconfig/iseversion`: "patch information" is a comma list, "0" for none (§D.1). */
export async function readErsVersion(s: IseSession): Promise<Read<IseVersionRead>> {
  const r = parsed(await s.ers('op/systemconfig/iseversion'), ErsVersion);
  if (!r.ok) return r;
  const get = (n: string) => r.value.OperationResult.resultValue.find((v) => v.name.toLowerCase() === n)?.value ?? '';
  const patches = get('patch information')
    .split(',')
    .map((p) => Number(p.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return { ok: true, value: { version: get('version'), patches } };
}

const PatchList = z.object({
  iseVersion: z.string(),
  patchVersion: z.array(z.object({ patchNumber: z.number().int() })).optional().default([]),
});

/** OpenAPI `/api/v1/patch`: no `response` wrapper (§D.1). */
export async function readOpenApiVersion(s: IseSession): Promise<Read<IseVersionRead>> {
  const r = parsed(await s.openapi('GET', 'patch'), PatchList);
  if (!r.ok) return r;
  return { ok: true, value: { version: r.value.iseVersion, patches: r.value.patchVersion.map((p) => p.patchNumber).filter((n) => n > 0) } };
}

const Nodes = z.object({
  response: z.array(
    z.object({
      hostname: z.string(),
      fqdn: z.string().optional().default(''),
      ipAddress: z.string().optional().default(''),
      roles: z.array(z.string()).optional().default([]),
      services: z.array(z.string()).optional().default([]),
      nodeStatus: z.string().optional().default(''),
    }),
  ),
});

export async function readNodes(s: IseSession): Promise<Read<IseNode[]>> {
  const r = parsed(await s.openapi('GET', 'deployment/node'), Nodes);
  if (!r.ok) return r;
  return { ok: true, value: r.value.response.map((n) => ({ ...n, personas: personasOf(n), sends: mailsSentBy(n) })) };
}

export { isPsn };

const Proxy = z.object({
  response: z.object({
    fqdn: z.string().optional().default(''),
    port: z.number().int().nullable().optional(),
    bypassHosts: z.string().optional().default(''),
    userName: z.string().optional().default(''),
    passwordRequired: z.boolean().optional().default(false),
  }),
});

export interface IseProxyRead {
  configured: boolean;
  fqdn: string;
  port: number | null;
  bypassHosts: string[];
  passwordRequired: boolean;
  userName: string;
}

export async function readProxy(s: IseSession): Promise<Read<IseProxyRead>> {
  const r = parsed(await s.openapi('GET', 'system-settings/proxy'), Proxy);
  if (!r.ok) return r;
  const p = r.value.response;
  return {
    ok: true,
    value: {
      configured: p.fqdn.trim() !== '',
      fqdn: p.fqdn,
      port: p.port ?? null,
      bypassHosts: p.bypassHosts.split(/[,\s]+/).filter(Boolean),
      passwordRequired: p.passwordRequired,
      userName: p.userName,
    },
  };
}

const SearchResult = z.object({ SearchResult: z.object({ resources: z.array(z.object({ id: z.string() })).optional().default([]) }) });
const GuestSmtp = z.object({
  ERSGuestSmtpNotificationSettings: z.object({
    id: z.string(),
    name: z.string().optional().default(''),
    smtpServer: z.string().optional().default(''),
    notificationEnabled: z.boolean().optional().default(false),
    useDefaultFromAddress: z.boolean().optional().default(false),
    defaultFromAddress: z.string().optional().default(''),
  }),
});

export interface GuestSmtpRead {
  id: string;
  name: string;
  smtpServer: string;
  notificationEnabled: boolean;
  useDefaultFromAddress: boolean;
  defaultFromAddress: string;
}

/** ERS `guestsmtpnotificationsettings`: the list, then the first (ISE keeps one) by id (§D.5). */
export async function readGuestSmtp(s: IseSession): Promise<Read<GuestSmtpRead | null>> {
  const list = parsed(await s.ers('guestsmtpnotificationsettings'), SearchResult);
  if (!list.ok) return list;
  const id = list.value.SearchResult.resources[0]?.id;
  if (!id) return { ok: true, value: null };
  const one = parsed(await s.ers(`guestsmtpnotificationsettings/${encodeURIComponent(id)}`), GuestSmtp);
  if (!one.ok) return one;
  return { ok: true, value: one.value.ERSGuestSmtpNotificationSettings };
}

const TrustList = z.object({
  response: z.array(
    z.object({
      id: z.string(),
      friendlyName: z.string().optional().default(''),
      subject: z.string().optional().default(''),
      sha256Fingerprint: z.string().optional().default(''),
      expirationDate: z.string().optional().default(''),
      trustedFor: z.string().optional().default(''),
      status: z.string().optional().default(''),
    }),
  ),
  nextPage: z.object({ href: z.string() }).optional(),
});
export type TrustedCertificateRead = z.infer<typeof TrustList>['response'][number];

const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** `/api/v1/certs/trusted-certificate`, every page (bounded: 20 pages of 100). */
export async function readTrustedCertificates(s: IseSession): Promise<Read<TrustedCertificateRead[]>> {
  const all: TrustedCertificateRead[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = parsed(await s.openapi('GET', `certs/trusted-certificate?page=${page}&size=${PAGE_SIZE}`), TrustList);
    if (!r.ok) return r;
    all.push(...r.value.response);
    if (!r.value.nextPage || r.value.response.length === 0) break;
  }
  return { ok: true, value: all };
}
