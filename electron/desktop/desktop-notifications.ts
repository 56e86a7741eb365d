import { Notification } from 'electron';
import { desktopNotificationText } from '../../shared/i18n/desktop-notifications';

export interface DesktopNotice {
  titleKey: string;
  bodyKey: string;
  params: Record<string, string | number>;
}

/**
 * Shows the core's `notify.desktop` events as OS notifications in the owner's language, because
 * Recado usually runs hidden in the tray; a click brings the window back.
 */
export function showDesktopNotice(notice: DesktopNotice, language: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({
    title: desktopNotificationText(language, notice.titleKey, notice.params),
    body: desktopNotificationText(language, notice.bodyKey, notice.params),
  });
  notification.on('click', onClick);
  notification.show();
}
