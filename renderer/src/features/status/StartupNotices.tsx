import { Alert, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';

/**
 * What went wrong while Recado started (a damaged settings or key file it replaced to start),
 * in words, one dismissible Alert each, until the owner dismisses it. Shows nothing otherwise.
 */
export function StartupNotices() {
  const { t } = useTranslation();
  const api = useApi();
  const { state, setData } = useContractQuery('app.notices', {});
  if (state.status !== 'ready' || state.data.length === 0) return null;

  const dismiss = async (id: string) => {
    try {
      setData(await api.call('app.dismissNotice', { id }));
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Stack gap="xs">
      {state.data.map((notice) => (
        <Alert
          key={notice.id}
          color="orange"
          title={t(`startupNotice.${notice.kind}.title`)}
          withCloseButton
          closeButtonLabel={t('startupNotice.dismiss')}
          onClose={() => void dismiss(notice.id)}
          data-testid={`startup-notice-${notice.kind}`}
        >
          <Text size="sm">{t(`startupNotice.${notice.kind}.text`, { path: notice.keptAs })}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
