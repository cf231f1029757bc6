import { describe, expect, it } from 'vitest';
import { CHECK_IDS, CHECKS, provingChecks } from '../../shared/checks';
import { CheckResultSchema } from '../../shared/diagnostic-report';

const base = { step: 'network', status: 'pass', durationMs: 1, findings: [] } as const;

describe('the check table', () => {
  it('says which wizard screen each check proves', () => {
    expect(provingChecks('mailbox')).toEqual(['smtp.auth']);
    expect(provingChecks('app-registration')).toEqual(['token', 'claims']);
    expect(provingChecks('service-principal')).toEqual(['smtp.auth']);
    expect(provingChecks('ise')).toEqual(['claims']);
  });

  it('gives every check a row and a result schema', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...CHECK_IDS].sort());
    expect(CheckResultSchema.options.map((o) => o.shape.id.value).sort()).toEqual([...CHECK_IDS].sort());
  });
});

describe('a check result across the boundary', () => {
  it('has a known id and evidence of its check\'s shape', () => {
    expect(CheckResultSchema.safeParse({ ...base, id: 'network.smtp', evidence: { host: 'smtp.office365.com', port: 587, capabilitiesAfterTls: ['AUTH XOAUTH2'] } }).success).toBe(true);
    expect(CheckResultSchema.safeParse({ ...base, id: 'network.smtp', evidence: { reason: 'skipped' } }).success).toBe(true);
    expect(CheckResultSchema.safeParse({ ...base, id: 'smtp.everything', evidence: {} }).success).toBe(false);
    expect(CheckResultSchema.safeParse({ ...base, id: 'network.smtp', evidence: { port: '587' } }).success).toBe(false);
    expect(CheckResultSchema.safeParse({ ...base, id: 'network.login', evidence: { chain: [{ pem: 'x' }] } }).success).toBe(false);
  });
});
