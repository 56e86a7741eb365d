import { Alert, Button, Group, Paper, PasswordInput, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveWooSettingsSchema, type WooSettingsView } from '../../../../shared/settings/woocommerce';
import { useSettingsForm } from '../../forms/use-settings-form';
import { WholeNumberInput } from '../../forms/WholeNumberInput';
import { useApi } from '../../transport/api-context';
import { CopyField } from '../common/CopyField';
import { mappingFromRows, rowsFromMapping, WooStatusMapping, type StatusRow } from './WooStatusMapping';
import { useAction } from '../../forms/use-contract-action';
import { PanelHeading } from '../common/PanelHeading';

interface WooFormValues extends Record<string, unknown> {
  enabled: boolean;
  storeUrl: string;
  queryStringAuth: boolean;
  consumerKey: string;
  consumerSecret: string;
  webhookSecret: string;
  statusRows: StatusRow[];
  shipWithoutTracking: boolean;
  extraTrackingKeys: string[];
  requestTimeoutSeconds: number;
}

const valuesFrom = (view: WooSettingsView): WooFormValues => ({
  enabled: view.enabled,
  storeUrl: view.storeUrl,
  queryStringAuth: view.queryStringAuth,
  consumerKey: '',
  consumerSecret: '',
  webhookSecret: '',
  statusRows: rowsFromMapping(view.statusMapping),
  shipWithoutTracking: view.shipWithoutTracking,
  extraTrackingKeys: view.extraTrackingKeys,
  requestTimeoutSeconds: view.requestTimeoutSeconds,
});

/** Secrets are write-only: an empty field keeps the saved one. */
const toInput = ({ consumerKey, consumerSecret, webhookSecret, statusRows, ...rest }: WooFormValues) => ({
  ...rest,
  statusMapping: mappingFromRows(statusRows),
  ...(consumerKey.trim() ? { consumerKey: consumerKey.trim() } : {}),
  ...(consumerSecret.trim() ? { consumerSecret: consumerSecret.trim() } : {}),
  ...(webhookSecret.trim() ? { webhookSecret: webhookSecret.trim() } : {}),
});

/**
 * WooCommerce connection: the store and its REST keys, how its statuses map to Recado's events,
 * where tracking codes live, the optional push webhook; "Test connection" and "Sync now".
 */
export function WooPanel({ view, webhookBaseUrl, onSaved }: { view: WooSettingsView; webhookBaseUrl: string | null; onSaved(v: WooSettingsView): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const { form, saving, submit } = useSettingsForm({
    initialValues: valuesFrom(view),
    schema: saveWooSettingsSchema,
    toInput,
    method: 'woocommerce.saveSettings',
    onSaved: (saved, f) => {
      onSaved(saved);
      f.setValues(valuesFrom(saved));
      f.resetDirty(valuesFrom(saved));
    },
  });

  // The outcome stays written under the buttons (`result`) as well as in the notification.
  const connection = useAction(
    async (kind: 'test' | 'sync'): Promise<{ ok: boolean; text: string }> => {
      if (kind === 'test') {
        const r = await api.call('woocommerce.testConnection', {});
        return { ok: r.ok, text: r.ok ? t('woo.testOk', { count: r.ordersVisible }) : t(`woo.test.${r.code}`) };
      }
      const r = await api.call('woocommerce.syncNow', {});
      // Refused orders do not stop the sync, but the owner must hear about them.
      const text = t('woo.syncOk', { seen: r.seen, changed: r.changed, events: r.events });
      return r.refused.length === 0 ? { ok: true, text } : { ok: false, text: `${text} ${t('orders.refused.syncRefused', { count: r.refused.length })}` };
    },
    {
      onSuccess: (outcome) => setResult(outcome),
      onError: (_error, text) => setResult({ ok: false, text }),
      success: ({ ok, text }) => ({ color: ok ? 'green' : 'red', message: text }),
    },
  );
  const busy = connection.running?.[0] ?? null;

  const saved = (s: { set: boolean; last4: string | null }) => (s.set ? t('credentials.secretSaved', { last4: s.last4 ?? '' }) : t('credentials.secretNotSet'));
  const dirty = form.isDirty();
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <PanelHeading title={t('woo.title')} help={t('woo.help')} />
        <Switch label={t('woo.enabled')} description={t('woo.enabledHelp')} {...form.getInputProps('enabled', { type: 'checkbox' })} data-testid="woo-enabled" />
        <TextInput label={t('woo.storeUrl')} placeholder="https://minhaloja.com.br" {...form.getInputProps('storeUrl')} data-testid="woo-url" />
        <PasswordInput label={t('woo.consumerKey')} description={saved(view.consumerKey)} autoComplete="off" {...form.getInputProps('consumerKey')} data-testid="woo-key" />
        <PasswordInput label={t('woo.consumerSecret')} description={saved(view.consumerSecret)} autoComplete="off" {...form.getInputProps('consumerSecret')} data-testid="woo-secret" />
        <Switch label={t('woo.queryStringAuth')} description={t('woo.queryStringAuthHelp')} {...form.getInputProps('queryStringAuth', { type: 'checkbox' })} />

        <WooStatusMapping rows={form.values.statusRows} onChange={(rows) => form.setFieldValue('statusRows', rows)} />
        <Switch label={t('woo.shipWithoutTracking')} description={t('woo.shipWithoutTrackingHelp')} {...form.getInputProps('shipWithoutTracking', { type: 'checkbox' })} />
        <TagsInput label={t('woo.extraTrackingKeys')} description={t('woo.extraTrackingKeysHelp')} placeholder="_meu_codigo_rastreio" {...form.getInputProps('extraTrackingKeys')} data-testid="woo-tracking-keys" />
        <WholeNumberInput label={t('woo.timeout')} description={t('woo.timeoutHelp')} min={3} max={120} suffix=" s" w={200} {...form.getInputProps('requestTimeoutSeconds')} />

        <Title order={4} size="h5">
          {t('woo.pushTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('woo.pushHelp')}
        </Text>
        <CopyField label={t('woo.pushUrl')} value={webhookBaseUrl ? `${webhookBaseUrl}/webhook/woocommerce` : ''} description={webhookBaseUrl ? undefined : t('webhook.noUrl')} testId="woo-push-url" />
        <PasswordInput label={t('woo.webhookSecret')} description={saved(view.webhookSecret)} autoComplete="off" {...form.getInputProps('webhookSecret')} />

        {result && (
          <Alert color={result.ok ? 'teal' : 'red'} data-testid="woo-result">
            {result.text}
          </Alert>
        )}
        {dirty && (
          <Text size="sm" c="orange">
            {t('woo.saveFirst')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPlugConnected size={16} />} onClick={() => void connection.run('test')} loading={busy === 'test'} disabled={dirty} data-testid="woo-test">
            {t('woo.testConnection')}
          </Button>
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => void connection.run('sync')} loading={busy === 'sync'} disabled={dirty} data-testid="woo-sync">
            {t('woo.sync')}
          </Button>
          <Button type="submit" loading={saving} data-testid="woo-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
