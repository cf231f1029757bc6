import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // `contents`: the step's sticky check bar (CheckPanel) is held by the whole step, not the form.
  form: { display: 'contents' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  nav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

export interface StepLayoutProps {
  screen: WizardScreen;
  instructions: ReactNode;
  fields?: ReactNode;
  /** Content between the fields and the check (the PowerShell, the ISE sheet …). */
  children?: ReactNode;
  check: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  callError?: string | null;
  onGo(screen: WizardScreen): void;
}

/** One wizard screen: heading, what to do, the fields, the step's material, its check, previous/next. */
export function StepLayout({ screen, instructions, fields, children, check, onSubmit, callError, onGo }: StepLayoutProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const index = WIZARD_SCREENS.indexOf(screen);
  const prev = WIZARD_SCREENS[index - 1];
  const next = WIZARD_SCREENS[index + 1];
  return (
    <section className={styles.root} aria-labelledby="step-heading" data-testid={`step-${screen}`}>
      <Title2 as="h1" id="step-heading" tabIndex={-1}>
        {t('wizard.stepOf', { n: index + 1, total: WIZARD_SCREENS.length, title: t(`app.steps.${screen}.title`) })}
      </Title2>
      <Body1>{t(`wizard.${screen}.intro`)}</Body1>
      <section className={styles.section} aria-labelledby="todo-heading">
        <Subtitle2 as="h2" id="todo-heading">
          {t('wizard.whatToDo')}
        </Subtitle2>
        {instructions}
      </section>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="step-heading">
        {fields && <div className={styles.fields}>{fields}</div>}
        {children}
        {callError && (
          <MessageBar intent="error" data-testid="call-error">
            <MessageBarBody>{callError}</MessageBarBody>
          </MessageBar>
        )}
        {check}
      </form>
      <nav className={styles.nav} aria-label={t('wizard.stepNavLabel')}>
        {prev ? (
          <Button onClick={() => onGo(prev)}>{t('wizard.previous', { title: t(`app.steps.${prev}.title`) })}</Button>
        ) : (
          <span />
        )}
        {next && (
          <Button appearance="secondary" onClick={() => onGo(next)} data-testid="next-step">
            {t('wizard.next', { title: t(`app.steps.${next}.title`) })}
          </Button>
        )}
      </nav>
    </section>
  );
}
