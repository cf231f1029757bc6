import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ProfileView } from '../../shared/contract/profiles';
import { call } from '../client';
import { callErrorText } from '../profiles/callErrorText';
import { downloadBytes, downloadFile } from './download';
import { readerLocale } from './readerLocale';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorPaletteGreenBorder2}`, borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * What to do once the setup is verified, right where the verdict is: the hand-off document,
 * its PDF (desktop app) or print-ready HTML (browser), the expiry reminder, the configuration
 * file, and starting the next site.
 */
export function HandOffActions({ profile, onAnotherSite }: { profile: ProfileView; onAnotherSite?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const desktop = typeof window.setup !== 'undefined';

  const exportAs = async (format: ExportFormat) => {
    const r = await call('exportProfile', { profileId: profile.id, format, locale: readerLocale() });
    if (!r.ok) return setNote({ ok: false, text: callErrorText(t, r.error) });
    downloadFile(r.value);
    setNote({ ok: true, text: t('ux.handoff.saved', { fileName: r.value.fileName }) });
  };
  const exportPdf = async () => {
    const r = await call('exportReportPdf', { profileId: profile.id, locale: readerLocale() });
    if (!r.ok) return setNote({ ok: false, text: callErrorText(t, r.error) });
    downloadBytes(Uint8Array.from(atob(r.value.contentBase64), (c) => c.charCodeAt(0)), r.value.fileName, r.value.mimeType);
    setNote({ ok: true, text: t('ux.handoff.saved', { fileName: r.value.fileName }) });
  };

  return (
    <section className={styles.root} aria-labelledby="handoff-heading" data-testid="handoff">
      <Subtitle2 as="h2" id="handoff-heading">{t('ux.handoff.heading')}</Subtitle2>
      <Text>{t('ux.handoff.intro')}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" data-testid="handoff-document" onClick={() => void (desktop ? exportPdf() : exportAs('html'))}>
          {desktop ? t('ux.handoff.pdf') : t('ux.handoff.html')}
        </Button>
        {desktop && <Button data-testid="handoff-html" onClick={() => void exportAs('html')}>{t('ux.handoff.html')}</Button>}
        <Button data-testid="handoff-ics" disabled={!profile.secretExpiry} onClick={() => void exportAs('ics')}>{t('ux.handoff.ics')}</Button>
        <Button data-testid="handoff-json" onClick={() => void exportAs('json')}>{t('ux.handoff.json')}</Button>
        {onAnotherSite && <Button appearance="subtle" data-testid="handoff-another" onClick={onAnotherSite}>{t('ux.handoff.another')}</Button>}
      </div>
      {!profile.secretExpiry && <Text size={200}>{t('ux.handoff.noExpiry')}</Text>}
      <div aria-live="polite">
        {note && (
          <MessageBar intent={note.ok ? 'success' : 'error'} data-testid="handoff-note">
            <MessageBarBody>{note.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
