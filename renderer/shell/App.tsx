import { FluentProvider, makeStyles, Subtitle1, tokens, webLightTheme } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';
import { useAppInfo } from './useAppInfo';
import { Welcome } from './Welcome';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: tokens.spacingHorizontalXL },
});

/** The shell: header with the product name and language picker, then the current screen. */
export function App() {
  const { t } = useTranslation();
  const styles = useStyles();
  const appInfo = useAppInfo();
  return (
    <FluentProvider theme={webLightTheme}>
      <header className={styles.header}>
        <Subtitle1 as="p">{t('app.title')}</Subtitle1>
        <LanguagePicker />
      </header>
      <main className={styles.main} id="main">
        <Welcome appInfo={appInfo} />
      </main>
    </FluentProvider>
  );
}
