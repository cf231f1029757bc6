import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogAnalysis, LogEvent } from '../../shared/contract/troubleshoot';
import { FindingCard } from '../components/FindingCard';
import { formatIseTime } from './iseTime';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  // Breaks a long token only where it must (a server name stays whole when the column allows it).
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  // Fluent's Table is fixed-layout (equal columns): a time on one line would spill into the next one.
  table: { tableLayout: 'auto' },
  note: { display: 'block' },
  // A badge has a fixed height: its text stays on one line (else it spills out of the pill).
  badge: { whiteSpace: 'nowrap' },
  // A thread name is one token (admin-http-pool5): the event text beside it wraps instead.
  thread: { whiteSpace: 'nowrap' },
  scroll: { maxHeight: '480px', overflowY: 'auto' },
  // Exception texts carry long unbroken tokens (JSON, class names): let them wrap inside the cell.
  event: { overflowWrap: 'anywhere' },
  // A time is read as one thing: it never wraps inside itself, and its digits line up in a column.
  time: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

/** An ISE log time in the user's language, on one line; the text as ISE logged it in its tooltip. */
function IseTime({ value, milliseconds = false }: { value: string; milliseconds?: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  return (
    <TableCell className={styles.time} data-testid="ise-time" title={value ? t('uxTrouble.log.iseTime', { raw: value }) : undefined}>
      {value ? formatIseTime(value, i18n.language, { milliseconds }) : '–'}
    </TableCell>
  );
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** A captioned table with a heading (every result block has the same shape). */
function Block({ heading, testId, columns, children }: { heading: string; testId: string; columns: string[]; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-label={heading} data-testid={testId}>
      <Subtitle2 as="h3">{heading}</Subtitle2>
      {/* Focusable, so keyboard users can scroll a long table (axe: scrollable-region-focusable). */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={heading}>
        <Table size="small" aria-label={heading} className={styles.table} data-testid={`${testId}-table`}>
          <TableHeader>
            <TableRow>
              {columns.map((c) => (
                <TableHeaderCell key={c}>{c}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>{children}</TableBody>
        </Table>
      </div>
    </section>
  );
}

/** What the analysis found: next steps, findings with counts, slow sends, SMTP settings, the timeline. */
export function LogResults({ analysis }: { analysis: LogAnalysis }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const byCode = new Map(analysis.findings.map((f) => [f.code, f]));
  const eventText = (e: LogEvent) => {
    const label = t(`troubleshootScreen.events.${e.kind}`);
    // The detail often repeats the label ("Test Connection"): say it once.
    return e.detail && e.detail.toLowerCase() !== label.toLowerCase() ? `${label}: ${e.detail}` : label;
  };
  const maxMs = analysis.sends.maxDurationMs;
  const sendCount = analysis.sends.success + analysis.sends.failed;
  // Every logged failure, sends or not: a log of failed test connections has sent no mail at all.
  const errorsLogged = analysis.findings.reduce((n, f) => n + (f.severity === 'info' ? 0 : f.count), 0);
  const resolvedLeftOut = analysis.findings.filter((f) => f.resolvedLater && f.severity !== 'info').length;
  return (
    <div className={styles.root} data-testid="log-results">
      <Body1 data-testid="log-summary">
        {t('troubleshootScreen.log.summary', { entries: analysis.stats.entries, files: analysis.sources.length })}{' '}
        <span data-testid="log-sends">
          {sendCount === 0 ? t('uxTrouble.log.noSends') : t('troubleshootScreen.log.sends', { success: analysis.sends.success, failed: analysis.sends.failed })}
        </span>
        {maxMs !== null && ` ${t('troubleshootScreen.log.longest', { seconds: seconds(maxMs) })}`}
        {errorsLogged > 0 && (
          <>
            {' '}
            <span data-testid="log-errors-count">{t('uxTrouble.log.failuresLogged', { count: errorsLogged })}</span>
          </>
        )}
      </Body1>
      {analysis.sources
        .filter((s) => s.problem)
        .map((s) => (
          <MessageBar key={s.name} intent="warning">
            <MessageBarBody>{s.problem?.startsWith('gzip-') && s.problem !== 'gzip-truncated' ? t(`perf.logProblem.${s.problem}`, { name: s.name }) : t('troubleshootScreen.log.partial', { name: s.name, problem: s.problem })}</MessageBarBody>
          </MessageBar>
        ))}
      {analysis.findings.length === 0 ? (
        <MessageBar intent="success" data-testid="log-no-findings">
          <MessageBarBody>{t('troubleshootScreen.log.noFindings')}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Block
            heading={t('troubleshootScreen.log.findingsHeading')}
            testId="log-findings"
            columns={[t('troubleshootScreen.columns.finding'), t('troubleshootScreen.columns.step'), t('troubleshootScreen.columns.count'), t('troubleshootScreen.columns.first'), t('troubleshootScreen.columns.last'), t('troubleshootScreen.columns.state')]}
          >
            {analysis.findings.map((f) => (
              <TableRow key={f.code} data-code={f.code}>
                <TableCell>{t(`findings.${f.code}.title`, { defaultValue: f.code })}</TableCell>
                <TableCell>{f.step ? t(`findings.step.${f.step}`) : '–'}</TableCell>
                <TableCell>{f.count}</TableCell>
                <IseTime value={f.firstSeen} />
                <IseTime value={f.lastSeen} />
                <TableCell>
                  <Badge className={styles.badge} appearance="tint" color={f.resolvedLater ? 'success' : 'danger'}>
                    {t(f.resolvedLater ? 'troubleshootScreen.log.resolvedLater' : 'troubleshootScreen.log.unresolved')}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </Block>
          <section aria-labelledby="next-steps-heading" data-testid="log-next-steps">
            <Subtitle2 as="h3" id="next-steps-heading">
              {t('troubleshootScreen.log.nextSteps')}
            </Subtitle2>
            {analysis.nextSteps.length === 0 && (
              <MessageBar intent="success" data-testid="log-nothing-to-do">
                <MessageBarBody>{t('uxTrouble.log.nothingToDo')}</MessageBarBody>
              </MessageBar>
            )}
            {analysis.nextSteps.length > 0 && resolvedLeftOut > 0 && <Caption1 className={styles.note} data-testid="log-resolved-left-out">{t('uxTrouble.log.resolvedLeftOut', { count: resolvedLeftOut })}</Caption1>}
            <ol className={styles.list}>
              {analysis.nextSteps.map((code) => {
                const f = byCode.get(code);
                return (
                  <li key={code}>
                    <FindingCard code={code} step={f?.step ?? null} severity={f?.severity ?? 'error'} evidence={f?.sample ?? ''} headingLevel="h4" />
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
      {analysis.slowSendCount > 0 && (
        <Block
          heading={t('troubleshootScreen.log.slowHeading', { count: analysis.slowSendCount })}
          testId="log-slow-sends"
          columns={[t('troubleshootScreen.columns.time'), t('troubleshootScreen.columns.thread'), t('troubleshootScreen.columns.duration'), t('troubleshootScreen.columns.file')]}
        >
          {analysis.slowSends.map((s, i) => (
            <TableRow key={`${s.time}-${i}`}>
              <IseTime value={s.time} />
              <TableCell className={mergeClasses(styles.mono, styles.thread)}>{s.thread}</TableCell>
              <TableCell>{t('troubleshootScreen.log.seconds', { seconds: seconds(s.durationMs) })}</TableCell>
              <TableCell>{s.source}</TableCell>
            </TableRow>
          ))}
        </Block>
      )}
      {analysis.smtpSettings.length > 0 && (
        <Block
          heading={t('troubleshootScreen.log.settingsHeading')}
          testId="log-smtp-settings"
          columns={['SMTP Server', 'SMTP Port', 'Connection Timeout', 'TLS', t('troubleshootScreen.columns.auth'), t('troubleshootScreen.columns.first'), t('troubleshootScreen.columns.count')]}
        >
          {analysis.smtpSettings.map((s, i) => (
            <TableRow key={i}>
              <TableCell className={styles.mono}>{s.server ?? '–'}</TableCell>
              <TableCell>{s.port ?? '–'}</TableCell>
              <TableCell>{s.timeoutSeconds ?? '–'}</TableCell>
              <TableCell>{s.tls === undefined ? '–' : t(s.tls ? 'troubleshootScreen.yes' : 'troubleshootScreen.no')}</TableCell>
              <TableCell>{s.authEnabled === undefined ? '–' : t(s.authEnabled ? 'troubleshootScreen.yes' : 'troubleshootScreen.no')}</TableCell>
              <IseTime value={s.firstSeen} />
              <TableCell>{s.count}</TableCell>
            </TableRow>
          ))}
        </Block>
      )}
      <Block
        heading={t('troubleshootScreen.log.timelineHeading')}
        testId="log-timeline"
        columns={[t('troubleshootScreen.columns.time'), t('troubleshootScreen.columns.thread'), t('troubleshootScreen.columns.event')]}
      >
        {analysis.timeline.map((e, i) => (
          <TableRow key={`${e.time}-${i}`} data-kind={e.kind}>
            <IseTime value={e.time} milliseconds />
            <TableCell className={mergeClasses(styles.mono, styles.thread)}>{e.thread}</TableCell>
            <TableCell className={styles.event}>
              {eventText(e)}
              {e.count > 1 && ` ${t('troubleshootScreen.log.repeated', { count: e.count })}`}
            </TableCell>
          </TableRow>
        ))}
      </Block>
      {analysis.timelineDropped > 0 && <Caption1>{t('troubleshootScreen.log.timelineDropped', { count: analysis.timelineDropped })}</Caption1>}
    </div>
  );
}
