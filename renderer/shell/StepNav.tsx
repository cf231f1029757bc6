import { Badge, Button, Divider, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';
import type { StepBadge } from '../wizard/screens';
import type { ScreenId } from './routes';
import { preloadScreen } from './screenRegistry';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '220px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  label: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
});

const STATUS_COLOR: Record<StepBadge, 'informative' | 'warning' | 'success' | 'danger' | 'subtle'> = {
  stale: 'subtle',
  'stale-scenario': 'subtle',
  'not-started': 'informative',
  'in-progress': 'warning',
  passed: 'success',
  failed: 'danger',
};

/**
 * The step list: where the engineer is (aria-current) and each step's state in words, plus
 * the Profiles entry (Troubleshoot is in the header, reachable from every screen).
 */
export function StepNav({ screen, statusOf, onGo }: { screen: ScreenId; statusOf(s: WizardScreen): StepBadge; onGo(s: ScreenId): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const entry = (value: ScreenId, content: React.ReactNode, extra: Record<string, string> = {}) => (
    <li key={value}>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.item, screen === value && styles.current)}
        aria-current={screen === value ? (value === 'profiles' || value === 'start' ? 'page' : 'step') : undefined}
        onClick={() => onGo(value)}
        onPointerEnter={() => preloadScreen(value)}
        onFocus={() => preloadScreen(value)}
        data-testid={`nav-${value}`}
        {...extra}
      >
        {content}
      </Button>
    </li>
  );
  return (
    <nav className={styles.root} aria-label={t('wizard.nav.label')} data-testid="step-nav">
      <ol className={styles.list}>
        {entry('start', t('wizard.nav.start'))}
        {WIZARD_SCREENS.map((s, i) => {
          const status = statusOf(s);
          return entry(
            s,
            <span className={styles.label}>
              <Text>{`${i + 1}. ${t(`app.steps.${s}.title`)}`}</Text>
              <Badge size="small" appearance="tint" color={STATUS_COLOR[status]}>
                {status === 'stale' ? t('ux.status.stale') : status === 'stale-scenario' ? t('uxFindings.stale.badge') : t(`wizard.status.${status}`)}
              </Badge>
            </span>,
            { 'data-status': status },
          );
        })}
      </ol>
      <Divider />
      <ul className={styles.list}>{entry('profiles', t('wizard.nav.profiles'))}</ul>
    </nav>
  );
}
