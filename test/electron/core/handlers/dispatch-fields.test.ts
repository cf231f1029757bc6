import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { CallFailure } from '../../../../electron/core/errors/call-failure';

const handlers = {
  profileGet: async () => {
    throw new CallFailure('PROFILE_NOT_FOUND', 'upstream said Authorization: Bearer abc.def.ghi', 'profileId');
  },
} as unknown as Handlers;
const ID = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';

describe('dispatch names the field of every rejection', () => {
  it('an unknown key in a strict object is named as the field', async () => {
    expect(await dispatch(handlers, 'profileGet', { profileId: ID, client_secret: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'client_secret' } });
  });

  it('an unknown key inside a nested object is named by its dotted path', async () => {
    const r = await dispatch(handlers, 'profileUpdate', { profileId: ID, changes: { __proto__x: 1 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'changes.__proto__x' } });
  });

  it('a CallFailure message is redacted on its way out, its code and field kept', async () => {
    expect(await dispatch(handlers, 'profileGet', { profileId: ID })).toEqual({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND', message: 'upstream said Authorization: Bearer [redacted]', field: 'profileId' },
    });
  });
});
