import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { DiagnosticReport, Finding } from '../../shared/diagnostic-report';
import { FindingCard } from '../components/FindingCard';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** A report's findings, errors first; a healthy run says so instead of showing nothing. */
export function FindingList({ report }: { report: DiagnosticReport }) {
  const { t } = useTranslation();
  const findings: Finding[] = [...report.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  if (findings.length === 0) return <Body1>{t('wizard.check.noFindings')}</Body1>;
  return (
    <>
      {findings.map((f, i) => (
        <FindingCard key={`${f.code}-${i}`} code={f.code} severity={f.severity} step={f.step} params={f.params} evidence={f.raw} />
      ))}
    </>
  );
}
