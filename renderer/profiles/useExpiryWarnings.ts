import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { call } from '../client';
import { expiryWarnings, localDay, takeDueNotifications, type ExpiryWarning } from './expiryWarnings';

/** The text of one warning (MessageBar line and desktop notification body). */
export function expiryWarningText(t: TFunction, w: ExpiryWarning): string {
  if (w.level === 'expired') return t('profiles.expiry.warningExpired', { name: w.name, count: -w.daysLeft });
  return t('profiles.expiry.warningDays', { name: w.name, count: w.daysLeft });
}

/** Shows a desktop notification per due warning, when the Notification API is there and permitted. */
async function notifyAtStart(t: TFunction, warnings: ExpiryWarning[]): Promise<void> {
  if (warnings.length === 0 || typeof Notification === 'undefined') return;
  let permission = Notification.permission;
  if (permission === 'default') {
    try {
      permission = await Notification.requestPermission();
    } catch {
      return;
    }
  }
  if (permission !== 'granted') return;
  // Check and mark in one synchronous step, after the await, so a second start-up effect cannot repeat it.
  for (const w of takeDueNotifications(warnings, localStorage, localDay())) {
    new Notification(t('profiles.expiry.notificationTitle'), { body: expiryWarningText(t, w), tag: `secret-expiry-${w.profileId}` });
  }
}

/**
 * The secret-expiry warnings of every profile (≤ 30 days, ≤ 7 days, expired), loaded when
 * mounted and again whenever `revision` (the current-profile store's count of profile changes)
 * moves. With `notify` (the default) the first load also shows a desktop notification per
 * profile, at most once a day each (remembered in localStorage). The shell calls it once.
 */
export function useExpiryWarnings(revision: number, options: { notify?: boolean } = {}): { warnings: ExpiryWarning[] } {
  const { t } = useTranslation();
  const notify = options.notify ?? true;
  const [warnings, setWarnings] = useState<ExpiryWarning[]>([]);
  const [firstRevision] = useState(revision);
  const generation = revision - firstRevision;
  useEffect(() => {
    let live = true;
    // From the store's index (profilesExpiry), not every profile with its keychain status (profilesList).
    void call('profilesExpiry', {}).then((r) => {
      if (!live || !r.ok) return;
      const found = expiryWarnings(r.value.warnings);
      setWarnings(found);
      if (notify && generation === 0) void notifyAtStart(t, found);
    });
    return () => {
      live = false;
    };
    // `t` changes with the language; the notification is a start-up event, so it is not a dependency.
  }, [notify, generation]);
  return { warnings };
}
