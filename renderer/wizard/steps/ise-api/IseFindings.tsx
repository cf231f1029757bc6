import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isIseApiFindingCode, type IseFinding } from '../../../../shared/ise-api/findings';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: 'none' },
  wrap: { overflowWrap: 'anywhere' },
  details: { marginTop: tokens.spacingVerticalXS, '& > summary': { cursor: 'pointer' } },
  raw: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontSize: tokens.fontSizeBase200 },
});

/** Where a code's texts are: the ISE API's own namespace, or the diagnosis's (ISE_VERSION_UNSUPPORTED). */
function textKey(code: string, part: 'title' | 'cause' | 'fix'): string {
  return isIseApiFindingCode(code) ? `iseApi.findings.${code}.${part}` : `findings.${code}.${part}`;
}

/** The ISE findings, each with its cause and fix in the user's language. */
export function IseFindings({ findings }: { findings: readonly IseFinding[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <ul className={styles.list} data-testid="ise-api-findings" aria-label={t('iseApi.findingsHeading')}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} data-testid="ise-api-finding" data-code={f.code}>
          <MessageBar intent={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'} layout="multiline">
            <MessageBarBody className={styles.wrap}>
              <MessageBarTitle>{t(textKey(f.code, 'title'), f.params)}</MessageBarTitle>
              <div>
                <strong>{t('findingCard.cause')}</strong> {t(textKey(f.code, 'cause'), f.params)}
              </div>
              <div>
                <strong>{t('findingCard.fix')}</strong> {t(textKey(f.code, 'fix'), f.params)}
              </div>
              {/* The code is for support, not for the engineer's eye (issue 13 point 6): in the details only. */}
              <details className={styles.details} data-testid="ise-api-finding-details">
                <summary>{t('uxFindings.card.details')}</summary>
                <div data-testid="finding-code">{t('uxFindings.card.code', { code: f.code })}</div>
                {f.raw && <pre className={styles.raw}>{f.raw}</pre>}
              </details>
            </MessageBarBody>
          </MessageBar>
        </li>
      ))}
    </ul>
  );
}
