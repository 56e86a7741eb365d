import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContractEvent, useContractQuery } from '../transport/api-context';

/** Always visible in the header while in Sandbox mode, so simulated data is never mistaken for real. */
export function SandboxBadge() {
  const { t } = useTranslation();
  const { state, reload } = useContractQuery('app.info', {});
  useContractEvent('sandbox.modeChanged', reload);
  if (state.status !== 'ready' || !state.data.sandbox) return null;
  return (
    <Tooltip label={t('status.sandboxHint')} multiline w={280}>
      <Badge color="grape" variant="filled" data-testid="header-sandbox-badge">
        {t('status.sandboxBadge')}
      </Badge>
    </Tooltip>
  );
}
