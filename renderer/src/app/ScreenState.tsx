import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../forms/contract-form';
import type { LoadState } from '../transport/api-context';

/** Loading spinner, a readable error with "try again", or the screen itself. */
export function ScreenState<T>({
  state,
  children,
  onRetry,
}: {
  state: LoadState<T>;
  children: (data: T) => ReactNode;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <Center h={200} aria-busy="true">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (state.status === 'error') {
    return (
      <Stack maw={600}>
        <Alert color="red" title={t('errors.title')}>
          {describeError(state.error, t)}
        </Alert>
        {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
      </Stack>
    );
  }
  return <>{children(state.data)}</>;
}
