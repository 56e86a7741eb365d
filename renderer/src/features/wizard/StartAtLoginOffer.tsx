import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../../transport/api-context';
import { useContractAction } from '../../forms/use-contract-action';

/**
 * The wizard's last step offers "start at login" (off by default), desktop app only: a browser
 * tab cannot start with the computer. The same switch lives in Tools → Aplicativo.
 */
export function StartAtLoginOffer() {
  const { t } = useTranslation();
  const info = useContractQuery('app.info', {});
  const [enabled, setEnabled] = useState(false);
  const setStartAtLogin = useContractAction('app.setStartAtLogin', {
    failureTitle: null,
    onSuccess: (_done, input) => setEnabled(input.enabled),
    success: (_done, input) => t(input.enabled ? 'tools.desktop.startAtLoginOn' : 'tools.desktop.startAtLoginOff'),
  });
  if (info.state.status !== 'ready' || info.state.data.host !== 'desktop') return null;
  return (
    <Switch
      data-testid="wizard-start-at-login"
      checked={enabled}
      label={t('tools.desktop.startAtLogin')}
      description={t('tools.desktop.startAtLoginHelp')}
      onChange={(e) => void setStartAtLogin.run({ enabled: e.currentTarget.checked })}
    />
  );
}
