import { Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';

/**
 * The wizard's last step offers "start at login" (off by default), desktop app only: a browser
 * tab cannot start with the computer. The same switch lives in Tools → Aplicativo.
 */
export function StartAtLoginOffer() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useContractQuery('app.info', {});
  const [enabled, setEnabled] = useState(false);
  if (info.state.status !== 'ready' || info.state.data.host !== 'desktop') return null;
  return (
    <Switch
      data-testid="wizard-start-at-login"
      checked={enabled}
      label={t('desktopApp.startAtLogin')}
      description={t('desktopApp.startAtLoginHelp')}
      onChange={async (e) => {
        const next = e.currentTarget.checked;
        try {
          await api.call('app.setStartAtLogin', { enabled: next });
          setEnabled(next);
          notifications.show({ color: 'green', message: t(next ? 'desktopApp.startAtLoginOn' : 'desktopApp.startAtLoginOff') });
        } catch (error) {
          notifications.show({ color: 'red', message: describeError(error, t) });
        }
      }}
    />
  );
}
