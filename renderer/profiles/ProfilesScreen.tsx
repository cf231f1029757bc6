import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title2,
  Toast,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract';
import type { FleetRow } from '../../shared/contract/fleet';
import type { ProfileView, StoreRecovered } from '../../shared/contract/profiles';
import { call } from '../client';
import { callErrorText } from './callErrorText';
import { expiryWarnings } from './expiryWarnings';
import { ExpiryWarningsBar } from './ExpiryWarningsBar';
import { CreateProfileDialog, DeleteProfileDialog, NameDialog, SecretDialog } from './ProfileDialogs';
import { FleetCheckBar } from './FleetCheckBar';
import { Pager } from './Pager';
import { ProfilesTable, type ProfileAction } from './ProfilesTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const IMPORT_ORIGIN_KEY = {
  'this-installation': 'thisInstallation',
  'other-installation': 'otherInstallation',
  unsigned: 'unsigned',
  unverified: 'unverified',
} as const;

type ListState = { state: 'loading' } | { state: 'ready'; profiles: ProfileView[]; total: number; recovered?: StoreRecovered } | { state: 'error'; message: string };
/** Profiles per page: a store of thousands costs one page per call and per render (issue 16). */
const PAGE_SIZE = 50;
type KeychainState = { available: boolean; reason?: string; fix?: string } | null;
type DialogState = { kind: ProfileAction | 'create'; profile: ProfileView | null; intro?: string } | null;

/** Largest file the import reads: the contract's limit on `content`. */
const MAX_IMPORT_CHARS = 2_000_000;

/**
 * The Profiles screen: one profile per customer or site. List with secret and verification
 * state, create, rename, duplicate, delete (with its keychain entry), open in the wizard,
 * export in five formats, and import of an exported json (which then asks for the secret).
 */
/** `onChanged` runs after every change to the stored profiles made here (rename, copy, delete, import, secret). */
export function ProfilesScreen({ currentProfileId, onOpen, onChanged }: { currentProfileId: string | null; onOpen(profileId: string): void; onChanged?(): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const toasterId = useId('profiles-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [keychain, setKeychain] = useState<KeychainState>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [problem, setProblem] = useState<{ title: string; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const toast = useCallback(
    (text: string, intent: 'success' | 'warning' = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent },
      ),
    [dispatchToast],
  );

  const [offset, setOffset] = useState(0);
  const [fleetRows, setFleetRows] = useState<ReadonlyMap<string, FleetRow>>(new Map());
  const keepRows = useCallback((rows: readonly FleetRow[]) => setFleetRows(new Map(rows.map((r) => [r.profileId, r]))), []);

  const reload = useCallback(async () => {
    const r = await call('profilesPage', { offset, limit: PAGE_SIZE });
    if (!r.ok) return setList({ state: 'error', message: callErrorText(t, r.error) });
    // Past the end (the last profile of the last page deleted): go back a page.
    if (r.value.profiles.length === 0 && offset > 0) return setOffset(Math.max(0, offset - PAGE_SIZE));
    setList({ state: 'ready', profiles: r.value.profiles, total: r.value.total, ...(r.value.recovered ? { recovered: r.value.recovered } : {}) });
  }, [t, offset]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    void call('keychainStatus', {}).then((r) => r.ok && setKeychain(r.value));
    void call('fleetResults', {}).then((r) => r.ok && keepRows(r.value.rows));
  }, [keepRows]);

  const close = () => setDialog(null);
  const failed = (title: string) => (error: CallError) => setProblem({ title, text: callErrorText(t, error) });

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    setProblem(null);
    const content = await file.text();
    if (content.length === 0 || content.length > MAX_IMPORT_CHARS) return setProblem({ title: t('profiles.import.failed'), text: t('profiles.import.size') });
    const r = await call('importProfile', { content });
    if (!r.ok) return failed(t('profiles.import.failed'))(r.error);
    await reload();
    onChanged?.();
    // Where the file comes from (this installation's integrity code checked, or not checkable) comes first.
    const origin = t(`store.import.${IMPORT_ORIGIN_KEY[r.value.importOrigin]}`);
    setDialog({ kind: 'secret', profile: r.value, intro: `${origin} ${t('profiles.import.askSecret', { name: r.value.name })}` });
  };

  const profiles = useMemo(() => (list.state === 'ready' ? list.profiles : []), [list]);
  const warnings = useMemo(() => expiryWarnings(profiles), [profiles]);
  return (
    <section className={styles.root} aria-labelledby="profiles-heading">
      <Toaster toasterId={toasterId} />
      <Title2 as="h1" id="profiles-heading" tabIndex={-1}>
        {t('profiles.heading')}
      </Title2>
      <Body1>{t('profiles.intro')}</Body1>
      <ExpiryWarningsBar warnings={warnings} />
      {list.state === 'ready' && list.recovered && (
        <MessageBar intent="warning" layout="multiline" data-testid="store-recovered">
          <MessageBarBody>
            {/* The reasons a file is repaired rather than moved aside (and the folder) come from the store namespace. */}
            {list.recovered.reason === 'invalid-profiles' || list.recovered.reason === 'file-deleted' ? (
              <>
                <MessageBarTitle>{t('store.recovered.title')}</MessageBarTitle>
                {t(`store.recovered.reason.${list.recovered.reason}`, { count: list.recovered.droppedProfiles ?? 0 })} {t('store.recovered.keptAt')}{' '}
              </>
            ) : (
              <>
                <MessageBarTitle>{t('profiles.recovered.title')}</MessageBarTitle>
                {t(`profiles.recovered.reason.${list.recovered.reason}`)} {t('profiles.recovered.movedTo')}{' '}
              </>
            )}
            <span className={styles.code}>{list.recovered.movedTo}</span>
            {list.recovered.folder && (
              <>
                {' '}
                {t('store.recovered.folder')} <span className={styles.code}>{list.recovered.folder}</span>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {keychain && !keychain.available && (
        <MessageBar intent="warning" layout="multiline" data-testid="keychain-unavailable">
          <MessageBarBody>
            <MessageBarTitle>{t('profiles.keychain.title')}</MessageBarTitle>
            {t('profiles.keychain.sessionOnly')} {keychain.fix}
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="profiles-error">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            {problem.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Button appearance="primary" onClick={() => setDialog({ kind: 'create', profile: null })}>
          {t('profiles.actions.new')}
        </Button>
        <Button onClick={() => fileInput.current?.click()}>{t('profiles.actions.import')}</Button>
        <FleetCheckBar onRows={keepRows} />
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('profiles.actions.import')}
          data-testid="import-file"
          onChange={(e) => void importFile(e)}
        />
      </div>
      {list.state === 'loading' && <Spinner size="small" label={t('profiles.loading')} />}
      {list.state === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{list.message}</MessageBarBody>
        </MessageBar>
      )}
      {list.state === 'ready' && profiles.length === 0 && <Body1 data-testid="profiles-empty">{t('profiles.empty')}</Body1>}
      {profiles.length > 0 && (
        <ProfilesTable
          profiles={profiles}
          lastChecks={fleetRows}
          currentProfileId={currentProfileId}
          onOpen={onOpen}
          onAction={(kind, profile) => {
            setProblem(null);
            setDialog({ kind, profile });
          }}
          onExported={(r) => (r.ok ? toast(t('profiles.export.done', { fileName: r.fileName })) : failed(t('profiles.export.failed'))(r.error))}
        />
      )}
      {list.state === 'ready' && <Pager offset={offset} size={PAGE_SIZE} total={list.total} onOffset={setOffset} />}

      <CreateProfileDialog
        open={dialog?.kind === 'create'}
        onClose={close}
        onCreated={(p) => {
          close();
          void reload();
          toast(t('profiles.done.created', { name: p.name }));
        }}
      />
      {dialog?.kind === 'rename' && dialog.profile && (
        <NameDialog
          open
          testId="rename-profile-dialog"
          title={t('profiles.dialogs.renameTitle', { name: dialog.profile.name })}
          submitLabel={t('profiles.actions.rename')}
          initialName={dialog.profile.name}
          onClose={close}
          onSubmit={async (name) => {
            const r = await call('profileRename', { profileId: dialog.profile!.id, name });
            if (!r.ok) return callErrorText(t, r.error);
            close();
            await reload();
            onChanged?.();
            toast(t('profiles.done.renamed', { name }));
            return null;
          }}
        />
      )}
      {dialog?.kind === 'duplicate' && dialog.profile && (
        <NameDialog
          open
          testId="duplicate-profile-dialog"
          title={t('profiles.dialogs.duplicateTitle', { name: dialog.profile.name })}
          submitLabel={t('profiles.actions.duplicate')}
          initialName={t('profiles.dialogs.copyName', { name: dialog.profile.name })}
          onClose={close}
          onSubmit={async (name) => {
            const r = await call('profileDuplicate', { profileId: dialog.profile!.id, name });
            if (!r.ok) return callErrorText(t, r.error);
            close();
            await reload();
            onChanged?.();
            toast(t('profiles.done.duplicated', { name: r.value.name }));
            return null;
          }}
        />
      )}
      <DeleteProfileDialog
        profile={dialog?.kind === 'delete' ? dialog.profile : null}
        onClose={close}
        onConfirm={async (keepKeychainEntry) => {
          const profile = dialog!.profile!;
          const r = await call('profileDelete', { profileId: profile.id, ...(keepKeychainEntry ? { keepKeychainEntry: true } : {}) });
          if (!r.ok) return r.error.code === 'KEYCHAIN_UNAVAILABLE' && !keepKeychainEntry ? 'keychain-unavailable' : callErrorText(t, r.error);
          close();
          await reload();
          onChanged?.();
          toast(r.value.keychainEntryKept ? t('store.delete.deletedEntryKept', { name: profile.name }) : t('profiles.done.deleted', { name: profile.name }));
          return null;
        }}
      />
      <SecretDialog
        profile={dialog?.kind === 'secret' ? dialog.profile : null}
        {...(dialog?.intro ? { intro: dialog.intro } : {})}
        onClose={close}
        onSaved={(sessionOnly) => {
          close();
          void reload();
          toast(t(sessionOnly ? 'profiles.done.secretSession' : 'profiles.done.secretSaved'), sessionOnly ? 'warning' : 'success');
        }}
      />
    </section>
  );
}
