import { Caption1, Field, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Route } from '../../shared/diagnostic-report';
import type { Wizard } from './step';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * The route, asked before the app registration (DESIGN §2: it decides whether the Entra
 * permission is added at all, what the token's claims must be, which PowerShell runs and which
 * fixes apply). Default classic; one line on each. Stored on the profile like any field.
 */
export function RoutePicker({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const option = (route: Route) => (
    <span className={styles.option}>
      <span>{t(`advice.route.${route}`)}</span>
      <Caption1>{t(`advice.route.${route}Line`)}</Caption1>
    </span>
  );
  return (
    <Field label={t('advice.route.label')} hint={t('advice.route.hint')}>
      <RadioGroup
        value={wizard.draft.route}
        data-testid="route-first"
        onChange={(_e, data) => {
          const route = data.value as Route;
          wizard.setDraftValue('route', route);
          void wizard.saveField('route', route);
        }}
      >
        <Radio value="classic" label={option('classic')} data-testid="route-first-classic" />
        <Radio value="app-rbac" label={option('app-rbac')} data-testid="route-first-app-rbac" />
      </RadioGroup>
    </Field>
  );
}
