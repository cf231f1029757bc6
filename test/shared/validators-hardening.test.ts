import { describe, expect, it } from 'vitest';
import { ClientSecretSchema, HostSchema, isHost, validationText } from '../../shared/validators';

// Issue 17 point 11: the host rule refused nothing that merely looked like hex and dots, and an
// over-long secret was told it "is required".
describe('HostSchema', () => {
  it.each(['a..b', '...', '.', 'a.', '.a', '[1.2.3.4', '1.2.3.4]', '[::1', '999.999.999.999', '256.1.1.1', '1.2.3', '01.2.3.4', 'host.123', '::1::', '1:2:3:4:5:6:7:8:9', '[smtp.office365.com]', 'smtp..office365.com', '-a.b', 'a_b.c'])(
    'refuses %j',
    (host) => {
      expect(isHost(host)).toBe(false);
      expect(HostSchema.safeParse(host).success).toBe(false);
    },
  );

  it.each(['smtp.office365.com', 'localhost', 'login.microsoftonline.com', '127.0.0.1', '10.0.0.254', '::1', '[::1]', 'fe80::1', '2001:db8::8a2e:370:7334', '[2001:db8:0:0:0:0:0:1]', '::ffff:192.0.2.1', 'ise-pan-01', 'a1.example'])('accepts %j', (host) => {
    expect(isHost(host)).toBe(true);
    expect(HostSchema.safeParse(host).success).toBe(true);
  });
});

describe('ClientSecretSchema', () => {
  it('an over-long secret is told it is too long, not that it is required', () => {
    const result = ClientSecretSchema.safeParse('x'.repeat(1025));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('secretTooLong');
    expect(validationText('secretTooLong')).toMatch(/too long/);
    expect(ClientSecretSchema.safeParse('').error?.issues[0]?.message).toBe('secretRequired');
    expect(ClientSecretSchema.safeParse('Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789').success).toBe(true);
  });
});
