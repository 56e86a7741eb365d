import { Alert, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../forms/contract-form';
import { useApi, useContractEvent, useContractQuery } from '../../transport/api-context';

/**
 * Says in words when the webhook's saved port was taken at start (an ERP or WooCommerce pointed at
 * it cannot reach Recado) and lets the owner keep the port used now. Shows nothing otherwise.
 */
export function PortConflictAlert() {
  const { t } = useTranslation();
  const api = useApi();
  const status = useContractQuery('webhook.status', {});
  useContractEvent('sandbox.modeChanged', status.reload);
  const [saving, setSaving] = useState(false);
  if (status.state.status !== 'ready' || !status.state.data.portConflict) return null;
  const { wanted, actual } = status.state.data.portConflict;

  const keep = async () => {
    setSaving(true);
    try {
      const kept = await api.call('webhook.keepCurrentPort', {});
      notifications.show({ color: 'green', message: t('portConflict.kept', { port: kept.port ?? actual }) });
      status.reload();
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Alert color="orange" title={t('portConflict.title', { wanted })} data-testid="port-conflict">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('portConflict.text', { wanted, actual })}</Text>
        <Button size="xs" variant="light" color="orange" loading={saving} onClick={() => void keep()}>
          {t('portConflict.keep', { actual })}
        </Button>
      </Stack>
    </Alert>
  );
}
