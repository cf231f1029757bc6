import { describe, expect, it } from 'vitest';
import { BUNDLE_FILE_NAME, caFileName, sanitiseBaseName } from '../../../../electron/core/certificates';

const SHA_A = 'AB:CD:EF:01:23:45:67:89:' + Array(24).fill('00').join(':');
const SHA_B = '12:34:56:78:9A:BC:DE:F0:' + Array(24).fill('11').join(':');

describe('CA file names', () => {
  it('turn the subject CN into a safe ASCII name', () => {
    expect(sanitiseBaseName('DigiCert Global Root G2')).toBe('DigiCert_Global_Root_G2');
    expect(sanitiseBaseName('Microsoft Azure RSA TLS Issuing CA 03')).toBe('Microsoft_Azure_RSA_TLS_Issuing_CA_03');
    expect(sanitiseBaseName('Autorité de certification: racine/2 *')).toBe('Autorite_de_certification_racine_2');
    expect(sanitiseBaseName('../../etc/passwd')).toBe('etc_passwd');
    expect(sanitiseBaseName('a\\b:c?d"e<f>g|h')).toBe('a_b_c_d_e_f_g_h');
  });

  it('never give a Windows device name, an empty name or an overlong one', () => {
    expect(sanitiseBaseName('CON')).toBe('ca_CON');
    expect(sanitiseBaseName('中華電信根憑證')).toBe('');
    expect(sanitiseBaseName('x'.repeat(200)).length).toBe(64);
    expect(caFileName('中華電信根憑證', SHA_A, new Set())).toBe('ca-abcdef01.pem');
    expect(caFileName(undefined, SHA_A, new Set())).toBe('ca-abcdef01.pem');
  });

  it('stay unique within one export, case-insensitively, with the fingerprint on a clash', () => {
    const taken = new Set([BUNDLE_FILE_NAME]);
    expect(caFileName('ISRG Root X1', SHA_A, taken)).toBe('ISRG_Root_X1.pem');
    expect(caFileName('isrg root x1', SHA_B, taken)).toBe('isrg_root_x1-12345678.pem');
    expect(caFileName('ISRG Root X1', SHA_B, taken)).toBe('ISRG_Root_X1-12345678-2.pem');
    expect(caFileName('ise-trusted-ca-bundle', SHA_A, taken)).toBe('ise-trusted-ca-bundle-abcdef01.pem');
  });
});
