import { Body1, Divider, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorLookup } from './ErrorLookup';
import { LogAnalysis } from './LogAnalysis';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '1100px' },
});

/**
 * Troubleshoot: for engineers who arrive when ISE is already failing. Paste what ISE says
 * (Test Connection text or a Java exception), or give it guest.log files.
 */
export function TroubleshootScreen() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="troubleshoot-heading">
      <Title2 as="h1" id="troubleshoot-heading" tabIndex={-1}>
        {t('troubleshootScreen.heading')}
      </Title2>
      <Body1>{t('troubleshootScreen.intro')}</Body1>
      <ErrorLookup />
      <Divider />
      <LogAnalysis />
    </section>
  );
}
