import { Button, Tooltip } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies one value to the clipboard; its accessible name says which value ("Copy Client ID"). */
export function CopyButton({ value, what, testId }: { value: string; what: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const label = t('wizard.common.copyWhat', { what });
  const text = copied === 'done' ? t('wizard.common.copied') : copied === 'failed' ? t('wizard.common.copyFailed') : t('wizard.common.copy');
  return (
    <Tooltip content={label} relationship="description">
      <Button
        size="small"
        type="button"
        aria-label={label}
        data-testid={testId}
        disabled={!value}
        onClick={() => {
          // The clipboard API needs a secure context: 127.0.0.1 and the Electron file page are both.
          void navigator.clipboard.writeText(value).then(
            () => setCopied('done'),
            () => setCopied('failed'),
          );
        }}
      >
        <span aria-live="polite">{text}</span>
      </Button>
    </Tooltip>
  );
}
