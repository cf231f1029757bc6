import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { RotationInProgress } from '../../shared/contract/automation';
import { useTranslation } from 'react-i18next';
import { call } from '../client';
import { SecretCopyButton } from '../components/SecretCopyButton';
import { callErrorText } from '../profiles/callErrorText';
import { formatDate, formatDateTime } from '../i18n/format';
import type { AuditEntry, SetupFinding } from '../../shared/contract/automation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

type Stage = 'idle' | 'added' | 'verified' | 'notVerified' | 'completed';

/**
 * Secret rotation, step by step (issue 14 point 5): add a new secret (straight into the
 * keychain), show the one ISE field to change with the keychain copy button (the only way the
 * secret leaves main), verify with the new secret, and only on confirmation remove the old one.
 * The new Expiry Date is shown beside it: ISE's expiry alarm and the reminder follow it.
 */
export function RotationPanel(props: {
  profileName: string;
  profileId: string;
  days: number;
  disabled: boolean;
  /** A rotation left half-done, from main's record: the panel opens at its stage (issue 14 point 5). */
  resume?: RotationInProgress | undefined;
  /** Why the buttons are off (e.g. not signed in), shown beside them. */
  disabledReason?: string | undefined;
  onAudit(entries: AuditEntry[], findings: SetupFinding[]): void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [stage, setStage] = useState<Stage>(props.resume ? 'added' : 'idle');
  const [busy, setBusy] = useState<'add' | 'verify' | 'remove' | null>(null);
  const [expiry, setExpiry] = useState<string | undefined>(props.resume?.secretExpiry);
  const [oldKeyId, setOldKeyId] = useState<string | undefined>(props.resume?.previousKeyId);
  const [ask, setAsk] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function rotate(what: 'add' | 'verify' | 'remove') {
    setBusy(what);
    setError(null);
    try {
      const r = await call('automationRotate', { profileName: props.profileName, days: props.days, verify: what !== 'add', removeOld: what === 'remove' });
      if (!r.ok) {
        setError(callErrorText(t, r.error));
        return;
      }
      const v = r.value;
      props.onAudit(v.audit, v.findings);
      if (v.secretExpiry) setExpiry(v.secretExpiry);
      if (v.previousKeyId) setOldKeyId(v.previousKeyId);
      if (v.stage === 'failed') setError(t('autoFinish.rotate.failed'));
      else if (v.stage === 'completed') setStage('completed');
      else if (v.verified === true) setStage('verified');
      else if (v.verified === false) setStage('notVerified');
      else setStage('added');
    } finally {
      setBusy(null);
    }
  }

  const expiryText = expiry ? formatDate(`${expiry}T12:00:00Z`, i18n.language) : '';
  const working = busy !== null || props.disabled;
  return (
    <section className={styles.root} aria-labelledby="rotation-heading" data-testid="rotation-panel">
      <Subtitle2 as="h3" id="rotation-heading">
        {t('autoFinish.rotate.heading')}
      </Subtitle2>
      <Body1>{t('autoFinish.rotate.intro')}</Body1>
      {props.resume && stage !== 'completed' && (
        <MessageBar intent="warning" data-testid="rotation-resumed">
          <MessageBarBody>
            {props.resume.addedAt
              ? t('uxGaps.rotation.resumed', { profile: props.profileName, date: formatDateTime(props.resume.addedAt, i18n.language), interpolation: { escapeValue: false } })
              : t('uxGaps.rotation.resumedNoDate', { profile: props.profileName, interpolation: { escapeValue: false } })}
          </MessageBarBody>
        </MessageBar>
      )}
      {props.disabledReason && <Body1 data-testid="rotation-disabled-reason">{props.disabledReason}</Body1>}
      {stage === 'idle' && (
        <div className={styles.row}>
          <Button onClick={() => void rotate('add')} disabled={working} data-testid="automation-rotate">
            {t('autoFinish.rotate.add', { days: props.days })}
          </Button>
        </div>
      )}
      {stage !== 'idle' && stage !== 'completed' && (
        <ol className={styles.steps}>
          <li>
            <Body1 data-testid="rotation-added">{t('autoFinish.rotate.added', { expiry: expiryText })}</Body1>
          </li>
          <li>
            <Body1>{t('autoFinish.rotate.iseStep')}</Body1>
            <div className={styles.fields}>
              {/* ISE's own field names, in English as ISE shows them. */}
              <Field label="Client Secret">
                <SecretCopyButton profileId={props.profileId} secretStored>
                  <Caption1>{t('autoFinish.rotate.fromKeychain')}</Caption1>
                </SecretCopyButton>
              </Field>
              <Field label="Expiry Date">
                <Input readOnly value={expiry ?? ''} data-testid="rotation-expiry" aria-describedby="rotation-expiry-hint" />
                <Caption1 id="rotation-expiry-hint">{expiryText}</Caption1>
              </Field>
            </div>
          </li>
          <li>
            <div className={styles.row}>
              <Button onClick={() => void rotate('verify')} disabled={working} appearance={stage === 'added' || stage === 'notVerified' ? 'primary' : 'secondary'} data-testid="rotation-verify">
                {t('autoFinish.rotate.verify')}
              </Button>
              {busy === 'verify' && <Spinner size="tiny" label={t('autoFinish.rotate.verifying')} />}
            </div>
            {stage === 'verified' && (
              <MessageBar intent="success" data-testid="rotation-verified">
                <MessageBarBody>{t('autoFinish.rotate.verified')}</MessageBarBody>
              </MessageBar>
            )}
            {stage === 'notVerified' && (
              <MessageBar intent="warning" data-testid="rotation-not-verified">
                <MessageBarBody>{t('autoFinish.rotate.notVerified')}</MessageBarBody>
              </MessageBar>
            )}
          </li>
          <li>
            <Button onClick={() => setAsk(true)} disabled={working || stage !== 'verified'} data-testid="rotation-remove-old">
              {t('autoFinish.rotate.remove')}
            </Button>
          </li>
        </ol>
      )}
      {busy === 'add' && <Spinner size="tiny" label={t('autoFinish.rotate.adding')} />}
      {busy === 'remove' && <Spinner size="tiny" label={t('autoFinish.rotate.removing')} />}
      {stage === 'completed' && (
        <MessageBar intent="success" data-testid="rotation-done">
          <MessageBarBody>{t('autoFinish.rotate.done', { expiry: expiryText })}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={ask} modalType="alert" onOpenChange={(_, d) => !d.open && setAsk(false)}>
        <DialogSurface data-testid="rotation-remove-dialog">
          <DialogBody>
            <DialogTitle>{t('autoFinish.rotate.confirmTitle')}</DialogTitle>
            <DialogContent>
              <Body1>{t('autoFinish.rotate.confirmBody', { keyId: oldKeyId ?? '' })}</Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsk(false)} data-testid="rotation-remove-cancel">
                {t('autoFinish.rotate.cancel')}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setAsk(false);
                  void rotate('remove');
                }}
                data-testid="rotation-remove-confirm"
              >
                {t('autoFinish.rotate.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
