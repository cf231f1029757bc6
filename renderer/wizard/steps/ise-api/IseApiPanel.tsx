import { Button, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Spinner, Subtitle1, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract';
import type { IseCertificate, IseImportReport, IseInspection, PinState } from '../../../../shared/contract/ise';
import type { IseFinding } from '../../../../shared/ise-api/findings';
import { ISE_PRACTICE_SCENARIOS } from '../../../../shared/ise-api/practice';
import { call } from '../../../client';
import { formatDate } from '../../../i18n/format';
import type { Wizard } from '../../step';
import { IseFindings } from './IseFindings';
import { IseInspectionView } from './IseInspectionView';
import { callErrorMessage } from '../../fieldErrors';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  grid: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
});

type Connection = CallOutput<'iseConnect'>['connection'];

/**
 * The ISE step's API part (issue 15): connect to the Primary PAN, confirm and pin its admin
 * certificate, then read version, nodes, proxy, guest sender and trusted store, and import the
 * missing CAs. The password goes to main (the keychain) and is never held here after sending.
 */
export function IseApiPanel({ wizard }: { wizard: Wizard }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const profile = wizard.profile;
  const practice = profile?.practice ?? false;
  const [connection, setConnection] = useState<Connection | null>(null);
  const [host, setHost] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [certificate, setCertificate] = useState<IseCertificate | null>(null);
  const [pin, setPin] = useState<PinState | null>(null);
  const [connectFindings, setConnectFindings] = useState<IseFinding[]>([]);
  const [inspection, setInspection] = useState<IseInspection | null>(null);
  const [imported, setImported] = useState<IseImportReport | null>(null);
  const [busy, setBusy] = useState<'connect' | 'inspect' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scenario, setScenario] = useState<string>('healthy');

  useEffect(() => {
    if (!profile) return;
    void call('iseConnectionGet', { profileId: profile.id }).then((r) => {
      if (r.ok && r.value.connection) {
        setConnection(r.value.connection);
        setHost(r.value.connection.host);
        setUsername(r.value.connection.username);
      }
    });
    // Only when the profile changes: the connection belongs to it.
  }, [profile?.id]);

  const inspect = useCallback(async () => {
    if (!profile) return;
    setBusy('inspect');
    setError(null);
    const r = await call('iseInspect', { profileId: profile.id });
    setBusy(null);
    if (!r.ok) return setError(callErrorMessage(t, r.error, 'ise'));
    setInspection(r.value);
    // The verdict fills the version picker: ISE said which release and patch it runs.
    if (r.value.version) {
      wizard.setDraftValue('iseVersion', r.value.version.text);
      void wizard.saveField('iseVersion', r.value.version.text);
    }
  }, [profile, wizard]);

  const connect = async () => {
    if (!profile) return;
    setBusy('connect');
    setError(null);
    setInspection(null);
    setImported(null);
    const r = await call('iseConnect', practice ? { profileId: profile.id } : { profileId: profile.id, host, username, ...(password ? { password } : {}) });
    setPassword(''); // sent to the keychain: not kept in the page
    setBusy(null);
    if (!r.ok) return setError(callErrorMessage(t, r.error, 'ise'));
    setConnection(r.value.connection);
    setCertificate(r.value.certificate);
    setPin(r.value.pin);
    setConnectFindings(r.value.findings);
    if (r.value.pin === 'matched') await inspect();
  };

  const accept = async () => {
    if (!profile || !certificate) return;
    const r = await call('iseAcceptCertificate', { profileId: profile.id, sha256: certificate.sha256 });
    if (!r.ok) return setError(callErrorMessage(t, r.error, 'ise'));
    setConnection(r.value.connection);
    setPin('accepted');
    setConnectFindings([]);
    await inspect();
  };

  const runImport = async () => {
    if (!profile) return;
    setBusy('import');
    const r = await call('iseImportCas', { profileId: profile.id });
    setBusy(null);
    if (!r.ok) return setError(callErrorMessage(t, r.error, 'ise'));
    setImported(r.value);
    setInspection(r.value.inspection);
  };

  const switchScenario = async (next: string) => {
    setScenario(next);
    const r = await call('isePracticeScenario', { scenario: next as (typeof ISE_PRACTICE_SCENARIOS)[number] });
    if (!r.ok) return setError(callErrorMessage(t, r.error, 'ise'));
    setInspection(null);
    setImported(null);
  };

  if (!profile) return null;
  return (
    <Card className={styles.card} data-testid="ise-api-panel">
      <Subtitle1 as="h2">{t('iseApi.heading')}</Subtitle1>
      <Text>{t('iseApi.intro')}</Text>
      {practice ? (
        <div className={styles.form}>
          <Field label={t('iseApi.practiceScenario')}>
            <Select value={scenario} data-testid="ise-api-scenario" onChange={(_e, d) => void switchScenario(d.value)}>
              {ISE_PRACTICE_SCENARIOS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" data-testid="ise-api-connect" disabled={busy !== null} onClick={() => void connect()}>
            {t('iseApi.connectPractice')}
          </Button>
        </div>
      ) : (
        <div className={styles.form}>
          <Field label={t('iseApi.host')}>
            <Input value={host} data-testid="ise-api-host" onChange={(_e, d) => setHost(d.value)} />
          </Field>
          <Field label={t('iseApi.username')}>
            <Input value={username} data-testid="ise-api-username" autoComplete="off" onChange={(_e, d) => setUsername(d.value)} />
          </Field>
          <Field label={t('iseApi.password')} hint={connection?.passwordStored ? t('iseApi.passwordStored') : t('iseApi.passwordHint')}>
            <Input type="password" value={password} data-testid="ise-api-password" autoComplete="off" onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          <Button appearance="primary" data-testid="ise-api-connect" disabled={busy !== null || !host || !username} onClick={() => void connect()}>
            {t('iseApi.connect')}
          </Button>
        </div>
      )}
      {busy === 'connect' && <Spinner size="tiny" label={t('iseApi.connecting')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('iseApi.callFailed', { message: error })}</MessageBarBody>
        </MessageBar>
      )}

      {certificate && (
        <section aria-labelledby="ise-api-cert-heading" data-testid="ise-api-cert" data-pin={pin ?? ''}>
          <Subtitle2 as="h3" id="ise-api-cert-heading">
            {t('iseApi.certHeading')}
          </Subtitle2>
          <div className={styles.grid}>
            <Text>{t('iseApi.certSubject')}</Text>
            <Text>{certificate.subject}</Text>
            <Text>{t('iseApi.certIssuer')}</Text>
            <Text>
              {certificate.issuer} {certificate.selfSigned ? `(${t('iseApi.selfSigned')})` : ''}
            </Text>
            <Text>{t('iseApi.certSha')}</Text>
            <Text className={styles.mono} data-testid="ise-api-cert-sha">
              {certificate.sha256}
            </Text>
            <Text>{t('iseApi.certValid')}</Text>
            {/* In the user's language (issue 13 point 11), not ISO. */}
            <Text data-testid="ise-api-cert-valid">{formatDate(certificate.validTo, i18n.language)}</Text>
          </div>
          {(pin === 'unpinned' || pin === 'changed') && (
            <>
              <Text>{t('iseApi.certIntro')}</Text>
              <Button data-testid="ise-api-accept" onClick={() => void accept()}>
                {t('iseApi.accept')}
              </Button>
            </>
          )}
          {(pin === 'matched' || pin === 'accepted') && connection?.pinnedSha256 && <Text size={200}>{t('iseApi.pinned', { sha256: connection.pinnedSha256 })}</Text>}
        </section>
      )}
      <IseFindings findings={connectFindings} />

      {(pin === 'matched' || pin === 'accepted') && (
        <Button data-testid="ise-api-inspect" disabled={busy !== null} onClick={() => void inspect()}>
          {inspection ? t('iseApi.inspectAgain') : t('iseApi.inspect')}
        </Button>
      )}
      {busy === 'inspect' && <Spinner size="tiny" label={t('iseApi.inspecting')} />}
      {inspection && <IseInspectionView inspection={inspection} onImport={() => void runImport()} importing={busy === 'import'} imported={imported} />}
    </Card>
  );
}
