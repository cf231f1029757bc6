import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Card,
  makeStyles,
  Subtitle2,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FindingCode, Severity } from '../../shared/findings';
import type { SetupStep } from '../../shared/steps';
import { localizeDates } from '../i18n/format';
import { findingParams } from './findingParams';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  evidence: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: tokens.fontSizeBase200 },
});

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** What a card needs of a finding: the wizard passes a live check's finding, Troubleshoot a catalog match. */
export interface FindingCardProps {
  code: FindingCode;
  severity: Severity;
  /** The wizard step where the fix belongs (null: none, e.g. a network fault outside the tenant). */
  step: SetupStep | null;
  /** Values for the texts' placeholders as the producer measured them; missing ones are read from `evidence`. */
  params?: Record<string, string | number | boolean>;
  /** What the server or the log said (raw reply, guest.log line), shown a click away. */
  evidence?: string;
  headingLevel?: 'h3' | 'h4';
}

/**
 * One finding as the engineer reads it: its title, the wizard step where the fix belongs, what causes it
 * and what to do (texts from `findings.<CODE>.*` in every language), the evidence a click away.
 */
export function FindingCard({ code, severity, step, params, evidence, headingLevel = 'h4' }: FindingCardProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId('finding-title');
  // A placeholder nothing fills becomes a neutral "…", so a sentence never shows a raw {{placeholder}}.
  // A date among them ({{expiry}}) reads in the user's language; the evidence below stays as it came.
  const values = localizeDates({ ...findingParams(evidence ?? '', '…'), ...params }, i18n.language);
  return (
    <Card className={styles.card} data-testid="finding" data-code={code} role="group" aria-labelledby={titleId}>
      <div className={styles.head}>
        <Badge appearance="filled" color={SEVERITY_COLOR[severity]}>
          {t(`findings.severity.${severity}`)}
        </Badge>
        <Subtitle2 as={headingLevel} id={titleId}>
          {t(`findings.${code}.title`, values)}
        </Subtitle2>
        {step && <Badge appearance="outline">{t('findingCard.step', { step: t(`findings.step.${step}`) })}</Badge>}
      </div>
      <Body1>
        <strong>{t('findingCard.cause')}</strong> {t(`findings.${code}.cause`, values)}
      </Body1>
      <Body1>
        <strong>{t('findingCard.fix')}</strong> {t(`findings.${code}.fix`, values)}
      </Body1>
      {evidence && (
        <Accordion collapsible>
          <AccordionItem value="evidence">
            <AccordionHeader size="small">{t('findingCard.evidence')}</AccordionHeader>
            <AccordionPanel>
              <pre className={styles.evidence}>{evidence}</pre>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <Caption1>{code}</Caption1>
    </Card>
  );
}
