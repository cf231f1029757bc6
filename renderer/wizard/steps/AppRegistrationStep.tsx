import { Badge, Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ClientIdSchema, ClientSecretSchema, ExpiryDateSchema, looksLikeSecretId, TenantIdSchema } from '../../../shared/validators';
import { Instructions } from '../../components/Instructions';
import { checkBlockedReason } from '../blocked';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { RoutePicker } from '../RoutePicker';
import { StepLayout } from '../StepLayout';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';

const optionalExpiry = z.union([z.literal(''), ExpiryDateSchema]);

function schemaFor(secretStored: boolean, secretKept: boolean) {
  return z.object({
    tenantId: TenantIdSchema,
    clientId: ClientIdSchema,
    // A stored (or kept) secret need not be typed again; a new one must be a Value, not a Secret ID.
    clientSecret: secretStored || secretKept ? z.union([z.literal(''), ClientSecretSchema]) : ClientSecretSchema,
    secretExpiry: optionalExpiry,
  });
}

const EXPIRY_COLOR = { ok: 'success', warn30: 'warning', warn7: 'danger', expired: 'danger' } as const;

/** Step 2: the Entra app registration: IDs, the secret's Value and expiry, SMTP.SendAsApp with admin consent. */
export function AppRegistrationStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const profile = wizard.profile;
  const secretStored = profile?.secretStored ?? false;
  const kept = wizard.draftSecret.status;
  const { form, bind, errorOf, submit, running, callError, setCallError, report } = useStepForm(wizard, 'app-registration', schemaFor(secretStored, kept.kept), {
    tenantId: wizard.draft.tenantId,
    clientId: wizard.draft.clientId,
    clientSecret: '',
    secretExpiry: wizard.draft.secretExpiry,
  });
  const [secretSaved, setSecretSaved] = useState(false);
  const typedSecret = form.watch('clientSecret') ?? '';
  // Warn while typing, before any blur: the Secret ID column is the classic mistake.
  const secretLooksLikeId = typedSecret !== '' && looksLikeSecretId(typedSecret);
  const secretReg = form.register('clientSecret');
  const secretError = errorOf('clientSecret');

  // A kept secret that breaks a rule (a Secret ID typed before a reload) shows why at once.
  useEffect(() => {
    if (kept.kept && kept.problem && !form.getValues('clientSecret')) form.setError('clientSecret', { type: 'server', message: kept.problem });
    if (!kept.kept && form.formState.errors.clientSecret?.type === 'server') form.clearErrors('clientSecret');
  }, [kept.kept, kept.problem]);

  const saveSecret = async () => {
    const value = form.getValues('clientSecret');
    if (!value || !(await form.trigger('clientSecret'))) return;
    const outcome = await wizard.setSecret(value);
    if (outcome.state === 'error') return setCallError(outcome.error);
    // The secret is now in main (saved, or kept in its memory for the profile): never shown back.
    form.setValue('clientSecret', '');
    setSecretSaved(true);
  };

  const expiry = profile?.secretExpiryStatus;
  return (
    <StepLayout
      screen="app-registration"
      onGo={wizard.go}
      onSubmit={(e) => {
        // A typed secret is stored before the check runs, so the check uses it.
        void (async () => {
          await saveSecret();
          await submit(e);
        })();
        e.preventDefault();
      }}
      callError={callError}
      instructions={
        <Instructions
          testId="instructions-app-registration"
          items={[
            { key: 'wizard.app-registration.do1', link: 'appRegistrations' },
            { key: 'wizard.app-registration.do2' },
            { key: 'wizard.app-registration.do3' },
            // App RBAC: no Entra permission at all (the token must carry no roles).
            { key: wizard.draft.route === 'app-rbac' ? 'advice.appRegistration.rbacNoPermission' : 'wizard.app-registration.do4' },
            { key: 'wizard.app-registration.do5', link: 'oauthSmtpDocs' },
            { key: 'advice.roles.appRegistration' },
          ]}
        />
      }
      fields={
        <>
          <RoutePicker wizard={wizard} />
          <Field label="Tenant ID" hint={t('wizard.app-registration.tenantHint')} validationMessage={errorOf('tenantId')} required>
            <Input {...bind('tenantId')} autoComplete="off" spellCheck={false} placeholder="0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" />
          </Field>
          <Field label="Client ID" hint={t('wizard.app-registration.clientHint')} validationMessage={errorOf('clientId')} required>
            <Input {...bind('clientId')} autoComplete="off" spellCheck={false} placeholder="0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" />
          </Field>
          <Field
            label="Client Secret"
            // The stored secret's status is stated once, in the line below the field (issue 13 point 11).
            hint={secretStored ? t('uxForm.secret.replaceHint') : t('wizard.app-registration.secretHint')}
            validationMessage={secretError ?? (secretLooksLikeId ? t('validation.secretLooksLikeId') : undefined)}
            validationState={secretError ? 'error' : secretLooksLikeId ? 'warning' : 'none'}
            required={!secretStored && !kept.kept}
          >
            <Input
              {...secretReg}
              value={typedSecret}
              id="field-clientSecret"
              type="password"
              autoComplete="off"
              data-testid="client-secret"
              {...(kept.kept && typedSecret === '' ? { placeholder: t('uxForm.secret.keptPlaceholder', { count: kept.length ?? 0 }) } : {})}
              onChange={async (ev) => {
                // Every keystroke goes to main's memory, so navigation or a reload loses nothing.
                void wizard.draftSecret.keep(ev.target.value);
                await secretReg.onChange(ev);
                if (form.getFieldState('clientSecret').error) await form.trigger('clientSecret');
              }}
              onBlur={async (ev) => {
                await secretReg.onBlur(ev);
                await saveSecret();
              }}
            />
          </Field>
          <div aria-live="polite">
            {kept.kept ? (
              <MessageBar intent="info" data-testid="secret-kept">
                <MessageBarBody>
                  <span data-testid="secret-status">{t('uxForm.secret.kept', { count: kept.length ?? 0 })}</span>
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    size="small"
                    type="button"
                    data-testid="forget-secret"
                    onClick={() => {
                      form.setValue('clientSecret', '');
                      form.clearErrors('clientSecret');
                      void wizard.draftSecret.forget();
                    }}
                  >
                    {t('uxForm.secret.forget')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : (secretStored || secretSaved) && (
              <Text data-testid="secret-status">
                {profile?.secretStorage === 'session' ? t('uxTrouble.secret.inSession') : t('uxTrouble.secret.inKeychain')}
              </Text>
            )}
          </div>
          <Field label="Expiry Date" hint={t('wizard.app-registration.expiryHint')} validationMessage={errorOf('secretExpiry')}>
            <Input {...bind('secretExpiry')} autoComplete="off" placeholder="YYYY-MM-DD" />
          </Field>
          {expiry && (
            <div>
              <Badge appearance="tint" color={EXPIRY_COLOR[expiry.level]} data-testid="expiry-status">
                {expiry.level === 'expired' ? t('wizard.app-registration.expired') : t('wizard.app-registration.daysLeft', { count: expiry.daysLeft })}
              </Badge>
            </div>
          )}
          {!profile && (
            <MessageBar intent="info">
              <MessageBarBody>{t('wizard.app-registration.createsProfile')}</MessageBarBody>
            </MessageBar>
          )}
        </>
      }
      check={
        <CheckPanel
          screen="app-registration"
          report={report} stale={wizard.staleReason(report)}
          running={running}
          blockedReason={checkBlockedReason(wizard, t)}
          renderFindings={(r) => <FindingList report={r} screen="app-registration" objectId={wizard.profile?.servicePrincipalObjectId} />}
        />
      }
    />
  );
}
