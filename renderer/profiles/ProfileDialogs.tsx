import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ProfileView } from '../../shared/contract/profiles';
import { ClientIdSchema, ClientSecretSchema, MailboxSchema, TenantIdSchema } from '../../shared/validators';
import { call } from '../client';
import { callErrorText } from './callErrorText';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The validation key of the first issue (shared/validators.ts messages are stable keys), or null. */
function ruleKey(schema: z.ZodType, value: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
}

/** A dialog whose body is a form: Enter submits, Cancel closes, the error shows above the buttons. */
function FormDialog(props: {
  open: boolean;
  title: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Dialog open={props.open} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface data-testid={props.testId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>
              {props.children}
              {props.error && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{props.error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={props.busy}>
                {props.submitLabel}
              </Button>
              <Button appearance="secondary" type="button" onClick={props.onClose}>
                {t('profiles.actions.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

type CreateField = 'name' | 'customer' | 'mailbox' | 'tenantId' | 'clientId';

/**
 * Creates a profile: its name and customer, plus the three identity values a profile cannot be
 * stored without (Email Address, Tenant ID, Client ID). Everything else is filled in the wizard.
 */
export function CreateProfileDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(p: ProfileView): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<CreateField, string>>({ name: '', customer: '', mailbox: '', tenantId: '', clientId: '' });
  const [errors, setErrors] = useState<Partial<Record<CreateField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: CreateField) => (_: unknown, data: { value: string }) => setValues((v) => ({ ...v, [field]: data.value }));

  const submit = async () => {
    const found: Partial<Record<CreateField, string>> = {};
    if (!values.name.trim()) found.name = t('profiles.dialogs.nameRequired');
    for (const [field, schema] of [['mailbox', MailboxSchema], ['tenantId', TenantIdSchema], ['clientId', ClientIdSchema]] as const) {
      const key = ruleKey(schema, values[field]);
      if (key) found[field] = t(`validation.${key}`);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`create-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const r = await call('profileCreate', { ...values, name: values.name.trim() });
    setBusy(false);
    if (!r.ok) {
      const field = r.error.field as CreateField | undefined;
      if (field && field in values) setErrors({ [field]: callErrorText(t, r.error) });
      else setFailure(callErrorText(t, r.error));
      return;
    }
    setValues({ name: '', customer: '', mailbox: '', tenantId: '', clientId: '' });
    setFailure(null);
    onCreated(r.value);
  };

  const field = (name: CreateField, label: string, hint?: string) => (
    <Field label={label} required={name !== 'customer'} validationMessage={errors[name]} hint={hint}>
      <Input id={`create-${name}`} value={values[name]} onChange={set(name)} />
    </Field>
  );
  return (
    <FormDialog
      open={open}
      title={t('profiles.dialogs.createTitle')}
      submitLabel={t('profiles.actions.create')}
      busy={busy}
      error={failure}
      onSubmit={() => void submit()}
      onClose={onClose}
      testId="create-profile-dialog"
    >
      {field('name', t('profiles.fields.name'))}
      {field('customer', t('profiles.fields.customer'))}
      {field('mailbox', 'Email Address', t('profiles.dialogs.mailboxHint'))}
      {field('tenantId', 'Tenant ID')}
      {field('clientId', 'Client ID')}
    </FormDialog>
  );
}

/** Asks for a name: used to rename a profile and to name a duplicate. */
export function NameDialog(props: {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  onClose(): void;
  onSubmit(name: string): Promise<string | null>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setError(t('profiles.dialogs.nameRequired'));
    setBusy(true);
    const failure = await props.onSubmit(name.trim());
    setBusy(false);
    setError(failure);
  };
  return (
    <FormDialog open={props.open} title={props.title} submitLabel={props.submitLabel} busy={busy} error={null} onSubmit={() => void submit()} onClose={props.onClose} testId={props.testId}>
      <Field label={t('profiles.fields.name')} required validationMessage={error ?? undefined}>
        <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
      </Field>
    </FormDialog>
  );
}

/**
 * Confirms a delete, and says that the keychain entry (the stored client secret) goes with it.
 * When the keychain cannot be reached, `onConfirm` answers 'keychain-unavailable' and the
 * dialog offers to delete the profile anyway, saying the keychain entry, if any, stays.
 */
export function DeleteProfileDialog({
  profile,
  onClose,
  onConfirm,
}: {
  profile: ProfileView | null;
  onClose(): void;
  onConfirm(keepKeychainEntry: boolean): Promise<string | null | 'keychain-unavailable'>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [offerAnyway, setOfferAnyway] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const result = await onConfirm(offerAnyway);
    if (result === 'keychain-unavailable') {
      setOfferAnyway(true);
      setError(null);
    } else setError(result);
    setBusy(false);
  };
  const close = () => {
    setOfferAnyway(false);
    setError(null);
    onClose();
  };
  return (
    <FormDialog
      open={profile !== null}
      title={t('profiles.dialogs.deleteTitle', { name: profile?.name ?? '' })}
      submitLabel={offerAnyway ? t('store.delete.anyway') : t('profiles.actions.delete')}
      busy={busy}
      error={error}
      onSubmit={() => void confirm()}
      onClose={close}
      testId="delete-profile-dialog"
    >
      <p>{offerAnyway ? t('store.delete.keychainUnavailable') : t('profiles.dialogs.deleteBody')}</p>
    </FormDialog>
  );
}

/**
 * Asks for a profile's client secret (masked) and sends it to main with secretSet; main keeps
 * it in the OS keychain and never sends it back. Says so when only this session holds it.
 */
export function SecretDialog({ profile, intro, onClose, onSaved }: { profile: ProfileView | null; intro?: string; onClose(): void; onSaved(sessionOnly: boolean): void }) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setSecret('');
    setError(null);
    onClose();
  };
  const submit = async () => {
    if (!profile) return;
    const key = ruleKey(ClientSecretSchema, secret);
    if (key) return setError(t(`validation.${key}`));
    setBusy(true);
    const r = await call('secretSet', { profileId: profile.id, secret });
    setBusy(false);
    if (!r.ok) return setError(callErrorText(t, r.error));
    setSecret('');
    setError(null);
    onSaved(r.value.secretStorage === 'session');
  };
  return (
    <FormDialog
      open={profile !== null}
      title={t('profiles.dialogs.secretTitle', { name: profile?.name ?? '' })}
      submitLabel={t('profiles.actions.saveSecret')}
      busy={busy}
      error={null}
      onSubmit={() => void submit()}
      onClose={close}
      testId="secret-dialog"
    >
      {intro && <p>{intro}</p>}
      <Field label="Client Secret" required validationMessage={error ?? undefined} hint={t('profiles.dialogs.secretHint')}>
        <Input type="password" autoComplete="off" value={secret} onChange={(_, d) => setSecret(d.value)} autoFocus />
      </Field>
    </FormDialog>
  );
}
