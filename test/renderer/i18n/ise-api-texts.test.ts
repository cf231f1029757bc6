import { describe, expect, it } from 'vitest';
import { ISE_API_FINDING_CODES, type IseApiFindingCode } from '../../../shared/ise-api/findings';
import { LOCALES, placeholders, readLocale, type Tree } from '../../support/locale-files';

/**
 * The params each ISE finding's texts may use: the contract for electron/core/ise (the producer
 * passes these; texts use no other). Texts live in the iseApi namespace, in every language.
 */
const ISE_FINDING_PARAMS: Record<IseApiFindingCode, string[]> = {
  ISE_UNREACHABLE: ['host', 'ports', 'code'],
  ISE_API_DISABLED: ['api', 'host', 'port', 'path'],
  ISE_AUTH_FAILED: ['host', 'user'],
  ISE_ROLE_MISSING: ['user', 'api', 'path', 'status'],
  ISE_CERT_UNPINNED: ['host', 'sha256', 'subject'],
  ISE_CERT_CHANGED: ['host', 'pinned', 'sha256', 'subject'],
  ISE_CERT_UNTRUSTED: ['host', 'sha256', 'subject', 'reason'],
  ISE_CSRF_REQUIRED: ['host', 'api'],
  ISE_FEATURE_UNSUPPORTED: ['feature', 'version', 'minimum'],
  ISE_API_ERROR: ['api', 'path', 'status'],
  ISE_NODE_NO_EGRESS: ['node', 'host', 'port', 'laptopProxy', 'reason'],
  ISE_CA_MISSING: ['subject', 'sha256', 'hosts'],
  ISE_CA_EXPIRED: ['subject', 'sha256', 'hosts', 'iseName'],
  ISE_GUEST_SENDER_MISMATCH: ['actual', 'mailbox'],
  ISE_GUEST_SENDER_NOT_DEFAULT: ['mailbox'],
  ISE_GUEST_NOTIFICATIONS_OFF: [],
  ISE_CA_IMPORT_FAILED: ['subject', 'sha256', 'status'],
  ISE_CA_NOT_READ_BACK: ['subject', 'sha256'],
};

describe('ISE API finding texts', () => {
  for (const lng of LOCALES) {
    it(`${lng}: title, cause and fix for every ISE finding, using only its params`, () => {
      const findings = ((readLocale(lng) as Tree)['iseApi'] as Tree)['findings'] as Tree;
      for (const code of ISE_API_FINDING_CODES) {
        const t = findings[code] as Tree | undefined;
        expect(t, `${lng} ${code}`).toBeDefined();
        for (const part of ['title', 'cause', 'fix']) {
          const text = t![part];
          expect(typeof text, `${lng} ${code}.${part}`).toBe('string');
          const used = [...placeholders(text as string)];
          expect(used.filter((p) => !ISE_FINDING_PARAMS[code].includes(p)), `${lng} ${code}.${part}`).toEqual([]);
        }
      }
    });
  }
  it('names no code the catalog does not have', () => {
    const en = (((readLocale('en') as Tree)['iseApi'] as Tree)['findings'] as Tree);
    expect(Object.keys(en).sort()).toEqual([...ISE_API_FINDING_CODES].sort());
  });
});
