import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { secureContextFor } from '../../../../electron/core/diagnostics/tls-context';
import { resolveOptions } from '../../../../electron/core/diagnostics/options';

// Two real certificates standing in for an extra CA (a TLS-inspecting proxy's, the practice CA).
const CA_A = rootCertificates[0]!;
const CA_B = rootCertificates[1]!;

describe('one TLS context per CA set', () => {
  it('the same CA text gives the same context; another CA text another one', () => {
    const a = secureContextFor(CA_A);
    expect(secureContextFor(CA_A)).toBe(a);
    const b = secureContextFor(CA_B);
    expect(b).not.toBe(a);
    expect(secureContextFor(undefined)).toBe(secureContextFor(undefined));
    expect(secureContextFor(undefined)).not.toBe(a);
  });

  it('a diagnosis resolves its options to one shared context, reused by the next run with the same CA', async () => {
    const base = { tenantId: 't', clientId: 'c', mailbox: 'm@contoso.com', caPem: CA_A };
    const first = await resolveOptions(base, {});
    const second = await resolveOptions(base, {});
    expect(first.secureContext).toBe(second.secureContext);
    expect((await resolveOptions({ ...base, caPem: undefined }, {})).secureContext).not.toBe(first.secureContext);
  });
});
