import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointSecretInfo } from '../../../../shared/contract/methods/order-sources';
import { ScreenState } from '../../app/ScreenState';
import { useContractQuery } from '../../transport/api-context';
import { useTunnelStatus } from '../common/use-tunnel-status';
import { CopyField } from '../common/CopyField';
import { WooPanel } from './WooPanel';
import { useContractAction } from '../../forms/use-contract-action';
import { PanelHeading } from '../common/PanelHeading';

/**
 * The base URL other systems reach Recado's webhook server at: the tunnel's public address when
 * it is online, else this computer's own (enough for an ERP running on the same PC).
 */
function useWebhookBaseUrl(): string | null {
  const tunnel = useTunnelStatus();
  const status = useContractQuery('webhook.status', {});
  const publicUrl = tunnel.state.status === 'ready' ? tunnel.state.data.publicUrl : null;
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const port = status.state.status === 'ready' ? status.state.data.port : null;
  return port ? `http://127.0.0.1:${port}` : null;
}

export function ConnectionsPanel() {
  const woo = useContractQuery('woocommerce.getSettings', {});
  const baseUrl = useWebhookBaseUrl();
  return (
    <Stack maw={900}>
      <ScreenState state={woo.state} onRetry={woo.reload}>
        {(view) => <WooPanel view={view} webhookBaseUrl={baseUrl} onSaved={woo.setData} />}
      </ScreenState>
      <EndpointPanel baseUrl={baseUrl} />
    </Stack>
  );
}

function EndpointPanel({ baseUrl }: { baseUrl: string | null }) {
  const { t } = useTranslation();
  const info = useContractQuery('endpoint.info', {});
  const [fresh, setFresh] = useState<EndpointSecretInfo | null>(null);
  const regenerating = useContractAction('endpoint.regenerateSecret', {
    onSuccess: (next) => {
      setFresh(next);
      info.setData(next);
    },
    success: t('orders.endpoint.regenerated'),
  });
  const busy = regenerating.busy;
  const regenerate = () => regenerating.run({});
  return (
    <Paper withBorder p="lg" radius="md">
      <ScreenState state={info.state} onRetry={info.reload}>
        {(i) => {
          const secret = fresh?.secret ?? i.secret;
          const url = baseUrl ? `${baseUrl}${i.path}` : `<URL>${i.path}`;
          return (
            <Stack>
              <PanelHeading title={t('orders.endpoint.title')} help={t('orders.endpoint.help')} />
              <CopyField label={t('orders.endpoint.url')} value={baseUrl ? `${baseUrl}${i.path}` : ''} description={baseUrl ? undefined : t('webhook.noUrl')} testId="endpoint-url" />
              <CopyField label={t('orders.endpoint.path')} value={i.path} testId="endpoint-path" />
              {secret ? (
                <>
                  <Alert color="yellow">{t('orders.endpoint.shownOnce')}</Alert>
                  <CopyField label={t('orders.endpoint.secret')} value={secret} testId="endpoint-secret" />
                </>
              ) : (
                <TextInput label={t('orders.endpoint.secret')} value={i.set ? `••••${i.last4 ?? ''}` : t('credentials.secretNotSet')} readOnly />
              )}
              <Text size="sm" fw={600}>
                {t('orders.endpoint.curl')}
              </Text>
              <Code block translate="no" data-testid="endpoint-curl">
                {[
                  `SEGREDO='${secret ?? t('orders.endpoint.secretPlaceholder')}'`,
                  `BODY='{"eventId":"evt-1","event":"order_placed","occurredAt":"2026-05-28T14:30:00-03:00","order":{"number":"10247","customerName":"Ana Lima","phone":"+5511987654321","total":"129.90"}}'`,
                  'TS=$(date +%s)',
                  `SIG=$(printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SEGREDO" | cut -d' ' -f2)`,
                  `curl -X POST '${url}' \\`,
                  "  -H 'content-type: application/json' \\",
                  '  -H "x-recado-timestamp: $TS" \\',
                  '  -H "x-recado-signature: sha256=$SIG" \\',
                  '  -d "$BODY"',
                ].join('\n')}
              </Code>
              <Group justify="flex-end">
                <Button variant="light" color="orange" leftSection={<IconRefresh size={16} />} onClick={() => void regenerate()} loading={busy} data-testid="endpoint-regenerate">
                  {t('orders.endpoint.regenerate')}
                </Button>
              </Group>
            </Stack>
          );
        }}
      </ScreenState>
    </Paper>
  );
}
