import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogDetail } from '../../../../shared/contract/methods/log';
import { useContractAction } from '../../forms/use-contract-action';

/**
 * "Reenviar" for a failed or unconfirmed message: queues a new notification (`dispatch.resend`).
 * An unconfirmed one may already be on the customer's phone, so the owner confirms first.
 */
export function ResendButton({ detail, onResent }: { detail: LogDetail; onResent(newId: number): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const resending = useContractAction('dispatch.resend', {
    failureTitle: t('log.resend.failed'),
    onSuccess: ({ notificationId }) => {
      setConfirming(false);
      onResent(notificationId);
    },
    onError: () => setConfirming(false),
    success: () => ({ color: 'green', title: t('log.resend.queued'), message: t('log.resend.queuedDetail', { order: detail.orderNumber }) }),
  });
  const busy = resending.busy;
  const resend = () => resending.run({ notificationId: detail.id });

  return (
    <>
      <Group>
        <Button
          leftSection={<IconRepeat size={16} />}
          loading={busy && !confirming}
          onClick={() => (detail.status === 'unconfirmed' ? setConfirming(true) : void resend())}
          data-testid="resend"
        >
          {t('log.resend.button')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('log.resend.confirmTitle')} centered data-testid="resend-confirm">
        <Stack>
          <Text size="sm">{t('log.resend.confirmUnconfirmed')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => void resend()} loading={busy} data-testid="resend-confirm-button">
              {t('log.resend.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
