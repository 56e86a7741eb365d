import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../../transport/api-context';
import { useContractAction } from '../../forms/use-contract-action';

/**
 * What went wrong while Recado started (a damaged settings or key file it replaced to start),
 * in words, one dismissible Alert each, until the owner dismisses it. Shows nothing otherwise.
 */
export function StartupNotices() {
  const { t } = useTranslation();
  const { state, setData } = useContractQuery('app.notices', {});
  // The notice going away is the feedback; only a failure is said.
  const dismissing = useContractAction('app.dismissNotice', { failureTitle: null, onSuccess: setData });
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const dismiss = (id: string) => dismissing.run({ id });

  return (
    <Stack gap="xs">
      {state.data.map((notice) => (
        <Alert
          key={notice.id}
          color="orange"
          title={t(`status.startupNotice.${notice.kind}.title`)}
          withCloseButton
          closeButtonLabel={t('status.startupNotice.dismiss')}
          onClose={() => void dismiss(notice.id)}
          data-testid={`startup-notice-${notice.kind}`}
        >
          <Text size="sm">{t(`status.startupNotice.${notice.kind}.text`, { path: notice.keptAs })}</Text>
        </Alert>
      ))}
    </Stack>
  );
}
