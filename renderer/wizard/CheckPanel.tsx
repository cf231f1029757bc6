import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckStatus, DiagnosticReport } from '../../shared/diagnostic-report';
import type { WizardScreen } from '../../shared/steps';
import { formatDateTime } from '../i18n/format';
import { CopyButton } from '../components/CopyButton';
import type { StaleReason } from './screens';
import { panelVerdict } from './stepResult';

const useStyles = makeStyles({
  // `contents`: the sticky bar below is then held by the whole step (StepLayout's section), not by
  // this panel, so it stays at the bottom of the window while the engineer scrolls the step.
  root: { display: 'contents' },
  bar: {
    position: 'sticky', bottom: 0, zIndex: 2, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  evidence: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: tokens.fontSizeBase200 },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const STATUS_COLOR: Record<CheckStatus, 'success' | 'danger' | 'warning' | 'subtle'> = { pass: 'success', fail: 'danger', warn: 'warning', skip: 'subtle' };

/** A run's duration for "took … s": never "0.0" (a fast run is "< 0.1"), one decimal otherwise. */
export function formatSeconds(durationMs: number): string {
  return durationMs < 100 ? '< 0.1' : (durationMs / 1000).toFixed(1);
}

/** The raw evidence as shown and as copied (for a ticket or a colleague). */
function evidenceText(report: DiagnosticReport): string {
  return JSON.stringify(report.checks.map((c) => ({ id: c.id, status: c.status, evidence: c.evidence })), null, 2);
}

/** The verdict in words: Verify keeps the run's wording, a step says what was proven for it. */
function verdictTitle(screen: WizardScreen, verdict: ReturnType<typeof panelVerdict>, t: (key: string) => string): string {
  if (screen === 'verify') return verdict === 'passed' ? t('wizard.check.passed') : t('wizard.check.failed');
  return t(`uxFindings.panel.${verdict === 'not-proven' ? 'notProven' : verdict}`);
}

/** A check's outcome as a badge with text (colour alone would say nothing to a screen reader). */
export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={STATUS_COLOR[status] === 'subtle' ? 'informative' : STATUS_COLOR[status]} data-status={status}>
      {t(`wizard.check.status.${status}`)}
    </Badge>
  );
}

export interface CheckPanelProps {
  screen: WizardScreen;
  report: DiagnosticReport | undefined;
  running: boolean;
  /** Why the check cannot run yet (no profile, no secret); null when it can. */
  blockedReason: string | null;
  /** Extra actions beside the Check button (e.g. "keep checking"). */
  extra?: ReactNode;
  /** Renders the findings (FindingCard list), given by the caller to keep this file small. */
  renderFindings(report: DiagnosticReport): ReactNode;
  checkLabel?: string;
  /** The result was made before the practice scenario changed, or with other values: shown, marked stale. */
  stale?: StaleReason | null;
}

const VERDICT_INTENT = { passed: 'success', failed: 'error', 'not-proven': 'warning' } as const;

/** The step's "Check" button and its result: pass/fail per check, findings, raw evidence one click away. */
export function CheckPanel({ screen, report, running, blockedReason, extra, renderFindings, checkLabel, stale }: CheckPanelProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const headingId = `check-heading-${screen}`;
  const verdict = report ? panelVerdict(screen, report) : null;
  // After a check ends, focus moves to its verdict so keyboard and screen-reader users land on it.
  const resultRef = useRef<HTMLDivElement>(null);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running && report) resultRef.current?.focus();
    wasRunning.current = running;
  }, [running, report]);
  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="check-panel">
      <Subtitle2 as="h2" id={headingId}>
        {t('wizard.check.heading')}
      </Subtitle2>
      {blockedReason && (
        <MessageBar intent="info">
          <MessageBarBody>{blockedReason}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar} data-testid="check-bar">
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={running || !!blockedReason} data-testid="check-button">
          {checkLabel ?? t('wizard.check.run')}
        </Button>
        {extra}
        {running && <Spinner size="tiny" label={t('wizard.check.running')} />}
      </div>
      <div role="status" aria-live="polite" data-testid="check-result" ref={resultRef} tabIndex={-1}>
        {report && !running && verdict && (
          // This step's result, from the checks that prove it (stepResult.ts), not the whole run's. A stale
          // result stays on screen (not reset) but is never shown as current: amber, with the reason.
          <MessageBar intent={stale ? 'warning' : VERDICT_INTENT[verdict]} data-testid={`check-${verdict}`} data-verdict={verdict} data-stale={stale ?? undefined}>
            <MessageBarBody>
              {stale && (
                <>
                  <Badge appearance="filled" color="warning" data-testid="check-stale" data-reason={stale}>
                    {t(stale === 'scenario' ? 'uxFindings.stale.scenarioTitle' : 'uxFindings.stale.valuesTitle')}
                  </Badge>{' '}
                </>
              )}
              <MessageBarTitle>{verdictTitle(screen, verdict, t)}</MessageBarTitle>
              {t('wizard.check.ranAt', { time: formatDateTime(report.startedAt, i18n.language), seconds: formatSeconds(report.durationMs) })}
              {stale && ` ${t('uxFindings.stale.body')}`}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      </div>
      {report && (
        <>
          <div className={styles.findings} data-testid="findings">
            {renderFindings(report)}
          </div>
          <Table size="small" aria-label={t('wizard.check.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('wizard.check.colCheck')}</TableHeaderCell>
                <TableHeaderCell>{t('wizard.check.colStatus')}</TableHeaderCell>
                <TableHeaderCell>{t('wizard.check.colDuration')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.checks.map((c) => (
                <TableRow key={c.id} data-testid={`check-${c.id}`} data-status={c.status}>
                  <TableCell>{t(`wizard.check.ids.${c.id.replace(/\./g, '-')}`, { defaultValue: c.id })}</TableCell>
                  <TableCell>
                    <CheckStatusBadge status={c.status} />
                  </TableCell>
                  <TableCell>{t('wizard.check.ms', { ms: c.durationMs })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Accordion collapsible>
            <AccordionItem value="evidence">
              <AccordionHeader>{t('wizard.check.evidence')}</AccordionHeader>
              <AccordionPanel>
                <CopyButton value={evidenceText(report)} what={t('wizard.check.evidence')} testId="copy-evidence" />
                <pre className={styles.evidence} data-testid="evidence">
                  {evidenceText(report)}
                </pre>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
    </section>
  );
}
