import { useCallback, useEffect, useState } from 'react';
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
 * The secret-expiry warnings of every profile (≤ 30 days, ≤ 7 days, expired), loaded once when
 * mounted. With `notify` (the default) it also shows a desktop notification per profile, at
 * most once a day each (remembered in localStorage). The shell calls it once at start.
 */
export function useExpiryWarnings(options: { notify?: boolean } = {}): { warnings: ExpiryWarning[]; refresh: () => void } {
  const { t } = useTranslation();
  const notify = options.notify ?? true;
  const [warnings, setWarnings] = useState<ExpiryWarning[]>([]);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void call('profilesList', {}).then((r) => {
      if (!live || !r.ok) return;
      const found = expiryWarnings(r.value.profiles);
      setWarnings(found);
      if (notify && generation === 0) void notifyAtStart(t, found);
    });
    return () => {
      live = false;
    };
    // `t` changes with the language; the notification is a start-up event, so it is not a dependency.
  }, [notify, generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { warnings, refresh };
}
