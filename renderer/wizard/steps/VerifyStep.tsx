import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MailboxSchema } from '../../../shared/validators';
import { HandOffActions } from '../../components/HandOffActions';
import { Instructions } from '../../components/Instructions';
import { checkBlockedReason } from '../blocked';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { StepLayout } from '../StepLayout';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';
import { formatDateTime } from '../../i18n/format';

const schema = z.object({ sendTo: z.union([z.literal(''), MailboxSchema]) });

/** Step 5: the full diagnostic as ISE will run it, an optional test mail, and the verified state. */
export function VerifyStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const { bind, errorOf, submit, running, callError, report } = useStepForm(wizard, 'verify', schema, { sendTo: wizard.draft.sendTo });
  const last = wizard.profile?.lastVerification;
  const shown = report ?? last ?? undefined;
  return (
    <StepLayout
      screen="verify"
      onGo={wizard.go}
      onSubmit={submit}
      callError={callError}
      instructions={<Instructions testId="instructions-verify" items={[{ key: 'wizard.verify.do1' }, { key: 'wizard.verify.do2' }, { key: 'wizard.verify.do3' }]} />}
      fields={
        <Field label={t('wizard.verify.sendTo')} hint={t('wizard.verify.sendToHint')} validationMessage={errorOf('sendTo')}>
          <Input {...bind('sendTo', { save: false })} type="email" autoComplete="off" spellCheck={false} placeholder="engineer@contoso.com" />
        </Field>
      }
      check={
        <>
          <div aria-live="polite">
            {last?.ok && (
              <MessageBar intent="success" data-testid="verified">
                <MessageBarBody>
                  <MessageBarTitle>{t('wizard.verify.verifiedTitle')}</MessageBarTitle>
                  {t('wizard.verify.verifiedAt', { time: formatDateTime(last.startedAt, i18n.language) })}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          {last?.ok && wizard.profile && <HandOffActions profile={wizard.profile} onAnotherSite={wizard.openStart} />}
          <CheckPanel
            screen="verify"
            report={shown} stale={wizard.staleReason(shown)}
            running={running}
            blockedReason={checkBlockedReason(wizard, t)}
            checkLabel={t('wizard.verify.run')}
            renderFindings={(r) => <FindingList report={r} screen="verify" objectId={wizard.profile?.servicePrincipalObjectId} />}
          />
        </>
      }
    />
  );
}
