import { Body1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DiagnosticReport, Finding } from '../../shared/diagnostic-report';
import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';
import { FindingCard } from '../components/FindingCard';
import { findingTextValues } from '../components/findingParams';
import { useStepLinks } from '../components/stepLinks';
import { findingContext } from '../../shared/finding-values';
import { splitFindings } from './stepResult';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

const useStyles = makeStyles({
  elsewhere: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Another step's finding as one line: its title and a link to the step that fixes it. */
function ElsewhereItem({ finding, report, objectId }: { finding: Finding; report: DiagnosticReport; objectId?: string }) {
  const { t, i18n } = useTranslation();
  const links = useStepLinks();
  const step = finding.step as WizardScreen;
  const values = findingTextValues({ code: finding.code, params: finding.params, raw: finding.raw }, findingContext(report, finding, objectId), t, i18n.language);
  const label = t('uxFindings.panel.elsewhereItem', { title: t(`findings.${finding.code}.title`, values), n: WIZARD_SCREENS.indexOf(step) + 1, step: t(`app.steps.${step}.title`) });
  return (
    <li data-testid="finding-elsewhere" data-code={finding.code} data-step={step}>
      {links ? <Link onClick={() => links.go(step)}>{label}</Link> : label}
    </li>
  );
}

/**
 * A report's findings, errors first; a healthy run says so instead of showing nothing. On a step,
 * findings of other steps are one line each with a link there ("found elsewhere"): they do not
 * belong to this step's result.
 */
export function FindingList({ report, screen = 'verify', objectId }: { report: DiagnosticReport; screen?: WizardScreen; objectId?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const findings: Finding[] = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const { here, elsewhere } = splitFindings(screen, findings);
  return (
    <>
      {here.length === 0 && <Body1>{t('wizard.check.noFindings')}</Body1>}
      {here.map((f, i) => (
        <FindingCard key={`${f.code}-${i}`} code={f.code} severity={f.severity} step={f.step} params={f.params} context={findingContext(report, f, objectId)} evidence={f.raw} />
      ))}
      {elsewhere.length > 0 && (
        <section className={styles.elsewhere} aria-labelledby={`elsewhere-${screen}`} data-testid="findings-elsewhere">
          <Subtitle2 as="h3" id={`elsewhere-${screen}`}>
            {t('uxFindings.panel.elsewhereHeading')}
          </Subtitle2>
          <Body1>{t('uxFindings.panel.elsewhereNote')}</Body1>
          <ul className={styles.list}>
            {elsewhere.map((f, i) => (
              <ElsewhereItem key={`${f.code}-${i}`} finding={f} report={report} objectId={objectId} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
