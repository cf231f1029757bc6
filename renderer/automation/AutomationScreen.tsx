import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { call } from '../client';
import { formatDateTime, localizeDates } from '../i18n/format';
import type { AuditEntry, RotationInProgress, SessionStatus, SetupFinding, SetupResultView } from '../../shared/contract/automation';
import { UndoDialog, type UndoPreview } from './UndoDialog';
import { RotationPanel } from './RotationPanel';
import { callErrorText } from '../profiles/callErrorText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '72rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  heading: { display: 'block' },
  wrap: { overflowWrap: 'anywhere' },
  pre: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalM },
});

type Route = 'classic' | 'app-rbac';

function FindingList({ findings }: { findings: SetupFinding[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  return (
    <>
      {findings.map((f) => ({ ...f, params: localizeDates(f.params, i18n.language) })).map((f, i) => (
        <MessageBar key={`${f.code}-${i}`} intent={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'} data-testid={`finding-${f.code}`}>
          <MessageBarBody>
            <strong>{t(`automation.findings.${f.code}.cause`, { ...f.params, role: String(f.params.role ?? ''), step: t(`automation.steps.${f.step}`, { defaultValue: f.step }) })}</strong>{' '}
            {t(`automation.findings.${f.code}.fix`, { ...f.params })}
            {typeof f.params.powershell === 'string' && <pre className={styles.pre}>{f.params.powershell}</pre>}
            {typeof f.params.requestId === 'string' && <Caption1> request-id {f.params.requestId}</Caption1>}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

/** The plan's "exists" notes the engine writes in English, shown in the user's language (ids and names stay as they are). */
const EXISTING_TEXT: Record<string, string> = {
  'stored in the keychain': 'autoFinish.existing.keychain',
  'enabled for the mailbox': 'autoFinish.existing.smtpEnabled',
  'follows the organisation': 'autoFinish.existing.followsOrg',
};

function AuditTrail({ audit }: { audit: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  if (audit.length === 0) return null;
  return (
    <section aria-labelledby="automation-audit">
      <Subtitle2 as="h2" id="automation-audit">
        {t('automation.audit.heading')}
      </Subtitle2>
      <Table aria-label={t('automation.audit.heading')} size="small" data-testid="audit-trail">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('automation.audit.when')}</TableHeaderCell>
            <TableHeaderCell>{t('automation.audit.who')}</TableHeaderCell>
            <TableHeaderCell>{t('automation.audit.what')}</TableHeaderCell>
            <TableHeaderCell>{t('automation.audit.requestId')}</TableHeaderCell>
            <TableHeaderCell>{t('automation.audit.result')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {audit.map((a, i) => (
            <TableRow key={i}>
              <TableCell>{formatDateTime(a.at, i18n.language)}</TableCell>
              <TableCell className={styles.wrap}>{a.upn}</TableCell>
              <TableCell className={styles.code}>{a.operation}</TableCell>
              <TableCell className={styles.code}>{a.requestId ?? '–'}</TableCell>
              <TableCell>{t(`automation.results.${a.result}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/**
 * "Set it up for me": admin sign-in, the what-if plan, confirmation, progress, the result with
 * its audit trail, then verification, undo and secret rotation. Every call goes through the
 * contract; no token ever reaches this page (SessionStatus has only the UPN).
 */
export function AutomationScreen({ practiceAvailable, onOpenProfile }: { practiceAvailable: boolean; onOpenProfile?: (profileId: string) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [practice, setPractice] = useState(practiceAvailable);
  const [tenantId, setTenantId] = useState('');
  const [mailbox, setMailbox] = useState('');
  const [signInClientId, setSignInClientId] = useState('');
  const [deviceCode, setDeviceCode] = useState(false);
  const [route, setRoute] = useState<Route>('classic');
  const [secretDays, setSecretDays] = useState('180');
  const [session, setSession] = useState<SessionStatus | null>(null);
  const [plan, setPlan] = useState<SetupResultView | null>(null);
  const [result, setResult] = useState<SetupResultView | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The undo confirmation: open, and what it will remove (the engine's what-if, null while read). */
  const [undoAsk, setUndoAsk] = useState<{ preview: UndoPreview | null } | null>(null);
  /** Rotations left half-done (main's records), shown again when the screen is reopened. */
  const [rotations, setRotations] = useState<RotationInProgress[]>([]);
  useEffect(() => {
    void call('automationRotations', {}).then((r) => r.ok && setRotations(r.value));
  }, []);

  const refresh = useCallback(async () => {
    const r = await call('automationStatus', {});
    if (r.ok) setSession(r.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // While signing in with a device code or applying, follow the progress.
  useEffect(() => {
    if (!busy && !session?.deviceCode) return;
    const timer = setInterval(() => void refresh(), 500);
    return () => clearInterval(timer);
  }, [busy, session?.deviceCode, refresh]);

  const request = () => ({
    practice,
    route,
    secretDays: Number(secretDays) || 180,
    ...(practice ? {} : { tenantId: tenantId.trim(), mailbox: mailbox.trim() }),
  });

  async function run<T>(what: string, fn: () => Promise<{ ok: true; value: T } | { ok: false; error: Parameters<typeof callErrorText>[1] }>): Promise<T | null> {
    setBusy(what);
    setError(null);
    try {
      const r = await fn();
      if (!r.ok) {
        const own = `autoFinish.errors.${r.error.code}`;
        setError(i18next.exists(own) ? t(own) : callErrorText(t, r.error));
        return null;
      }
      return r.value;
    } finally {
      setBusy(null);
      void refresh();
    }
  }

  const signIn = async () => {
    const s = await run('signIn', () => call('automationSignIn', { practice, deviceCode, ...(practice ? {} : { tenantId: tenantId.trim(), ...(signInClientId.trim() ? { signInClientId: signInClientId.trim() } : {}) }) }));
    if (s) setSession(s);
  };
  const signOut = async () => {
    const s = await run('signOut', () => call('automationSignOut', {}));
    if (s) setSession(s);
    setPlan(null);
    setResult(null);
  };
  const preview = async () => {
    setResult(null);
    setVerified(null);
    setPlan(await run('plan', () => call('automationPlan', request())));
  };
  const apply = async () => {
    const r = await run('apply', () => call('automationApply', request()));
    setResult(r);
    setPlan(null);
    if (r?.ok && r.profileId && !r.powershell) {
      const profileId = r.profileId;
      const report = await run('verify', () => call('diagnoseProfile', { profileId }));
      setVerified(report ? report.ok : false);
    }
  };
  /** Undo asks first, listing exactly what will be removed (a what-if undo changes nothing). */
  const askUndo = async () => {
    if (!result) return;
    setUndoAsk({ preview: null });
    const p = await run('undoPreview', () => call('automationUndo', { profileName: result.profileName, whatIf: true }));
    if (p) setUndoAsk((open) => (open ? { preview: { operations: p.operations } } : open));
    else setUndoAsk(null);
  };
  const undo = async () => {
    if (!result) return;
    setUndoAsk(null);
    const u = await run('undo', () => call('automationUndo', { profileName: result.profileName }));
    if (u) {
      setNote(u.ok ? t('automation.undo.done', { n: u.removed.length }) : null);
      setResult({ ...result, audit: [...result.audit, ...u.audit], findings: u.findings, created: [] });
      setVerified(null);
    }
  };

  const signedIn = Boolean(session?.signedIn);
  const steps = session?.progress ?? [];
  return (
    <section className={styles.root} aria-labelledby="automation-heading">
      <Title2 as="h1" id="automation-heading" tabIndex={-1}>
        {t('automation.heading')}
      </Title2>
      <Body1>{t('automation.intro')}</Body1>
      <MessageBar intent="info">
        <MessageBarBody>{t('automation.roles')}</MessageBarBody>
      </MessageBar>

      {!signedIn && (
        <>
          <Checkbox checked={practice} disabled={!practiceAvailable} onChange={(_, d) => setPractice(Boolean(d.checked))} label={t('automation.usePractice')} data-testid="automation-practice" />
          {!practice && (
            <div className={styles.row}>
              <Field label="Tenant ID" required>
                <Input value={tenantId} onChange={(_, d) => setTenantId(d.value)} />
              </Field>
              <Field label={t('automation.signInClientId')} hint={t('automation.signInClientIdHint')}>
                <Input value={signInClientId} onChange={(_, d) => setSignInClientId(d.value)} />
              </Field>
            </div>
          )}
          <Checkbox checked={deviceCode} onChange={(_, d) => setDeviceCode(Boolean(d.checked))} label={t('automation.deviceCode')} />
          <div>
            <Button appearance="primary" onClick={() => void signIn()} disabled={busy !== null} data-testid="automation-sign-in">
              {t('automation.signIn')}
            </Button>
          </div>
          {session?.deviceCode && (
            <MessageBar intent="info">
              <MessageBarBody>{session.deviceCode.message}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {signedIn && (
        <div className={styles.row}>
          <Badge appearance="tint" color="success" data-testid="automation-signed-in">
            {t('automation.signedInAs', { upn: session?.upn ?? '' })}
          </Badge>
          <Button onClick={() => void signOut()} disabled={busy !== null}>
            {t('automation.signOut')}
          </Button>
        </div>
      )}
      {session?.finding && <FindingList findings={[session.finding]} />}

      {signedIn && (
        <>
          <RadioGroup value={route} onChange={(_, d) => setRoute(d.value as Route)} layout="horizontal" aria-label={t('automation.route')}>
            <Radio value="classic" label={t('automation.routeClassic')} data-testid="route-classic" />
            <Radio value="app-rbac" label={t('automation.routeAppRbac')} data-testid="route-app-rbac" />
          </RadioGroup>
          <div className={styles.row}>
            {!practice && (
              <Field label="Email Address" required>
                <Input value={mailbox} onChange={(_, d) => setMailbox(d.value)} />
              </Field>
            )}
            <Field label={t('automation.secretDays')}>
              <Input type="number" value={secretDays} onChange={(_, d) => setSecretDays(d.value)} />
            </Field>
            <Button onClick={() => void preview()} disabled={busy !== null} data-testid="automation-preview">
              {t('automation.preview')}
            </Button>
          </div>
        </>
      )}

      {plan && (
        <section aria-labelledby="automation-plan">
          <Subtitle2 as="h2" id="automation-plan">
            {t('automation.plan.heading')}
          </Subtitle2>
          <Table aria-label={t('automation.plan.heading')} size="small" data-testid="automation-plan">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('automation.plan.step')}</TableHeaderCell>
                <TableHeaderCell>{t('automation.plan.action')}</TableHeaderCell>
                <TableHeaderCell>{t('automation.plan.operation')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.plan.map((p) => (
                <TableRow key={p.step}>
                  <TableCell>{t(`automation.steps.${p.step}`)}</TableCell>
                  <TableCell>{t(`automation.actions.${p.action}`)}{p.existing ? ` (${EXISTING_TEXT[p.existing] ? t(EXISTING_TEXT[p.existing]!) : p.existing})` : ''}</TableCell>
                  <TableCell className={styles.code}>{p.operation}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <FindingList findings={plan.findings} />
          <Button appearance="primary" onClick={() => void apply()} disabled={busy !== null || !plan.ok} data-testid="automation-apply">
            {t('automation.confirm')}
          </Button>
        </section>
      )}

      {busy === 'apply' && (
        <div aria-live="polite" data-testid="automation-progress">
          <Spinner label={t('automation.running')} />
          <ul>
            {steps.map((s, i) => (
              <li key={i}>
                {t(`automation.steps.${s.step}`, { defaultValue: s.step })}: {t(`automation.states.${s.state}`, { defaultValue: s.state })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {busy === 'verify' && <Spinner label={t('automation.verifying')} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}

      {rotations
        .filter((r) => r.profileId !== result?.profileId)
        .map((r) => (
          <RotationPanel
            key={r.profileId}
            profileName={r.profileName}
            profileId={r.profileId}
            days={Number(secretDays) || 180}
            disabled={busy !== null || !session?.signedIn}
            disabledReason={session && !session.signedIn ? t('uxGaps.rotation.signInFirst') : undefined}
            resume={r}
            onAudit={() => undefined}
          />
        ))}
      {result && (
        <section aria-labelledby="automation-result" data-testid="automation-result">
          <Subtitle2 as="h2" id="automation-result" className={styles.heading}>
            {t('automation.result.heading')}
          </Subtitle2>
          <Body1>{t('automation.result.summary', { created: result.created.length, reused: result.reused.length, calls: result.calls.total })}</Body1>
          {verified === true && (
            <Badge appearance="filled" color="success" data-testid="automation-verified">
              {t('automation.result.verified')}
            </Badge>
          )}
          {verified === false && (
            <Badge appearance="filled" color="danger" data-testid="automation-not-verified">
              {t('automation.result.notVerified')}
            </Badge>
          )}
          <FindingList findings={result.findings} />
          <div className={styles.row}>
            {result.profileId && onOpenProfile && (
              <Button onClick={() => onOpenProfile(result.profileId!)}>{t('automation.result.openProfile')}</Button>
            )}
            <Button onClick={() => void askUndo()} disabled={busy !== null || !result.profileId} data-testid="automation-undo">
              {t('automation.undo.button')}
            </Button>
          </div>
          <UndoDialog
            open={undoAsk !== null}
            profileName={result.profileName}
            preview={undoAsk?.preview ?? null}
            busy={busy !== null}
            onConfirm={() => void undo()}
            onClose={() => setUndoAsk(null)}
          />
          {result.profileId && result.ok && !result.powershell && (
            <RotationPanel
              profileName={result.profileName}
              profileId={result.profileId}
              days={Number(secretDays) || 180}
              disabled={busy !== null}
              resume={rotations.find((r) => r.profileId === result.profileId)}
              onAudit={(audit, findings) => setResult((cur) => (cur ? { ...cur, audit: [...cur.audit, ...audit], findings } : cur))}
            />
          )}
          <AuditTrail audit={result.audit} />
        </section>
      )}
    </section>
  );
}
