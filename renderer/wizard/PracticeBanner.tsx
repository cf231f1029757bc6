import { Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PracticeStatus } from '../../shared/contract/practice';
import type { PracticeScenario } from '../../shared/practice';
import { call } from '../client';
import type { CurrentProfile } from '../profiles/currentProfile';
import { callErrorMessage } from './fieldErrors';

const useStyles = makeStyles({
  body: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap', '@media (max-height: 720px)': { gap: tokens.spacingHorizontalS } },
  // On a 640 px high screen the banner says the essential in one line; the rest is its tooltip.
  detail: { '@media (max-height: 720px)': { display: 'none' } },
});

/**
 * Says plainly that the practice tenant is in use, and lets a trainee switch its scenario: the
 * practice profile is refreshed with that scenario's credentials, and the step results made before
 * are kept and shown as stale (neither reset nor passed off as current).
 */
export function PracticeBanner({ wizard }: { wizard: Pick<CurrentProfile, 'markResultsStale' | 'openProfile'> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [status, setStatus] = useState<PracticeStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('practiceStatus', {}).then((r) => (r.ok ? setStatus(r.value) : setError(callErrorMessage(t, r.error))));
  }, []);

  const switchTo = async (scenario: PracticeScenario) => {
    const r = await call('practiceSetScenario', { scenario });
    if (!r.ok) return setError(callErrorMessage(t, r.error));
    setStatus(r.value);
    const p = await call('practiceProfile', {});
    if (!p.ok) return setError(callErrorMessage(t, p.error));
    wizard.markResultsStale();
    await wizard.openProfile(p.value.id, { fresh: true, keepReports: true });
  };

  return (
    <MessageBar intent="warning" layout="multiline" data-testid="practice-banner">
      <MessageBarBody className={styles.body}>
        <span>
          <MessageBarTitle>{t('wizard.practice.bannerTitle')}</MessageBarTitle>
          <span className={styles.detail}>{t('wizard.practice.bannerBody')}</span>
        </span>
        {status?.active && (
          <Field label={t('wizard.practice.scenario')} orientation="horizontal">
            <Select value={status.scenario ?? 'healthy'} data-testid="practice-scenario" onChange={(_e, data) => void switchTo(data.value as PracticeScenario)}>
              {status.scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {t(`wizard.practice.scenarios.${s.name}`, { defaultValue: s.name })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {error && <span role="alert">{error}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
