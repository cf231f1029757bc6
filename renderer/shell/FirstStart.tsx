import { Button, Card, CardHeader, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../client';
import type { CurrentProfile } from '../profiles/currentProfile';
import type { Navigate } from './screenRegistry';
import { callErrorMessage } from '../wizard/fieldErrors';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  card: { flex: '1 1 300px', maxWidth: '420px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The first start's two ways in: the built-in practice tenant, or a new profile for a real tenant. */
export function FirstStart({ store: wizard, navigate, practiceAvailable }: { store: CurrentProfile; navigate: Navigate; practiceAvailable: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [profileCount, setProfileCount] = useState<number | null>(null);
  useEffect(() => {
    void call('profilesExpiry', {}).then((r) => setProfileCount(r.ok ? r.value.total : null));
  }, []);

  return (
    <section aria-labelledby="first-start-heading" className={styles.form}>
      <Text as="h2" size={500} weight="semibold" id="first-start-heading">
        {profileCount ? t('wizard.start.headingAgain') : t('wizard.start.heading')}
      </Text>
      {wizard.profile && (
        <div>
          <Button appearance="primary" onClick={() => navigate('mailbox')} data-testid="continue-setup">
            {t('wizard.start.continue', { name: wizard.profile.name })}
          </Button>
        </div>
      )}
      <div className={styles.root}>
        <Card className={styles.card}>
          <CardHeader header={<Text weight="semibold">{t('wizard.start.practiceTitle')}</Text>} />
          <Text>{practiceAvailable ? t('wizard.start.practiceBody') : t('wizard.start.practiceOff')}</Text>
          <div>
            <Button
              appearance={wizard.profile ? 'secondary' : 'primary'}
              disabled={!practiceAvailable || busy}
              data-testid="start-practice"
              onClick={async () => {
                setBusy(true);
                const r = await wizard.startPractice();
                setBusy(false);
                if (r.ok) navigate('mailbox', { visit: false });
                else setError(callErrorMessage(t, r.error));
              }}
            >
              {t('wizard.start.practiceButton')}
            </Button>
          </div>
        </Card>
        <Card className={styles.card}>
          <CardHeader header={<Text weight="semibold">{t('wizard.start.newTitle')}</Text>} />
          <form
            className={styles.form}
            onSubmit={(e) => {
              e.preventDefault();
              wizard.startNew(name.trim());
              navigate('mailbox', { visit: false });
            }}
          >
            <Field label={t('wizard.start.newName')} hint={t('wizard.start.newNameHint')}>
              <Input value={name} onChange={(_e, d) => setName(d.value)} data-testid="new-profile-name" maxLength={100} />
            </Field>
            <div>
              <Button type="submit" data-testid="start-new">
                {t('wizard.start.newButton')}
              </Button>
            </div>
          </form>
        </Card>
        {profileCount ? (
          <Card className={styles.card}>
            <CardHeader header={<Text weight="semibold">{t('wizard.start.profilesTitle', { count: profileCount })}</Text>} />
            <div>
              <Button onClick={() => navigate('profiles')}>{t('wizard.start.profilesButton')}</Button>
            </div>
          </Card>
        ) : null}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
