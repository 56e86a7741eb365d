import { ActionIcon, Alert, Badge, Button, Code, Group, Paper, SegmentedControl, Stack, TagsInput, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconEye, IconRefresh } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TunnelState } from '../../../../shared/contract/methods/tunnel';
import type { WebhookActivity } from '../../../../shared/contract/methods/webhook';
import { tunnelSettingsSchema, type TunnelSettings } from '../../../../shared/settings/tunnel';
import { WEBHOOK_FIELDS, webhookSettingsSchema, type WebhookSettings } from '../../../../shared/settings/webhook';
import { ScreenState } from '../../app/ScreenState';
import { settingsAsIs, useSettingsForm } from '../../forms/use-settings-form';
import { useApi, useContractEvent, useContractQuery } from '../../transport/api-context';
import { useTunnelStatus } from '../common/use-tunnel-status';
import { CopyField } from '../common/CopyField';
import { PortConflictAlert } from '../common/PortConflictAlert';
import { formatDateTime, formatRelative } from '../../format/format';
import { useNow } from '../../format/use-now';
import { useAction } from '../../forms/use-contract-action';
import { ScreenPage } from '../../app/ScreenPage';
import { SaveBar } from '../../forms/SaveBar';
import { textIn } from '../../i18n/keys';

export function WebhookScreen() {
  const { t } = useTranslation();
  const sandbox = useContractQuery('sandbox.status', {});
  const status = useContractQuery('webhook.status', {});
  const tunnel = useTunnelStatus();
  const [activity, setActivity] = useState<WebhookActivity | null>(null);
  useContractEvent('webhook.activity', useCallback((a: WebhookActivity) => setActivity(a), []));

  return (
    <ScreenPage title={t('webhook.title')} subtitle={t('webhook.subtitle')} maw={900}>
      <Alert color="blue">
        {t('webhook.explanation')}
        <Text size="sm" mt="xs" data-testid="webhook-fields">
          {t('webhook.fields')}{' '}
          {WEBHOOK_FIELDS.map((field, i) => (
            <span key={field}>
              {i > 0 && ', '}
              <Code translate="no">{field}</Code>
            </span>
          ))}
        </Text>
      </Alert>
      <PortConflictAlert />
      <ScreenState state={sandbox.state} onRetry={sandbox.reload}>
        {(sb) => (
          <ScreenState state={status.state} onRetry={status.reload}>
            {(st) => (
              <ScreenState state={tunnel.state} onRetry={tunnel.reload}>
                {(tn) => (
                  <>
                    {sb.enabled && (
                      <Alert color="grape" title={t('webhook.sandboxTitle')} data-testid="webhook-sandbox">
                        {t('webhook.sandboxText')}
                      </Alert>
                    )}
                    <Callback
                      sandbox={sb.enabled}
                      tunnel={tn}
                      localUrl={st.port ? `http://127.0.0.1:${st.port}${st.path}` : null}
                      activity={activity ?? st}
                    />
                    {!sb.enabled && <TunnelPanel tunnel={tn} />}
                    <OptOutPanel />
                  </>
                )}
              </ScreenState>
            )}
          </ScreenState>
        )}
      </ScreenState>
    </ScreenPage>
  );
}

function Callback({ sandbox, tunnel, localUrl, activity }: { sandbox: boolean; tunnel: TunnelState; localUrl: string | null; activity: WebhookActivity }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const now = useNow();
  const [token, setToken] = useState<string | null>(null);
  const url = sandbox ? localUrl : tunnel.webhookUrl;
  // Revealing shows the token (its own feedback); regenerating also says so.
  const revealing = useAction((regenerate: boolean) => api.call(regenerate ? 'webhook.regenerateVerifyToken' : 'webhook.revealVerifyToken', {}), {
    onSuccess: (answer) => setToken(answer.verifyToken),
    success: (_answer, regenerate) => (regenerate ? t('webhook.tokenRegenerated') : null),
  });
  const busy = revealing.busy;
  const reveal = revealing.run;
  const reg = tunnel.registration;
  const verified = activity.lastVerifiedAt;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <CopyField label={t('webhook.url')} description={t('webhook.urlHelp')} value={url ?? t('webhook.noUrl')} testId="webhook-url" />
        {token === null ? (
          <Group align="flex-end">
            <TextInput label={t('webhook.token')} description={t('webhook.tokenHelp')} value="••••••••••••••••" readOnly style={{ flex: 1 }} />
            <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => void reveal(false)} loading={busy} data-testid="reveal-token">
              {t('webhook.reveal')}
            </Button>
          </Group>
        ) : (
          <CopyField
            label={t('webhook.token')}
            description={t('webhook.tokenHelp')}
            value={token ?? ''}
            testId="verify-token"
            rightExtra={
              <Tooltip label={t('webhook.regenerate')}>
                <ActionIcon variant="subtle" onClick={() => void reveal(true)} aria-label={t('webhook.regenerate')} data-testid="regenerate-token">
                  <IconRefresh size={16} />
                </ActionIcon>
              </Tooltip>
            }
          />
        )}
        <Group gap="xl" wrap="wrap">
          <div>
            <Text size="sm" c="dimmed">
              {t('webhook.verifiedLabel')}
            </Text>
            {verified ? (
              <Badge color="teal" size="lg" variant="light" data-testid="webhook-verified">
                {t('webhook.verified', { when: formatDateTime(verified, i18n.language) })}
              </Badge>
            ) : (
              <Badge color="gray" size="lg" variant="light" data-testid="webhook-verified">
                {t('webhook.notVerified')}
              </Badge>
            )}
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('webhook.lastCallbackLabel')}
            </Text>
            <Text data-testid="last-callback">
              {activity.lastCallbackAt ? formatRelative(activity.lastCallbackAt, now, i18n.language) : t('webhook.never')}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('webhook.registrationLabel')}
            </Text>
            <Badge color={reg.state === 'registered' ? 'teal' : reg.state === 'failed' ? 'red' : 'gray'} variant="light" data-testid="registration-state">
              {t(`webhook.registration.${reg.state}`)}
            </Badge>
            {reg.reason && (
              <Text size="xs" c="dimmed" maw={420}>
                {textIn(t, 'webhook.reason', reg.reason) ?? reg.reason}
              </Text>
            )}
          </div>
        </Group>
      </Stack>
    </Paper>
  );
}

function TunnelPanel({ tunnel }: { tunnel: TunnelState }) {
  const { t } = useTranslation();
  const settings = useContractQuery('tunnel.getSettings', {});
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('webhook.tunnelTitle')}
          </Title>
          <Badge color={tunnel.state === 'online' ? 'teal' : tunnel.state === 'offline' ? 'red' : 'gray'} data-testid="tunnel-state">
            {t(`webhook.tunnelState.${tunnel.state}`)}
          </Badge>
        </Group>
        {tunnel.reason && <Text size="sm" c="dimmed">{textIn(t, 'webhook.reason', tunnel.reason) ?? tunnel.reason}</Text>}
        <ScreenState state={settings.state} onRetry={settings.reload}>
          {(s) => <TunnelForm settings={s} onSaved={settings.setData} />}
        </ScreenState>
      </Stack>
    </Paper>
  );
}

function TunnelForm({ settings, onSaved }: { settings: TunnelSettings; onSaved(s: TunnelSettings): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm({
    initialValues: settings,
    schema: tunnelSettingsSchema,
    method: 'tunnel.saveSettings',
    ...settingsAsIs(onSaved),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          data={[
            { value: 'localtunnel', label: t('webhook.modeLocaltunnel') },
            { value: 'publicUrl', label: t('webhook.modePublicUrl') },
          ]}
          {...form.getInputProps('mode')}
          data-testid="tunnel-mode"
        />
        {form.values.mode === 'publicUrl' ? (
          <TextInput label={t('webhook.publicUrl')} description={t('webhook.publicUrlHelp')} placeholder="https://recado.minhaloja.com.br" {...form.getInputProps('publicUrl')} />
        ) : (
          <TextInput label={t('webhook.localtunnelHost')} description={t('webhook.localtunnelHostHelp')} {...form.getInputProps('localtunnelHost')} />
        )}
        <SaveBar saving={saving} />
      </Stack>
    </form>
  );
}

function OptOutPanel() {
  const settings = useContractQuery('webhook.getSettings', {});
  return (
    <Paper withBorder p="lg" radius="md">
      <ScreenState state={settings.state} onRetry={settings.reload}>
        {(s) => <OptOutForm settings={s} onSaved={settings.setData} />}
      </ScreenState>
    </Paper>
  );
}

/** Opt-out words and button payloads; a word that is too long is named at its field, and the other edits stay. */
function OptOutForm({ settings, onSaved }: { settings: WebhookSettings; onSaved(s: WebhookSettings): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm({
    initialValues: settings,
    schema: webhookSettingsSchema,
    method: 'webhook.saveSettings',
    ...settingsAsIs(onSaved),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={3} size="h4">
          {t('webhook.optOutTitle')}
        </Title>
        <TagsInput label={t('webhook.optOutKeywords')} description={t('webhook.optOutHelp')} data-testid="optout-keywords" {...form.getInputProps('optOutKeywords')} />
        <TagsInput label={t('webhook.optOutPayloads')} description={t('webhook.optOutPayloadsHelp')} data-testid="optout-payloads" {...form.getInputProps('optOutButtonPayloads')} />
        <SaveBar saving={saving} testId="save-optout" />
      </Stack>
    </form>
  );
}
