import { describe, expect, it } from 'vitest';
import { parseError } from '../../../../electron/core/exchange/client';
import { isExchangeApiUnavailable } from '../../../../electron/core/automation/findings';

describe('InvokeCommand error parsing (as ExoHelper / CIPP read it)', () => {
  it('takes ErrorId|ExceptionType|text from details[].message (the captured NotFound shape)', () => {
    const e = parseError(404, { error: { code: 'NotFound', message: 'Error executing cmdlet', details: [{ code: 'Client', target: '', message: "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'x@contoso.onmicrosoft.com' couldn't be found." }] } }, 'req-1', 'Get-Mailbox');
    expect(e.notFound).toBe(true);
    expect(e.exceptionType).toBe('Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException');
    expect(e.text).toMatch(/couldn't be found/);
    expect(e.requestId).toBe('req-1');
    expect(isExchangeApiUnavailable(e)).toBe(false);
  });

  it('401 "User is not allowed to call" is a missing role, not an unavailable API', () => {
    const e = parseError(401, { error: { code: 'Unauthorized', message: 'User is not allowed to call Get-Mailbox', innererror: { message: 'User is not allowed to call Get-Mailbox' } } }, undefined, 'Get-Mailbox');
    expect(e.notAllowed).toBe(true);
    expect(isExchangeApiUnavailable(e)).toBe(false);
  });

  it('403 with no body (unknown cmdlet / endpoint refused) means: fall back to PowerShell', () => {
    const e = parseError(403, undefined, undefined, 'New-ServicePrincipal');
    expect(e.code).toBe('empty');
    expect(isExchangeApiUnavailable(e)).toBe(true);
  });
});
