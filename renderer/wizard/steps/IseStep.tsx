import {
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  SpinButton,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { iseSheet } from '../../../shared/ise-sheet';
import { ISE_TRAINS, iseVerdict, joinIseVersion, splitIseVersion, type IseTrain } from '../../../shared/ise-version';
import { CopyButton } from '../../components/CopyButton';
import { SecretCopyButton } from '../../components/SecretCopyButton';
import { Instructions } from '../../components/Instructions';
import { IseAdvice } from '../IseAdvice';
import { checkBlockedReason } from '../blocked';
import { fieldLabel } from '../fieldErrors';
import { scriptBlockers, type ScriptValues } from '../scriptReadiness';
import { CheckPanel } from '../CheckPanel';
import { FindingList } from '../FindingList';
import { StepLayout } from '../StepLayout';
import { useStepForm } from '../useStepForm';
import type { Wizard } from '../step';

const useStyles = makeStyles({
  pickers: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  sheetValue: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  valueInput: { minWidth: 0, flexGrow: 1 },
  reason: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1, marginTop: tokens.spacingVerticalXXS },
  labelCol: { width: '24%' },
  valueCol: { width: '46%' },
  noteCol: { width: '30%' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  disclosure: { '& > summary': { cursor: 'pointer', display: 'list-item' }, '& > summary > h2': { display: 'inline' } },
});

// Its own chunk: the chain tables load with the ISE step, not with the welcome screen.
const CertificateChains = lazy(() => import('../../components/CertificateChains').then((m) => ({ default: m.CertificateChains })));

/** The sheet rows whose value comes from a typed field that must be valid (the token endpoint is built from the Tenant ID). */
const ROW_FIELD: Partial<Record<string, keyof ScriptValues>> = {
  'Email Address': 'mailbox',
  'Client ID': 'clientId',
  'Tenant ID': 'tenantId',
  'OAuth Token Endpoint API': 'tenantId',
};

const NODES = ['guestExpiry', 'alarms', 'portals', 'passwordExpiry'] as const;

// Reading ISE through its API (issue 15): its own chunk, mounted here.
const IseApiPanel = lazy(() => import('./ise-api/IseApiPanel').then((m) => ({ default: m.IseApiPanel })));

/** Step 4: the values to type into ISE, ISE's version, which node sends what, and the sender settings. */
export function IseStep({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { submit, running, callError, report } = useStepForm(wizard, 'ise', z.object({}), {});
  const { draft, profile } = wizard;
  const initial = splitIseVersion(draft.iseVersion);
  const [train, setTrain] = useState<IseTrain | ''>(initial.train);
  const [patch, setPatch] = useState<number>(initial.patch);
  const verdict = iseVerdict(train, patch);

  const saveVersion = (nextTrain: IseTrain | '', nextPatch: number) => {
    const value = nextTrain ? joinIseVersion(nextTrain, nextPatch) : '';
    wizard.setDraftValue('iseVersion', value);
    void wizard.saveField('iseVersion', value);
  };

  const rows = iseSheet({
    mailbox: draft.mailbox,
    tenantId: draft.tenantId,
    clientId: draft.clientId,
    secretExpiry: draft.secretExpiry || undefined,
    smtpHost: profile?.smtpHost,
    smtpPort: profile?.smtpPort,
    scope: profile?.scope,
  });

  // The same rule as the PowerShell (issue 13 point 3): a value typed into ISE that is not valid
  // yet is marked and cannot be copied, so ISE never gets an empty or wrong ID. No object ID here.
  const blockers = scriptBlockers({ tenantId: draft.tenantId, clientId: draft.clientId, mailbox: draft.mailbox, servicePrincipalObjectId: '' });
  const blockedFields = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(blockers.map((f) => fieldLabel(t, f)));

  return (
    <StepLayout
      screen="ise"
      onGo={wizard.go}
      onSubmit={submit}
      callError={callError}
      instructions={
        <Instructions
          testId="instructions-ise"
          items={[{ key: 'wizard.ise.do1' }, { key: 'wizard.ise.do2' }, { key: 'wizard.ise.do3' }, { key: 'wizard.ise.do4' }, { key: 'wizard.ise.do5', link: 'iseGuide' }]}
        />
      }
      fields={
        <>
          <div className={styles.pickers}>
            <Field label={t('wizard.ise.version')}>
              <Select
                value={train}
                data-testid="ise-train"
                onChange={(_e, data) => {
                  const next = data.value as IseTrain | '';
                  setTrain(next);
                  saveVersion(next, patch);
                }}
              >
                <option value="">{t('wizard.ise.versionUnknown')}</option>
                {ISE_TRAINS.map((v) => (
                  <option key={v} value={v}>
                    {`ISE ${v}`}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('wizard.ise.patch')}>
              <SpinButton
                value={patch}
                min={0}
                max={30}
                data-testid="ise-patch"
                onChange={(_e, data) => {
                  const raw = data.value ?? Number(data.displayValue);
                  const next = Number.isFinite(raw) ? Math.max(0, Math.min(30, Math.round(Number(raw)))) : 0;
                  setPatch(next);
                  saveVersion(train, next);
                }}
              />
            </Field>
          </div>
          <div aria-live="polite" data-testid="ise-verdict" data-state={verdict.state}>
            {verdict.state !== 'unknown' && (
              <MessageBar intent={verdict.state === 'supported' ? 'success' : 'error'}>
                <MessageBarBody>
                  {verdict.state === 'supported'
                    ? t('wizard.ise.supported', { version: joinIseVersion(train as IseTrain, patch) })
                    : t('wizard.ise.unsupported', { version: joinIseVersion(train as IseTrain, patch), required: verdict.required })}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      }
      check={
        <CheckPanel screen="ise" report={report} stale={wizard.staleReason(report)} running={running} blockedReason={checkBlockedReason(wizard, t)} renderFindings={(r) => <FindingList report={r} screen="ise" objectId={wizard.profile?.servicePrincipalObjectId} />} />
      }
    >
      <Suspense fallback={<Spinner size="tiny" />}>
        <IseApiPanel wizard={wizard} />
      </Suspense>
      <section className={styles.section} aria-labelledby="sheet-heading" data-testid="ise-sheet">
        <Subtitle2 as="h2" id="sheet-heading">
          {t('wizard.ise.sheetHeading')}
        </Subtitle2>
        <Text>{t('wizard.ise.sheetIntro')}</Text>
        {blockers.length > 0 && (
          <MessageBar intent="warning" data-testid="ise-sheet-invalid" id="ise-sheet-invalid">
            <MessageBarBody>
              <MessageBarTitle>{t('uxGaps.sheet.invalidTitle')}</MessageBarTitle>
              {t('uxGaps.sheet.invalid', { fields: blockedFields, interpolation: { escapeValue: false } })}
            </MessageBarBody>
          </MessageBar>
        )}
        <Table size="small" aria-labelledby="sheet-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.labelCol}>{t('wizard.ise.colField')}</TableHeaderCell>
              <TableHeaderCell className={styles.valueCol}>{t('wizard.ise.colValue')}</TableHeaderCell>
              <TableHeaderCell className={styles.noteCol}>{t('wizard.ise.colNote')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const id = `sheet-${row.label.replace(/\s+/g, '-').toLowerCase()}`;
              const field = ROW_FIELD[row.label];
              const blocked = field && blockers.includes(field) ? field : undefined;
              return (
                <TableRow key={row.label}>
                  {/* ISE's own English label is the value's accessible name (a stable interface, DESIGN §4). */}
                  <TableCell>
                    <label htmlFor={id}>{row.label}</label>
                  </TableCell>
                  <TableCell>
                    {row.label === 'Client Secret' ? (
                      // Never the placeholder on the clipboard: the real secret, from main, on this click only.
                      <SecretCopyButton profileId={profile?.id} secretStored={profile?.secretStored ?? false}>
                        <Input id={id} className={styles.valueInput} readOnly value={t('ux.secret.fromKeychain')} size="small" data-testid={id} />
                      </SecretCopyButton>
                    ) : blocked ? (
                      <div className={styles.sheetValue}>
                        <Input id={id} className={styles.valueInput} readOnly value={row.value} size="small" data-testid={id} data-valid="false" aria-invalid="true" aria-describedby={`${id}-reason`} />
                        <CopyButton value="" what={row.label} testId={`${id}-copy`} />
                      </div>
                    ) : (
                      <div className={styles.sheetValue}>
                        <Input id={id} className={styles.valueInput} readOnly value={row.value} size="small" data-testid={id} />
                        <CopyButton value={row.value} what={row.label} testId={`${id}-copy`} />
                      </div>
                    )}
                    {blocked && (
                      <Text size={200} id={`${id}-reason`} className={styles.reason} data-testid={`${id}-reason`}>
                        {t('uxGaps.sheet.disabledReason', { field: fieldLabel(t, blocked), interpolation: { escapeValue: false } })}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell>{row.noteKey ? <Text size={200}>{t(`wizard.ise.notes.${row.noteKey}`)}</Text> : null}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
      {/*
        MOUNT POINT for the ISE API panel (helper "ise"): mount its component here, between the
        values to type into ISE and the reference parts below, e.g. <IseApiPanel wizard={wizard} />.
      */}
      <section className={styles.section} aria-labelledby="nodes-heading">
        <MessageBar intent="info">
          <MessageBarBody>{t('wizard.ise.reach', { smtpHost: rows[0]?.value ?? '', smtpPort: rows[1]?.value ?? '' })}</MessageBarBody>
        </MessageBar>
        {/* Reference: folded, so the step's own work stays in view (issue 13 point 4). */}
        <details className={styles.disclosure} data-testid="ise-nodes-disclosure">
          <summary>
            <Subtitle2 as="h2" id="nodes-heading">
              {t('wizard.ise.nodesHeading')}
            </Subtitle2>
          </summary>
        <Table size="small" aria-labelledby="nodes-heading" data-testid="ise-nodes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('wizard.ise.colMail')}</TableHeaderCell>
              <TableHeaderCell>{t('wizard.ise.colNode')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {NODES.map((n) => (
              <TableRow key={n}>
                <TableCell>{t(`wizard.ise.nodes.${n}.mail`)}</TableCell>
                <TableCell>{t(`wizard.ise.nodes.${n}.node`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </details>
      </section>
      <section className={styles.section} aria-labelledby="sender-heading">
        <Subtitle2 as="h2" id="sender-heading">
          {t('wizard.ise.senderHeading')}
        </Subtitle2>
        <Instructions
          testId="instructions-sender"
          items={[{ key: 'wizard.ise.sender1', values: { mailbox: draft.mailbox } }, { key: 'wizard.ise.sender2', values: { mailbox: draft.mailbox } }]}
        />
      </section>
      <IseAdvice className={styles.section} />
      {profile && (
        // ISE's trusted store needs the CA chains of both hosts ("PKIX path building failed" otherwise).
        <section className={styles.section} aria-label={t('certificates.title')} data-testid="ise-trusted-certificates" data-anchor="certificates">
          <Suspense fallback={<Spinner size="tiny" />}>
            <CertificateChains profileId={profile.id} />
          </Suspense>
        </section>
      )}
    </StepLayout>
  );
}
