import type { TFunction } from 'i18next';
import type { Wizard } from './step';

/** Why a step's check cannot run yet, in the engineer's language; null when it can. */
export function checkBlockedReason(wizard: Wizard, t: TFunction): string | null {
  if (!wizard.profile) return t('wizard.check.needsProfile');
  // A typed secret kept in main's memory is saved just before the check runs.
  if (!wizard.profile.secretStored && !wizard.draftSecret.status.kept) return t('wizard.check.needsSecret');
  return null;
}
