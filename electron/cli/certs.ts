import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { allPemFiles, captureChains, type CaptureOptions } from '../core/certificates';
import { findingTexts, type FindingTexts } from '../core/texts/finding-texts';
import { cliLanguage, LANG_OPTION } from './language';
import type { CertificateAnalysis, CertificateSummary, EndpointChain } from '../../shared/contract/certificates';
import { HostSchema, HttpUrlSchema, PortSchema, TimeoutSecondsSchema, validationText } from '../../shared/validators';
import { NETWORK_FLAG_OPTIONS } from './network-flags';
import { caFileProblem } from './ca-file';
import { DEFAULT_TIMEOUT_SECONDS } from '../core/diagnostics/options';
import { printableJson } from '../../shared/printable';

const USAGE = `usage: ise-smtp-oauth certs [--authority-host URL] [--smtp-host H] [--smtp-port P] [--proxy URL]
         [--ca-file PEM] [--timeout S] [--out-dir DIR] [--json] [--lang en|nl|fr|de|it|zh-TW]
Captures the TLS chains of the token host (443) and the SMTP host (after STARTTLS), says which
CA certificates ISE must trust, and with --out-dir writes them as PEM (one file per CA + a bundle).
exit codes: 0 both chains captured, 1 an endpoint failed, 2 bad usage
`;

/** Bad usage: exit 2 with one line naming the flag. */
class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

function checked<T>(value: string | undefined, flag: string, parse: (v: string) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): T | undefined {
  if (value === undefined) return undefined;
  const r = parse(value);
  if (!r.success) throw new UsageError(`${flag} ${validationText(r.error.issues[0]?.message ?? '')}`);
  return r.data;
}

function integer(value: string | undefined, flag: string, rule: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} ${validationText(rule)}`);
  return Number(value);
}

/** The capture options from the flags, each checked by the same rule the UI uses. */
async function optionsFrom(values: Values): Promise<CaptureOptions> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const smtpPort = integer(str('smtp-port'), '--smtp-port', 'port');
  if (smtpPort !== undefined && !PortSchema.safeParse(smtpPort).success) throw new UsageError(`--smtp-port ${validationText('port')}`);
  const timeout = integer(str('timeout'), '--timeout', 'timeout');
  if (timeout !== undefined && !TimeoutSecondsSchema.safeParse(timeout).success) throw new UsageError(`--timeout ${validationText('timeout')}`);
  const caFile = str('ca-file');
  if (caFile !== undefined) {
    const problem = await caFileProblem(caFile, (timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000);
    if (problem) throw new UsageError(problem);
  }
  const authorityHost = checked(str('authority-host'), '--authority-host', (v) => HttpUrlSchema.safeParse(v));
  const proxy = checked(str('proxy'), '--proxy', (v) => HttpUrlSchema.safeParse(v));
  for (const [flag, url] of [['--authority-host', authorityHost], ['--proxy', proxy]] as const) {
    if (url !== undefined && !URL.canParse(url)) throw new UsageError(`${flag} ${validationText('url')}`);
  }
  const smtpHost = checked(str('smtp-host'), '--smtp-host', (v) => HostSchema.safeParse(v));
  return {
    ...(authorityHost ? { authorityHost } : {}),
    ...(smtpHost ? { smtpHost } : {}),
    ...(smtpPort !== undefined ? { smtpPort } : {}),
    ...(proxy ? { proxy } : {}),
    ...(caFile ? { caFile } : {}),
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
  };
}

const day = (iso: string) => iso.slice(0, 10);

function flags(c: CertificateSummary): string {
  const f: string[] = [];
  if (c.isCA) f.push('CA');
  if (c.selfSigned) f.push('self-signed');
  if (c.expired) f.push('EXPIRED');
  else if (c.expiringSoon) f.push('EXPIRES WITHIN 30 DAYS');
  if (c.notYetValid) f.push('NOT YET VALID');
  return f.length ? ` [${f.join(', ')}]` : '';
}

function endpointLines(e: EndpointChain, texts: FindingTexts): string[] {
  const name = e.endpoint === 'token' ? 'Token host' : 'SMTP host (after STARTTLS)';
  const state = !e.captured ? 'NOT CAPTURED' : e.trusted ? 'captured, trusted by this computer' : 'captured, NOT trusted by this computer';
  const lines = [`${name} ${e.host}:${e.port}${e.proxy ? ` via proxy ${e.proxy}` : ''}: ${state}`];
  e.chain.forEach((c, i) => {
    lines.push(`  [${i}] ${c.subject}${flags(c)}`);
    lines.push(`      issuer   ${c.issuer}`);
    lines.push(`      valid    ${day(c.notBefore)} to ${day(c.notAfter)}`);
    lines.push(`      SHA-256  ${c.sha256}`);
  });
  if (e.missingRoot) {
    lines.push(`  The root was not sent and is not on this computer: get "${e.missingRoot.issuerCN ?? e.missingRoot.issuer}" from its CA's official site and import it too.`);
  }
  for (const f of e.findings) {
    const facts = Object.entries(f.params).map(([k, v]) => `${k}=${String(v)}`).join(', ');
    lines.push(`  ${f.severity.toUpperCase()} ${f.code}${facts ? ` (${facts})` : ''}`);
    lines.push(`    Fix: ${texts.fix(f.code, f.params)}`);
  }
  return lines;
}

/** The readable report: each chain, then what to import into ISE and how. */
export function formatCertificates(a: CertificateAnalysis, written: string[] = [], texts: FindingTexts = findingTexts('en')): string {
  const lines: string[] = [`Certificate chains for ISE's trusted store${a.practice ? ' (practice tenant)' : ''}`, ''];
  for (const e of a.endpoints) lines.push(...endpointLines(e, texts), '');
  if (a.caFileError) lines.push(`WARNING: the --ca-file could not be read (${a.caFileError}).`, '');
  if (a.caCertificates.length === 0) {
    lines.push('No CA certificate to import: no chain was captured.');
  } else {
    lines.push(`Import into ISE on the Primary PAN (ISE replicates trusted certificates to every node):`);
    lines.push(`  ${a.importPath}`);
    a.caCertificates.forEach((c, i) => {
      const where = c.endpoints.map((p) => (p === 'token' ? 'token host' : 'SMTP host')).join(' + ');
      lines.push(`  ${i + 1}. ${c.fileName}  ${c.subjectCN ?? c.subject} (${c.role}, ${where}${c.source === 'local-trust-store' ? ', from this computer\'s trust store' : ''})${flags(c)}`);
      lines.push(`     SHA-256 ${c.sha256}`);
    });
    lines.push(`  For each file: Certificate File = the file, Friendly Name = its CN,`);
    lines.push(`  check "${a.trustOption}" (older ISE: "${a.trustOptionLegacy}"),`);
    lines.push(`  leave "${a.trustOptionNotNeeded}" off, then Submit. ISE imports one certificate per file.`);
  }
  if (written.length) lines.push('', `Wrote ${written.length} files:`, ...written.map((f) => `  ${f}`));
  lines.push('', a.ok ? 'OK: both chains captured.' : 'FAILED: an endpoint could not be reached; see the findings above.');
  return `${lines.join('\n')}\n`;
}

async function writeFiles(a: CertificateAnalysis, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const file of allPemFiles(a)) {
    const target = path.join(dir, file.fileName);
    await writeFile(target, file.content);
    out.push(target);
  }
  return out;
}

export const certsCommand: CliCommand = {
  usage: USAGE,
  summary: 'capture the certificate chains ISE must trust and export them as PEM',
  async run(argv) {
    let values: Values;
    try {
      values = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
          json: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
          ...NETWORK_FLAG_OPTIONS,
          'out-dir': { type: 'string' },
          ...LANG_OPTION,
        },
      }).values;
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth certs: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    let options: CaptureOptions;
    const outDir = typeof values['out-dir'] === 'string' ? values['out-dir'] : undefined;
    try {
      options = await optionsFrom(values);
      if (outDir !== undefined) {
        if (!outDir.trim()) throw new UsageError('--out-dir must name a folder');
        await mkdir(outDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
          throw new UsageError(`--out-dir cannot be created: ${outDir} (${err.code ?? 'error'})`);
        });
      }
    } catch (err) {
      const message = err instanceof UsageError ? err.message : `${err instanceof Error ? err.name : 'error'}: unexpected failure`;
      process.stderr.write(`ise-smtp-oauth certs: ${message}\n`);
      return 2;
    }
    const analysis = await captureChains(options);
    let written: string[] = [];
    if (outDir !== undefined && analysis.caCertificates.length > 0) {
      try {
        written = await writeFiles(analysis, outDir);
      } catch (err) {
        process.stderr.write(`ise-smtp-oauth certs: --out-dir: the PEM files could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 1;
      }
    }
    process.stdout.write(values.json ? `${printableJson({ ...analysis, writtenFiles: written })}\n` : formatCertificates(analysis, written, findingTexts(cliLanguage(typeof values.lang === 'string' ? values.lang : undefined))));
    return analysis.ok ? 0 : 1;
  },
};
