import { Button, Card, CardHeader, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The welcome screen's way into "Set it up for me" (the guided manual path stays beside it). */
export function AutomationEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t('automation.entry.title')}</Text>} />
      <Text>{t('automation.entry.body')}</Text>
      <div>
        <Button onClick={onOpen} data-testid="open-automation">
          {t('automation.entry.button')}
        </Button>
      </div>
    </Card>
  );
}
