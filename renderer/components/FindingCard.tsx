import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Caption1,
  Card,
  Link,
  makeStyles,
  Subtitle2,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FindingValueContext } from '../../shared/finding-values';
import type { FindingCode, Severity } from '../../shared/findings';
import { WIZARD_SCREENS, type SetupStep, type WizardScreen } from '../../shared/steps';
import { findingTextValues } from './findingParams';
import { revealAnchor, useStepLinks } from './stepLinks';
import { localizeDates } from '../i18n/format';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  evidence: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: tokens.fontSizeBase200 },
});

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** The codes whose fix is the ISE step's certificate card (capture the chains, one file per CA). */
const CERTIFICATE_FIX: ReadonlySet<FindingCode> = new Set(['TLS_UNTRUSTED_CHAIN']);

export function isWizardScreen(step: SetupStep | null): step is Exclude<WizardScreen, 'verify'> {
  return step !== null && (WIZARD_SCREENS as readonly string[]).includes(step);
}

/** What a card needs of a finding: the wizard passes a live check's finding, Troubleshoot a catalog match. */
export interface FindingCardProps {
  code: FindingCode;
  severity: Severity;
  /** The wizard step where the fix belongs (null: none; 'network': the path to Microsoft, not a step). */
  step: SetupStep | null;
  /** Values for the texts' placeholders as the producer measured them; missing ones come from `context` and `evidence`. */
  params?: Record<string, string | number | boolean>;
  /** What the profile and the run know (Client ID, mailbox, the check's host …), for the texts. */
  context?: FindingValueContext;
  /** What the server or the log said (raw reply, guest.log line), shown a click away. */
  evidence?: string;
  headingLevel?: 'h3' | 'h4';
}

/** Where the fix belongs: a link to the step (or "here"), the network in words, nothing for no step. */
function StepTag({ step }: { step: SetupStep | null }) {
  const { t } = useTranslation();
  const links = useStepLinks();
  if (step === 'network') return <Badge appearance="outline" data-testid="finding-network">{t('uxFindings.card.network')}</Badge>;
  if (!isWizardScreen(step)) return null;
  const values = { n: WIZARD_SCREENS.indexOf(step) + 1, title: t(`app.steps.${step}.title`) };
  if (links?.current === step) return <Badge appearance="outline" data-testid="finding-step-here">{t('uxFindings.card.here', values)}</Badge>;
  if (!links) return <Badge appearance="outline">{t('uxFindings.card.goToStep', values)}</Badge>;
  return (
    <Link data-testid="finding-step-link" data-step={step} onClick={() => links.go(step)}>
      {t('uxFindings.card.goToStep', values)}
    </Link>
  );
}

/**
 * One finding as the engineer reads it: its title, the step that fixes it (a link), what causes it
 * and what to do with the profile's own values (texts from `findings.<CODE>.*` in every language),
 * the code and the evidence a click away in the details.
 */
export function FindingCard({ code, severity, step, params, context, evidence, headingLevel = 'h4' }: FindingCardProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const links = useStepLinks();
  const titleId = useId('finding-title');
  // Dates among the values ({{expiry}}, times) read in the user's language; the evidence stays as it came.
  const values = localizeDates(findingTextValues({ code, params, raw: evidence }, context ?? {}, t, i18n.language), i18n.language);
  const certificates = CERTIFICATE_FIX.has(code) && links;
  return (
    <Card className={styles.card} data-testid="finding" data-code={code} role="group" aria-labelledby={titleId}>
      <div className={styles.head}>
        <Badge appearance="filled" color={SEVERITY_COLOR[severity]}>
          {t(`findings.severity.${severity}`)}
        </Badge>
        <Subtitle2 as={headingLevel} id={titleId} data-testid="finding-title">
          {t(`findings.${code}.title`, values)}
        </Subtitle2>
        <StepTag step={step} />
      </div>
      <Body1 data-testid="finding-cause">
        <strong>{t('findingCard.cause')}</strong> {t(`findings.${code}.cause`, values)}
      </Body1>
      <Body1 data-testid="finding-fix">
        <strong>{t('findingCard.fix')}</strong> {t(`findings.${code}.fix`, values)}
      </Body1>
      {certificates && (
        <Link
          data-testid="finding-certificates-link"
          onClick={() => {
            links.go('ise', 'certificates');
            revealAnchor('certificates');
          }}
        >
          {t('uxFindings.card.certificates', { n: WIZARD_SCREENS.indexOf('ise') + 1, title: t('app.steps.ise.title') })}
        </Link>
      )}
      <Accordion collapsible>
        <AccordionItem value="details">
          <AccordionHeader size="small" data-testid="finding-details">
            {t('uxFindings.card.details')}
          </AccordionHeader>
          <AccordionPanel>
            <Caption1 data-testid="finding-code">{t('uxFindings.card.code', { code })}</Caption1>
            {evidence && (
              <>
                <Caption1 as="p">{t('findingCard.evidence')}</Caption1>
                <pre className={styles.evidence}>{evidence}</pre>
              </>
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
