import { Alert, Button, Code, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndpointSecretInfo } from '../../../../shared/contract/methods/order-sources';
import type { WooSettingsView } from '../../../../shared/settings/woocommerce';
import { ScreenState } from '../../app/ScreenState';
import { describeError } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';
import { CopyField } from '../common/CopyField';

export function ConnectionsPanel() {
  const woo = useContractQuery('woocommerce.getSettings', {});
  return (
    <Stack maw={900}>
      <ScreenState state={woo.state} onRetry={woo.reload}>
        {(view) => <WooPanel view={view} onSaved={woo.setData} />}
      </ScreenState>
      <EndpointPanel />
    </Stack>
  );
}

function WooPanel({ view, onSaved }: { view: WooSettingsView; onSaved(v: WooSettingsView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [enabled, setEnabled] = useState(view.enabled);
  const [storeUrl, setStoreUrl] = useState(view.storeUrl);
  const [consumerKey, setKey] = useState('');
  const [consumerSecret, setSecret] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    setBusy('save');
    try {
      const saved = await api.call('woocommerce.saveSettings', {
        enabled,
        storeUrl,
        ...(consumerKey.trim() ? { consumerKey: consumerKey.trim() } : {}),
        ...(consumerSecret.trim() ? { consumerSecret: consumerSecret.trim() } : {}),
      });
      onSaved(saved);
      setKey('');
      setSecret('');
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setBusy(null);
    }
  };
  const test = async () => {
    setBusy('test');
    try {
      const r = await api.call('woocommerce.testConnection', {});
      const text = r.ok ? t('wooScreen.testOk', { count: r.ordersVisible }) : t(`woo.test.${r.code}`);
      setResult({ ok: r.ok, text });
      notifications.show({ color: r.ok ? 'green' : 'red', message: text });
    } catch (error) {
      setResult({ ok: false, text: describeError(error, t) });
    } finally {
      setBusy(null);
    }
  };
  const saved = (s: { set: boolean; last4: string | null }) => (s.set ? t('credentials.secretSaved', { last4: s.last4 ?? '' }) : t('credentials.secretNotSet'));
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={3} size="h4">
          {t('wooScreen.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('wooScreen.help')}
        </Text>
        <Switch label={t('wooScreen.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <TextInput label={t('wooScreen.storeUrl')} placeholder="https://minhaloja.com.br" value={storeUrl} onChange={(e) => setStoreUrl(e.currentTarget.value)} data-testid="woo-url" />
        <PasswordInput label={t('wooScreen.consumerKey')} description={saved(view.consumerKey)} value={consumerKey} onChange={(e) => setKey(e.currentTarget.value)} autoComplete="off" />
        <PasswordInput label={t('wooScreen.consumerSecret')} description={saved(view.consumerSecret)} value={consumerSecret} onChange={(e) => setSecret(e.currentTarget.value)} autoComplete="off" />
        {result && (
          <Alert color={result.ok ? 'teal' : 'red'} data-testid="woo-result">
            {result.text}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPlugConnected size={16} />} onClick={() => void test()} loading={busy === 'test'} data-testid="woo-test">
            {t('wooScreen.test')}
          </Button>
          <Button onClick={() => void save()} loading={busy === 'save'} data-testid="woo-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EndpointPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useContractQuery('endpoint.info', {});
  const [fresh, setFresh] = useState<EndpointSecretInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const regenerate = async () => {
    setBusy(true);
    try {
      const next = await api.call('endpoint.regenerateSecret', {});
      setFresh(next);
      info.setData(next);
      notifications.show({ color: 'green', message: t('endpointScreen.regenerated') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <ScreenState state={info.state} onRetry={info.reload}>
        {(i) => {
          const secret = fresh?.secret ?? i.secret;
          const url = `<URL pública>${i.path}`;
          return (
            <Stack>
              <Title order={3} size="h4">
                {t('endpointScreen.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('endpointScreen.help')}
              </Text>
              <CopyField label={t('endpointScreen.path')} value={i.path} testId="endpoint-path" />
              {secret ? (
                <>
                  <Alert color="yellow">{t('endpointScreen.shownOnce')}</Alert>
                  <CopyField label={t('endpointScreen.secret')} value={secret} testId="endpoint-secret" />
                </>
              ) : (
                <TextInput label={t('endpointScreen.secret')} value={i.set ? `••••${i.last4 ?? ''}` : t('credentials.secretNotSet')} readOnly />
              )}
              <Text size="sm" fw={600}>
                {t('endpointScreen.curl')}
              </Text>
              <Code block data-testid="endpoint-curl">
                {[
                  `SEGREDO='${secret ?? '<seu segredo>'}'`,
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
                  {t('endpointScreen.regenerate')}
                </Button>
              </Group>
            </Stack>
          );
        }}
      </ScreenState>
    </Paper>
  );
}
