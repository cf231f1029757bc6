import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProfileFieldsSchema } from '../../../shared/contract/profiles';
import { MailboxSchema } from '../../../shared/validators';
import { Instructions } from '../../components/Instructions';
import { checkBlockedReason } from '../blocked';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { StepLayout } from '../StepLayout';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';

const schema = z.object({ mailbox: MailboxSchema, siteName: ProfileFieldsSchema.shape.siteName });

/** Step 1: the sender mailbox, with Authenticated SMTP allowed. */
export function MailboxStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { bind, errorOf, submit, running, callError, report } = useStepForm(wizard, 'mailbox', schema, {
    mailbox: wizard.draft.mailbox,
    siteName: wizard.draft.siteName,
  });
  const mailbox = wizard.draft.mailbox || 'no-reply@contoso.onmicrosoft.com';
  return (
    <StepLayout
      screen="mailbox"
      onGo={wizard.go}
      onSubmit={submit}
      callError={callError}
      instructions={
        <Instructions
          testId="instructions-mailbox"
          items={[
            { key: 'wizard.mailbox.do1', link: 'activeUsers' },
            { key: 'wizard.mailbox.do2' },
            { key: 'wizard.mailbox.do3', values: { mailbox } },
            { key: 'advice.mailbox.orgSetting', link: 'smtpAuthDocs' },
            { key: 'advice.mailbox.securityDefaults' },
            { key: 'advice.roles.mailbox' },
          ]}
        />
      }
      fields={
        <>
          <Field label="Email Address" hint={t('wizard.mailbox.mailboxHint')} validationMessage={errorOf('mailbox')} required>
            <Input {...bind('mailbox')} type="email" autoComplete="off" spellCheck={false} placeholder="no-reply@contoso.onmicrosoft.com" />
          </Field>
          <Field label={t('wizard.mailbox.siteLabel')} hint={t('wizard.mailbox.siteHint')} validationMessage={errorOf('siteName')}>
            {/* maxLength: the contract's 200 characters, so zod's English length message never shows. */}
            <Input {...bind('siteName')} autoComplete="off" maxLength={200} />
          </Field>
        </>
      }
      check={
        <CheckPanel
          screen="mailbox"
          report={report} stale={wizard.staleReason(report)}
          running={running}
          blockedReason={checkBlockedReason(wizard, t)}
          renderFindings={(r) => <FindingList report={r} screen="mailbox" objectId={wizard.profile?.servicePrincipalObjectId} />}
        />
      }
    />
  );
}
