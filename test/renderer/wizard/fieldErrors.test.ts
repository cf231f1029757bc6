import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../electron/core/handlers/dispatch';
import { VALIDATION_MESSAGES } from '../../../shared/validators';
import { PROFILE_FIELD_NAMES } from '../../../renderer/profiles/draft';
import { callErrorMessage, errorFormField, fieldLabel } from '../../../renderer/wizard/fieldErrors';
import { LOCALES, readLocale, type Tree } from '../../support/locale-files';

const ID = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';
const never = {} as Handlers; // the rule refuses the input before any handler runs

beforeAll(async () => {
  const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: readLocale(lng) as Tree }]));
  await i18next.init({ resources, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

async function refusal(changes: Record<string, unknown>) {
  const r = await dispatch(never, 'profileUpdate', { profileId: ID, changes });
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('a value main refuses, in the user\'s words', () => {
  it('carries its rule key, and reads as the field and the translated rule, never main\'s English', async () => {
    const error = await refusal({ secretExpiry: '2027-13-01' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'changes.secretExpiry', params: { rule: 'expiry' } });
    const de = i18next.getFixedT('de');
    expect(callErrorMessage(de, error, 'app-registration')).toBe('Expiry Date: Geben Sie ein Datum als JJJJ-MM-TT (YYYY-MM-DD) ein.');
    // From another step it names the step where the field is.
    expect(callErrorMessage(de, error, 'mailbox')).toBe('Expiry Date (Schritt App-Registrierung): Geben Sie ein Datum als JJJJ-MM-TT (YYYY-MM-DD) ein.');
    for (const lng of LOCALES) expect(callErrorMessage(i18next.getFixedT(lng), error, 'mailbox')).not.toMatch(/must be|secretExpiry/);
  });

  it('belongs to the form field it names (the secret is typed as clientSecret)', async () => {
    expect(errorFormField(await refusal({ tenantId: 'x' }))).toBe('tenantId');
    expect(errorFormField({ code: 'INVALID_INPUT', message: 'secret …', field: 'secret', params: { rule: 'secretLooksLikeId' } })).toBe('clientSecret');
  });

  it('a refusal without a known rule still names the field, translated', async () => {
    const en = i18next.getFixedT('en');
    const tooLong = await refusal({ customer: 'x'.repeat(201) });
    expect(tooLong.params).toBeUndefined();
    expect(callErrorMessage(en, tooLong)).toBe('Customer is not valid: check the value and try again.');
    expect(callErrorMessage(en, { code: 'INVALID_INPUT', message: 'input invalid' })).toBe(en('uxForm.error.invalid'));
  });

  it('an unexpected fault is not shown as main\'s English', () => {
    expect(callErrorMessage(i18next.getFixedT('it'), { code: 'INTERNAL', message: 'internal error in profileUpdate' })).toBe(i18next.getFixedT('it')('uxForm.error.internal'));
  });

  it('every field the wizard edits has a label, and every rule a text in every language', () => {
    const en = i18next.getFixedT('en');
    for (const field of PROFILE_FIELD_NAMES) expect(fieldLabel(en, field), field).not.toBe(field);
    for (const lng of LOCALES) {
      const t = i18next.getFixedT(lng);
      for (const rule of Object.keys(VALIDATION_MESSAGES)) expect(t(`validation.${rule}`), `${lng} ${rule}`).not.toBe(`validation.${rule}`);
    }
  });
});
