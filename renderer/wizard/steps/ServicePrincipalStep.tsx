import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Toast,
  ToastBody,
  ToastTitle,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Route } from '../../../shared/diagnostic-report';
import { powerShellScript } from '../../../shared/powershell';
import { ObjectIdSchema } from '../../../shared/validators';
import { fieldLabel } from '../fieldErrors';
import { scriptBlockers } from '../scriptReadiness';
import { CopyButton } from '../../components/CopyButton';
import { downloadFile } from '../../components/download';
import { Instructions } from '../../components/Instructions';
import { TOASTER_ID } from '../../components/toaster';
import { checkBlockedReason } from '../blocked';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { newestReport } from '../screens';
import { StepLayout } from '../StepLayout';
import { KEEP_CHECKING_INTERVAL_MS, useKeepChecking } from '../useKeepChecking';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';

const useStyles = makeStyles({
  script: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    maxHeight: '360px',
    overflow: 'auto',
  },
  // Not ready: dimmed and edged in the warning colour, so a glance says "do not run this yet".
  scriptInvalid: { opacity: 0.6, borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const schema = z.object({ servicePrincipalObjectId: z.union([z.literal(''), ObjectIdSchema]) });

/** Asks once, on the engineer's own click, so the success can be announced outside the window. */
function askNotificationPermission(): void {
  if ('Notification' in window && Notification.permission === 'default') void Notification.requestPermission();
}

/** Step 3: the service principal in Exchange Online, and the mailbox permission (or App RBAC). */
export function ServicePrincipalStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const { form, bind, errorOf, submit, running, setRunning, callError, report } = useStepForm(wizard, 'service-principal', schema, {
    servicePrincipalObjectId: wizard.draft.servicePrincipalObjectId,
  });
  const { draft, profile } = wizard;
  const route: Route = draft.route;
  // The token's oid is the Enterprise Application object ID: the value New-ServicePrincipal needs.
  const claims = newestReport(...Object.values(wizard.reports), profile?.lastVerification)?.claims;
  const tokenOid = claims?.oid;
  const objectId = draft.servicePrincipalObjectId || tokenOid || '';
  const script = powerShellScript({
    route,
    tenantId: draft.tenantId,
    clientId: draft.clientId,
    mailbox: draft.mailbox,
    servicePrincipalObjectId: objectId || undefined,
    profileName: profile?.name,
  });
  // A script built from values that are not valid yet is marked, and cannot be copied or saved:
  // pasted into Exchange Online it would fail half-way or grant the permission to the wrong object.
  const blockers = scriptBlockers({ tenantId: draft.tenantId, clientId: draft.clientId, mailbox: draft.mailbox, servicePrincipalObjectId: objectId });
  const blockedFields = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(blockers.map((f) => fieldLabel(t, f)));
  const scriptReady = blockers.length === 0;

  const keep = useKeepChecking(
    async () => {
      setRunning(true);
      try {
        return await wizard.runCheck('service-principal');
      } finally {
        setRunning(false);
      }
    },
    () => {
      const title = t('wizard.service-principal.keepSuccessTitle');
      const body = t('wizard.service-principal.keepSuccessBody');
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          <ToastBody>{body}</ToastBody>
        </Toast>,
        { intent: 'success', timeout: 10_000 },
      );
      if ('Notification' in window && Notification.permission === 'granted') new Notification(title, { body });
    },
  );

  const applyTokenOid = async () => {
    if (!tokenOid) return;
    form.setValue('servicePrincipalObjectId', tokenOid, { shouldValidate: true });
    wizard.setDraftValue('servicePrincipalObjectId', tokenOid);
    await wizard.saveField('servicePrincipalObjectId', tokenOid);
  };

  const classic = route === 'classic';
  return (
    <StepLayout
      screen="service-principal"
      onGo={wizard.go}
      onSubmit={submit}
      callError={callError}
      instructions={
        <Instructions
          testId="instructions-service-principal"
          items={
            classic
              ? [
                  { key: 'wizard.service-principal.classic1' },
                  { key: 'wizard.service-principal.do2', link: 'enterpriseApps' },
                  { key: 'wizard.service-principal.do3', link: 'exoPowerShellDocs' },
                  { key: 'wizard.service-principal.classic4' },
                  { key: 'wizard.service-principal.do5' },
                  { key: 'advice.roles.servicePrincipal' },
                ]
              : [
                  { key: 'wizard.service-principal.rbac1', link: 'appRbacDocs' },
                  { key: 'wizard.service-principal.do2', link: 'enterpriseApps' },
                  { key: 'wizard.service-principal.do3', link: 'exoPowerShellDocs' },
                  { key: 'wizard.service-principal.rbac4' },
                  { key: 'wizard.service-principal.do5' },
                  { key: 'advice.servicePrincipal.rbacTest' },
                  { key: 'advice.roles.servicePrincipal' },
                ]
          }
        />
      }
      fields={
        <>
          <Field label={t('wizard.service-principal.route')}>
            <RadioGroup
              value={route}
              data-testid="route"
              onChange={(_e, data) => {
                wizard.setDraftValue('route', data.value);
                void wizard.saveField('route', data.value);
              }}
            >
              <Radio value="classic" label={t('wizard.service-principal.routeClassic')} />
              <Radio value="app-rbac" label={t('wizard.service-principal.routeRbac')} />
            </RadioGroup>
          </Field>
          <Field label={t('wizard.service-principal.objectId')} hint={t('wizard.service-principal.objectIdHint')} validationMessage={errorOf('servicePrincipalObjectId')}>
            <Input {...bind('servicePrincipalObjectId')} autoComplete="off" spellCheck={false} placeholder="0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" />
          </Field>
          {tokenOid ? (
            <MessageBar intent="info" data-testid="token-oid">
              <MessageBarBody>
                <MessageBarTitle>{t('wizard.service-principal.oidTitle')}</MessageBarTitle>
                <code>{tokenOid}</code> — {t('wizard.service-principal.oidExplain')}
                {tokenOid !== draft.servicePrincipalObjectId && (
                  <div>
                    <Button size="small" type="button" onClick={() => void applyTokenOid()} data-testid="use-token-oid">
                      {t('wizard.service-principal.useOid')}
                    </Button>
                  </div>
                )}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Body1>{t('wizard.service-principal.oidUnknown')}</Body1>
          )}
        </>
      }
      check={
        <>
          <MessageBar intent="warning">
            <MessageBarBody>{t('wizard.service-principal.propagation')}</MessageBarBody>
          </MessageBar>
          <CheckPanel
            screen="service-principal"
            report={report} stale={wizard.staleReason(report)}
            running={running}
            blockedReason={checkBlockedReason(wizard, t)}
            renderFindings={(r) => <FindingList report={r} screen="service-principal" objectId={wizard.profile?.servicePrincipalObjectId} />}
            extra={
              keep.active ? (
                <Button type="button" onClick={keep.stop} data-testid="keep-checking-stop">
                  {t('wizard.service-principal.keepStop')}
                </Button>
              ) : (
                <Button
                  type="button"
                  disabled={running || !!checkBlockedReason(wizard, t)}
                  data-testid="keep-checking"
                  onClick={() => {
                    askNotificationPermission();
                    keep.start();
                  }}
                >
                  {t('wizard.service-principal.keepStart')}
                </Button>
              )
            }
          />
          {keep.active && (
            <Field
              label={t('wizard.service-principal.keepLabel')}
              hint={t('wizard.service-principal.keepProgress', { count: keep.attempts, seconds: Math.ceil(keep.remainingMs / 1000) })}
              data-testid="keep-checking-progress"
            >
              <ProgressBar value={keep.remainingMs ? 1 - keep.remainingMs / KEEP_CHECKING_INTERVAL_MS : undefined} />
            </Field>
          )}
        </>
      }
    >
      <section className={styles.section} aria-labelledby="ps-heading">
        <Subtitle2 as="h2" id="ps-heading">
          {t('wizard.service-principal.psHeading')}
        </Subtitle2>
        {!scriptReady && (
          <MessageBar intent="warning" data-testid="powershell-invalid" id="ps-invalid">
            <MessageBarBody>
              <MessageBarTitle>{t('uxForm.ps.invalidTitle')}</MessageBarTitle>
              {t('uxForm.ps.invalid', { fields: blockedFields, interpolation: { escapeValue: false } })}
            </MessageBarBody>
          </MessageBar>
        )}
        <pre
          className={scriptReady ? styles.script : `${styles.script} ${styles.scriptInvalid}`}
          data-testid="powershell"
          data-valid={scriptReady}
          tabIndex={0}
          aria-labelledby="ps-heading"
          {...(scriptReady ? {} : { 'aria-describedby': 'ps-invalid' })}
        >
          {script}
        </pre>
        <div className={styles.row}>
          <CopyButton value={scriptReady ? script : ''} what={t('wizard.service-principal.psWhat')} testId="copy-powershell" />
          <Button type="button" size="small" disabled={!scriptReady} onClick={() => downloadFile({ fileName: `ise-smtp-oauth-${route}.ps1`, mimeType: 'text/plain;charset=utf-8', content: script })} data-testid="save-ps1">
            {t('wizard.service-principal.savePs1')}
          </Button>
          {!scriptReady && <Body1 data-testid="powershell-disabled-reason">{t('uxForm.ps.disabledReason', { fields: blockedFields, interpolation: { escapeValue: false } })}</Body1>}
        </div>
      </section>
    </StepLayout>
  );
}
