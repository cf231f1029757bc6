import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SetupStep } from '../../shared/contract/automation';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  operation: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** What undo will remove: the engine's own what-if (null while it is being read). */
export interface UndoPreview {
  operations: { step: SetupStep; operation: string }[];
}

/**
 * Undo asks first (issue 14 point 3): the list comes from the engine's what-if undo, so it is
 * exactly what will be removed, in the order it will be removed, and only what this tool created.
 */
export function UndoDialog(props: { open: boolean; profileName: string; preview: UndoPreview | null; busy: boolean; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const operations = props.preview?.operations ?? [];
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface data-testid="automation-undo-dialog">
        <DialogBody>
          <DialogTitle>{t('automation.undo.dialog.title')}</DialogTitle>
          <DialogContent>
            {!props.preview ? (
              <Spinner size="tiny" label={t('automation.undo.dialog.loading')} />
            ) : operations.length === 0 ? (
              <Body1>{t('automation.undo.dialog.nothing')}</Body1>
            ) : (
              <>
                <Body1>{t('automation.undo.dialog.intro', { profile: props.profileName })}</Body1>
                <ol className={styles.list} data-testid="automation-undo-list">
                  {operations.map((o, i) => (
                    <li key={`${o.step}-${i}`}>
                      <Body1>{t(`automation.steps.${o.step}`, { defaultValue: o.step })}</Body1>
                      <br />
                      <Caption1 className={styles.operation}>{o.operation}</Caption1>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose} data-testid="automation-undo-cancel">
              {t('automation.undo.dialog.cancel')}
            </Button>
            <Button appearance="primary" onClick={props.onConfirm} disabled={props.busy || operations.length === 0} data-testid="automation-undo-confirm">
              {t('automation.undo.dialog.remove')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
