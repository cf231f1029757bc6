import { MenuItem } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import type { ExportFormat, ProfileView } from '../../shared/contract/profiles';
import type { CallError } from '../../shared/contract';
import { call } from '../client';
import { downloadBytes, downloadFile } from '../components/download';
import { MenuButtonOnDemand } from '../components/MenuButtonOnDemand';
import { readerLocale } from '../components/readerLocale';

const FORMATS: readonly ExportFormat[] = ['json', 'html', 'ps1', 'pem', 'ics'];

/**
 * The export formats of one profile; each asks main for the file and downloads it. The HTML
 * report is downloaded too (the app opens no windows): the engineer prints it from there.
 */
export function ExportMenu({ profile, onDone, t }: {
  profile: ProfileView;
  onDone(result: { ok: true; fileName: string } | { ok: false; error: CallError }): void;
  /** The row's (one useTranslation per row, see ProfileBadges). */
  t: TFunction;
}) {
  const run = async (format: ExportFormat) => {
    const r = await call('exportProfile', { profileId: profile.id, format, locale: readerLocale() });
    if (!r.ok) return onDone({ ok: false, error: r.error });
    downloadFile(r.value);
    onDone({ ok: true, fileName: r.value.fileName });
  };
  // Only the desktop app can print a PDF (Electron's printToPDF); its preload provides window.setup.
  const desktop = typeof window.setup !== 'undefined';
  const runPdf = async () => {
    const r = await call('exportReportPdf', { profileId: profile.id, locale: readerLocale() });
    if (!r.ok) return onDone({ ok: false, error: r.error });
    const bytes = Uint8Array.from(atob(r.value.contentBase64), (c) => c.charCodeAt(0));
    downloadBytes(bytes, r.value.fileName, r.value.mimeType);
    onDone({ ok: true, fileName: r.value.fileName });
  };
  return (
    <MenuButtonOnDemand
      label={t('profiles.actions.exportFor', { name: profile.name })}
      items={() => (
        <>
          {FORMATS.map((format) => (
            <MenuItem key={format} onClick={() => void run(format)} secondaryContent={`.${format}`}>
              {t(`profiles.export.${format}`)}
            </MenuItem>
          ))}
          {desktop && (
            <MenuItem onClick={() => void runPdf()} secondaryContent=".pdf">
              {t('profiles.export.pdf')}
            </MenuItem>
          )}
        </>
      )}
    >
      {t('profiles.actions.export')}
    </MenuButtonOnDemand>
  );
}
