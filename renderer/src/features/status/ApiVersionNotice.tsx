import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiVersionNotice as Notice } from '../../../../shared/contract/methods/status';

/**
 * Tells the owner, before it happens, that Meta stops serving the configured Graph version
 * (within 90 days, by the core's clock) or already has, and what to do: switch in Credentials.
 */
export function ApiVersionNotice({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  if (notice.state === 'ok') return null;
  const params = { version: notice.version, newest: notice.newest, date: notice.expiresAt ?? 0 };
  const expiring = notice.state === 'expiring';
  const text = expiring ? t('graphVersion.expiring', params) : notice.expiresAt === null ? t('graphVersion.retired', params) : t('graphVersion.expired', params);
  return (
    <Alert color={expiring ? 'yellow' : 'red'} title={expiring ? t('graphVersion.expiringTitle') : t('graphVersion.expiredTitle')} data-testid="api-version-notice">
      {text}{' '}
      <Anchor href="#/credentials">{t('graphVersion.openCredentials')}</Anchor>
    </Alert>
  );
}
