import { Badge, Card, CardHeader, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AppInfoState } from './useAppInfo';

/** What the main process says about this installation: version, shell, keychain. */
export function InstallationStatus({ appInfo }: { appInfo: AppInfoState }) {
  const { t } = useTranslation();
  if (appInfo.state === 'loading') return <Spinner size="tiny" label={t('app.status.loading')} />;
  if (appInfo.state === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t('app.status.unreachable')}</MessageBarBody>
      </MessageBar>
    );
  }
  const { info } = appInfo;
  return (
    <Card data-testid="installation-status" aria-labelledby="installation-heading">
      <CardHeader header={<Text weight="semibold" id="installation-heading">{t('app.status.heading')}</Text>} />
      <Text data-testid="app-version">{t('app.status.version', { version: info.version })}</Text>
      <Text>{info.shell === 'electron' ? t('app.status.shellElectron') : t('app.status.shellBrowser')}</Text>
      <div>
        <Badge appearance="tint" color={info.keychain.available ? 'success' : 'warning'} data-testid="keychain-status">
          {info.keychain.available ? t('app.status.keychainOk') : t('app.status.keychainMissing')}
        </Badge>
      </div>
    </Card>
  );
}
