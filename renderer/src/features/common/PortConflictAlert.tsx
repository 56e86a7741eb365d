import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContractAction } from '../../forms/use-contract-action';
import { useContractEvent, useContractQuery } from '../../transport/api-context';

/**
 * Says in words when the webhook's saved port was taken at start (an ERP or WooCommerce pointed at
 * it cannot reach Recado) and lets the owner keep the port used now. Shows nothing otherwise.
 */
export function PortConflictAlert() {
  const { t } = useTranslation();
  const status = useContractQuery('webhook.status', {});
  useContractEvent('sandbox.modeChanged', status.reload);
  const conflict = status.state.status === 'ready' ? status.state.data.portConflict : null;
  const keep = useContractAction('webhook.keepCurrentPort', {
    failureTitle: null,
    onSuccess: () => status.reload(),
    success: (kept) => t('common.portConflict.kept', { port: kept.port ?? conflict?.actual }),
  });
  if (!conflict) return null;
  const { wanted, actual } = conflict;

  return (
    <Alert color="orange" title={t('common.portConflict.title', { wanted })} data-testid="port-conflict">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('common.portConflict.text', { wanted, actual })}</Text>
        <Button size="xs" variant="light" color="orange" loading={keep.busy} onClick={() => void keep.run({})}>
          {t('common.portConflict.keep', { actual })}
        </Button>
      </Stack>
    </Alert>
  );
}
