import type { ReactNode } from 'react';
import { Body1, Button, Caption1, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { WIZARD_SCREENS } from '../../shared/steps';
import { InstallationStatus } from './InstallationStatus';
import type { AppInfoState } from './useAppInfo';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  steps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  step: { display: 'flex', flexDirection: 'column' },
});

/** The first screen: what the tool does, the steps, how to begin (children), and what this installation can do. */
export function Welcome({ appInfo, onStart, children }: { appInfo: AppInfoState; onStart?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="welcome-heading">
      <Title2 as="h1" id="welcome-heading">
        {t('app.welcome.heading')}
      </Title2>
      <Body1>{t('app.welcome.intro')}</Body1>
      <Subtitle2 as="h2">{t('app.welcome.stepsHeading')}</Subtitle2>
      <ol className={styles.steps} data-testid="welcome-steps">
        {WIZARD_SCREENS.map((screen) => (
          <li key={screen} className={styles.step}>
            <Body1>
              <strong>{t(`app.steps.${screen}.title`)}</strong>
            </Body1>
            <Caption1>{t(`app.steps.${screen}.summary`)}</Caption1>
          </li>
        ))}
      </ol>
      {/* The Basic-auth cutoff (MC786329): moving an ISE to OAuth is a path of its own. */}
      <Body1 data-testid="welcome-basic-auth">{t('advice.welcome.basicAuth')}</Body1>
      <Caption1>{t('app.welcome.practiceHint')}</Caption1>
      {onStart && (
        <div>
          <Button appearance="primary" onClick={onStart}>
            {t('app.welcome.start')}
          </Button>
        </div>
      )}
      {children}
      <InstallationStatus appInfo={appInfo} />
    </section>
  );
}
