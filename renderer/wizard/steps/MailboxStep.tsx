import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MailboxSchema } from '../../../shared/validators';
import { Instructions } from '../../components/Instructions';
import { checkBlockedReason } from '../blocked';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { StepLayout } from '../StepLayout';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';

const schema = z.object({ mailbox: MailboxSchema });

/** Step 1: the sender mailbox, with Authenticated SMTP allowed. */
export function MailboxStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { bind, errorOf, submit, running, callError, report } = useStepForm(wizard, 'mailbox', schema, { mailbox: wizard.draft.mailbox });
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
            { key: 'wizard.mailbox.do4', link: 'smtpAuthDocs' },
            { key: 'wizard.mailbox.do5', link: 'securityDefaults' },
          ]}
        />
      }
      fields={
        <Field label="Email Address" hint={t('wizard.mailbox.mailboxHint')} validationMessage={errorOf('mailbox')} required>
          <Input {...bind('mailbox')} type="email" autoComplete="off" spellCheck={false} placeholder="no-reply@contoso.onmicrosoft.com" />
        </Field>
      }
      check={
        <CheckPanel
          screen="mailbox"
          report={report}
          running={running}
          blockedReason={checkBlockedReason(wizard, t)}
          renderFindings={(r) => <FindingList report={r} />}
        />
      }
    />
  );
}
