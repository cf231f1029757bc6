import type { TFunction } from 'i18next';
import type { CallError } from '../../shared/contract';
import { isValidationKey } from '../../shared/validators';
import type { WizardScreen } from '../../shared/steps';
import { callErrorText } from '../profiles/callErrorText';

/**
 * A contract field (the last part of a call error's `field`, e.g. `changes.secretExpiry`) as the
 * user knows it: ISE's own English names for the values ISE shows (DESIGN §4), the wizard's
 * translated labels for the rest, and the step where it is typed.
 */
const FIELDS: Record<string, { label: string | { key: string }; step?: WizardScreen; form?: string }> = {
  mailbox: { label: 'Email Address', step: 'mailbox' },
  siteName: { label: { key: 'wizard.mailbox.siteLabel' }, step: 'mailbox' },
  tenantId: { label: 'Tenant ID', step: 'app-registration' },
  clientId: { label: 'Client ID', step: 'app-registration' },
  secret: { label: 'Client Secret', step: 'app-registration', form: 'clientSecret' },
  clientSecret: { label: 'Client Secret', step: 'app-registration' },
  secretExpiry: { label: 'Expiry Date', step: 'app-registration' },
  route: { label: { key: 'wizard.service-principal.route' }, step: 'service-principal' },
  servicePrincipalObjectId: { label: { key: 'wizard.service-principal.objectId' }, step: 'service-principal' },
  iseVersion: { label: { key: 'uxForm.fields.iseVersion' }, step: 'ise' },
  name: { label: { key: 'uxForm.fields.name' } },
  customer: { label: { key: 'uxForm.fields.customer' } },
  smtpHost: { label: 'SMTP Server' },
  smtpPort: { label: 'SMTP Port' },
  scope: { label: 'Scope' },
  sendTo: { label: { key: 'wizard.verify.sendTo' }, step: 'verify' },
  // The ISE API connection on the ISE step (issue 15).
  host: { label: { key: 'iseApi.host' }, step: 'ise' },
  username: { label: { key: 'iseApi.username' }, step: 'ise' },
  password: { label: { key: 'iseApi.password' }, step: 'ise' },
};

/** The contract's field name in a call error's dotted path (`changes.secretExpiry` → `secretExpiry`). */
export function errorFieldName(error: CallError): string | undefined {
  const last = error.field?.split('.').pop();
  return last && Object.prototype.hasOwnProperty.call(FIELDS, last) ? last : undefined;
}

/** The form field a call error belongs to (`secret` is typed as `clientSecret`). */
export function errorFormField(error: CallError): string | undefined {
  const name = errorFieldName(error);
  return name ? (FIELDS[name]!.form ?? name) : undefined;
}

/** The rule the value broke (a key of the validation texts), when main named one. */
export function errorRule(error: CallError): string | undefined {
  const rule = error.params?.['rule'];
  return error.code === 'INVALID_INPUT' && rule && isValidationKey(rule) ? rule : undefined;
}

export function fieldLabel(t: TFunction, field: string): string {
  const label = FIELDS[field]?.label;
  if (!label) return field;
  return typeof label === 'string' ? label : t(label.key);
}

/**
 * Every failed call in the user's words and language: a rejected value names its field (and,
 * when it is typed on another step, that step) with the rule's translated text; the profile
 * store's and the import's codes have their own texts; nothing shows main's English message
 * except a code no text knows yet.
 */
export function callErrorMessage(t: TFunction, error: CallError, here?: WizardScreen): string {
  const opts = { interpolation: { escapeValue: false } };
  if (error.code === 'INVALID_INPUT') {
    const name = errorFieldName(error);
    const rule = errorRule(error);
    if (!name) return t('uxForm.error.invalid');
    const field = fieldLabel(t, name);
    if (!rule) return t('uxForm.error.fieldInvalid', { field, ...opts });
    const message = t(`validation.${rule}`);
    const step = FIELDS[name]!.step;
    return step && step !== here
      ? t('uxForm.error.fieldOnStep', { field, step: t(`app.steps.${step}.title`), message, ...opts })
      : t('uxForm.error.field', { field, message, ...opts });
  }
  if (error.code === 'DRAFT_SECRET_NONE') return t('uxForm.error.draftSecretNone');
  if (error.code === 'INTERNAL') return t('uxForm.error.internal');
  return callErrorText(t, error);
}
