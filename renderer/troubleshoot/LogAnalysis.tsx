import { MAX_LOG_FILES } from '../../shared/contract/troubleshoot';
import { Body1, Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { clearSessionState, useSessionState } from './sessionState';
import { useTranslation } from 'react-i18next';
import type { LogAnalysis as Analysis } from '../../shared/contract/troubleshoot';
import { call } from '../client';
import { LogResults } from './LogResults';
import { readLogFile, uploadLogFile } from './readLogFile';

const useStyles = makeStyles({
  clear: { alignSelf: 'flex-start' },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  dropZone: {
    minHeight: '96px',
    width: '100%',
    maxWidth: '640px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** The most files one analysis takes (the contract's limit). */
const MAX_FILES = MAX_LOG_FILES;

type AnalysisState = { state: 'idle' } | { state: 'busy' } | { state: 'done'; analysis: Analysis } | { state: 'error'; message: string };

/**
 * guest.log analysis: files arrive by drag-and-drop or the picker (the drop zone is itself a
 * button, so the keyboard reaches the picker); gzipped rotations are unpacked here, then main
 * analyses them in time order.
 */
export function LogAnalysis() {
  const { t } = useTranslation();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // Kept for the session: leaving the screen does not lose the last analysis (Clear does).
  const [result, setResult] = useSessionState<AnalysisState>('log.result', { state: 'idle' });
  const [skipped, setSkipped] = useSessionState<string[]>('log.skipped', []);
  // After a reload the session state is empty: main still holds the last analysis until Clear.
  // A file the engineer drops meanwhile wins over it.
  const acted = useRef(false);
  useEffect(() => {
    if (result.state !== 'idle') return;
    let live = true;
    void call('lastLogAnalysis', {}).then((r) => {
      if (live && !acted.current && r.ok && r.value.analysis) setResult({ state: 'done', analysis: r.value.analysis });
    });
    return () => {
      live = false;
    };
    // Only on arrival: a later 'idle' (cleared, or no file readable) must not bring it back.
  }, []);

  const analyse = async (files: readonly File[]) => {
    if (files.length === 0) return;
    acted.current = true;
    setResult({ state: 'busy' });
    const uploadIds: string[] = [];
    const notRead: string[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      const read = await readLogFile(file);
      if (!read.ok) {
        notRead.push(t(`troubleshootScreen.log.skipped.${read.reason}`, { name: read.name }));
        continue;
      }
      const sent = await uploadLogFile(read.name, read.bytes);
      if (!sent.ok) return setResult({ state: 'error', message: sent.error.message });
      uploadIds.push(sent.value);
    }
    for (const file of files.slice(MAX_FILES)) notRead.push(t('troubleshootScreen.log.skipped.tooMany', { name: file.name, max: MAX_FILES }));
    setSkipped(notRead);
    if (uploadIds.length === 0) return setResult({ state: 'idle' });
    const r = await call('analyzeLogUploads', { uploadIds });
    setResult(r.ok ? { state: 'done', analysis: r.value } : { state: 'error', message: r.error.message });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void analyse(Array.from(e.dataTransfer.files));
  };
  const onDragOver = (e: DragEvent) => {
    // Without preventDefault the browser would open the dropped file instead.
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <section className={styles.root} aria-labelledby="log-heading">
      <Subtitle1 as="h2" id="log-heading">
        {t('troubleshootScreen.log.heading')}
      </Subtitle1>
      <Body1>{t('troubleshootScreen.log.intro')}</Body1>
      <Button
        className={mergeClasses(styles.dropZone, dragging && styles.dragging)}
        appearance="subtle"
        size="large"
        data-testid="log-drop-zone"
        onClick={() => picker.current?.click()}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        disabled={result.state === 'busy'}
      >
        <span>{t('troubleshootScreen.log.drop')}</span>
        <span>{t('troubleshootScreen.log.dropHint')}</span>
      </Button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        aria-label={t('troubleshootScreen.log.pick')}
        data-testid="log-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void analyse(files);
        }}
      />
      {skipped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{skipped.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'busy' && <Spinner size="small" label={t('troubleshootScreen.log.busy')} />}
      {result.state === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result.state === 'done' && (
        <>
          <Button className={styles.clear} onClick={() => {
            clearSessionState('log.');
            void call('clearLogAnalysis', {});
          }} data-testid="log-clear">
            {t('ux.troubleshoot.clearAnalysis')}
          </Button>
          <LogResults analysis={result.analysis} />
        </>
      )}
    </section>
  );
}
