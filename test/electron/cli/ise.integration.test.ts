import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iseCommand } from '../../../electron/cli/ise';
import { auditFile } from '../../../electron/core/ise/audit';
import { IseImportReportSchema, IseInspectionSchema } from '../../../shared/contract/ise';
import { runCli } from '../../support/real-keychain';
import { startPracticePair, type PracticePair } from '../../support/practice-ise';
import { runCommand } from '../../support/run-command';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ise-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const dd = ['--data-dir', dataDir];

describe('ise inspect --practice', () => {
  it('--json prints version, patch, verdict, nodes with personas and the missing CAs (healthy by default)', async () => {
    const r = await runCommand(iseCommand, ['inspect', '--practice', '--json', ...dd]);
    expect(r.code).toBe(1); // the Microsoft CAs are missing: an error finding
    const i = IseInspectionSchema.parse(JSON.parse(r.out));
    expect(i.version).toMatchObject({ version: '3.4.0.608', patch: 4, text: '3.4 P4' });
    expect(i.verdict.state).toBe('supported');
    expect(i.nodes.map((n) => `${n.hostname}: ${n.personas.join(' + ')}`)).toEqual([
      'ise-pan01: Primary PAN + Primary MnT',
      'ise-pan02: Secondary PAN + Secondary MnT',
      'ise-psn01: PSN',
      'ise-psn02: PSN',
    ]);
    expect(i.trustedStore.required.filter((c) => c.state === 'missing').map((c) => c.subjectCN)).toEqual(['ise-smtp-oauth Practice Root CA']);
    expect(i.findings.map((f) => f.code)).toEqual(['ISE_CA_MISSING']);
  });

  it('--scenario cas-present exits 0; --scenario unpatched names the verdict in the text report', async () => {
    expect((await runCommand(iseCommand, ['inspect', '--practice', '--scenario', 'cas-present', ...dd])).code).toBe(0);
    const r = await runCommand(iseCommand, ['inspect', '--practice', '--scenario', 'unpatched', ...dd]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('3.3 P6: does NOT support MS Exchange Online OAuth (needs 3.3 P8)');
    expect(r.out).toContain('ERROR ISE_VERSION_UNSUPPORTED');
  });

  it('an unknown scenario, --what-if on inspect, and a missing password are bad usage (2)', async () => {
    const bad = await runCommand(iseCommand, ['inspect', '--practice', '--scenario', 'nope', ...dd]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('valid names: healthy, unpatched, openapi-off, ers-off, wrong-password, csrf, cas-present, guest-sender');
    expect((await runCommand(iseCommand, ['inspect', '--practice', '--what-if', ...dd])).code).toBe(2);
    const nopw = await runCommand(iseCommand, ['inspect', '--ise-host', 'ise.example.com', '--ise-user', 'admin', ...dd]);
    expect(nopw.code).toBe(2);
    expect(nopw.err).toContain('--ise-password-stdin or --profile NAME');
    const both = await runCommand(iseCommand, ['inspect', '--ise-host', 'h', '--ise-user', 'u', '--ise-password-stdin', '--ise-fingerprint', 'AA', '--ca-file', '/x', ...dd]);
    expect(both.code).toBe(2);
    expect((await runCommand(iseCommand, ['frobnicate'])).code).toBe(2);
  });
});

describe('ise import-cas --practice', () => {
  it('imports the missing CA, reads it back, writes the audit trail; --what-if sends nothing', async () => {
    const plan = await runCommand(iseCommand, ['import-cas', '--practice', '--what-if', '--json', ...dd]);
    const planned = IseImportReportSchema.parse(JSON.parse(plan.out));
    expect(planned.whatIf).toBe(true);
    expect(planned.results).toEqual([]);
    expect(planned.audit.map((a) => a.outcome)).toEqual(['planned']);

    const r = await runCommand(iseCommand, ['import-cas', '--practice', '--json', ...dd]);
    expect(r.code).toBe(0);
    const report = IseImportReportSchema.parse(JSON.parse(r.out));
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'imported', readBack: true })]);
    expect(report.inspection.findings).toEqual([]);
    const lines = fs.readFileSync(auditFile(dataDir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string });
    expect(lines.map((l) => l.outcome)).toEqual(['planned', 'imported']);
  });
});

describe('ise inspect against an ISE given by flags (the real command, password on stdin)', () => {
  let pair: PracticePair;
  beforeAll(async () => {
    pair = await startPracticePair('healthy');
  });
  afterAll(async () => pair?.close());

  const flags = () => [
    '--ise-host', pair.ise.host, '--ise-user', pair.ise.username, '--ise-password-stdin',
    '--ise-ers-port', String(pair.ise.ersPort), '--ise-api-port', String(pair.ise.apiPort),
    '--authority-host', pair.tenant.authorityHost, '--smtp-host', pair.tenant.smtpHost, '--smtp-port', String(pair.tenant.smtpPort),
    '--mailbox', pair.tenant.credentials().mailbox, '--json', ...dd,
  ];

  it('without a fingerprint: ISE_CERT_UNPINNED with the fingerprint to check; with it: the full read', async () => {
    const first = await runCli(['ise', 'inspect', ...flags()], { stdin: `${pair.ise.password}\n` });
    expect(first.code).toBe(1);
    const unpinned = IseInspectionSchema.parse(JSON.parse(first.stdout));
    expect(unpinned.findings.map((f) => f.code)).toEqual(['ISE_CERT_UNPINNED']);
    expect(unpinned.certificate?.sha256).toBe(pair.ise.adminSha256);

    const second = await runCli(['ise', 'inspect', ...flags(), '--ise-fingerprint', pair.ise.adminSha256.replace(/:/g, '').toLowerCase()], { stdin: `${pair.ise.password}\n` });
    const full = IseInspectionSchema.parse(JSON.parse(second.stdout));
    expect(full.pin).toBe('matched');
    expect(full.findings.map((f) => f.code)).toEqual(['ISE_CA_MISSING']);
    for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(out).not.toContain(pair.ise.password);
  });

  it('a wrong password: ISE_AUTH_FAILED, exit 1', async () => {
    const r = await runCli(['ise', 'inspect', ...flags(), '--ise-fingerprint', pair.ise.adminSha256], { stdin: 'not-the-password\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['ISE_AUTH_FAILED']);
  });
});
