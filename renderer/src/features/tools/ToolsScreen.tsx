import { Alert, Badge, Button, Code, Group, Paper, PinInput, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconRefresh, IconWebhook } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolsError, ToolsPart, ToolsPhoneInfo } from '../../../../shared/contract/methods/tools';
import { ScreenState } from '../../app/ScreenState';
import { useContractQuery } from '../../transport/api-context';
import { formatDateTime } from '../../format/format';
import { ReopenWizardCard } from '../wizard/ReopenWizardCard';
import { CustomerReplyCard } from './CustomerReplyCard';
import { SendTestCard } from './SendTestCard';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { MetaValue } from '../common/meta-words';
import { BackupCard } from './BackupCard';
import { DesktopCard } from './DesktopCard';
import { FieldRows } from '../common/FieldRows';
import { useContractAction } from '../../forms/use-contract-action';
import { ScreenPage } from '../../app/ScreenPage';
import { PanelHeading } from '../common/PanelHeading';

export function ToolsScreen() {
  const { t } = useTranslation();
  const sandbox = useContractQuery('sandbox.status', {});
  const sandboxOn = sandbox.state.status === 'ready' && sandbox.state.data.enabled;
  return (
    <ScreenPage title={t('toolsScreen.title')} subtitle={t('toolsScreen.subtitle')} maw={1000}>
      <SandboxPanel status={sandbox} />
      <ReopenWizardCard />
      <AccountInfoPanel />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RegisterPhonePanel />
        <UpdateWebhookPanel />
      </SimpleGrid>
      <SendTestCard />
      {sandboxOn && <CustomerReplyCard />}
      <BackupCard />
      <DesktopCard />
    </ScreenPage>
  );
}

function SandboxPanel({ status }: { status: ReturnType<typeof useContractQuery<'sandbox.status'>> }) {
  const { t } = useTranslation();
  const setMode = useContractAction('sandbox.setMode', {
    onSuccess: status.setData,
    success: (_status, { enabled }) => (enabled ? t('toolsScreen.sandbox.switchedOn') : t('toolsScreen.sandbox.switchedOff')),
  });
  const busy = setMode.busy;
  return (
    <Paper withBorder p="lg" radius="md">
      <ScreenState state={status.state} onRetry={status.reload}>
        {(s) => (
          <Stack gap="xs">
            <Switch
              size="md"
              checked={s.enabled}
              disabled={busy}
              label={t('toolsScreen.sandbox.label')}
              description={s.enabled ? t('toolsScreen.sandbox.on') : t('toolsScreen.sandbox.off')}
              data-testid="sandbox-switch"
              onChange={(e) => void setMode.run({ enabled: e.currentTarget.checked })}
            />
            <Text size="sm" c="dimmed">
              {t('toolsScreen.sandbox.explanation')}
            </Text>
          </Stack>
        )}
      </ScreenState>
    </Paper>
  );
}

function PartError({ error }: { error: ToolsError }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t(`toolsScreen.reason.${error.reason}`, { defaultValue: t('toolsScreen.reason.unknown') })}>
      {error.code !== null && (
        <Text size="sm">
          {t('toolsScreen.metaSaid', { code: error.code, title: error.title ?? '' })}
          {error.details ? ` — ${error.details}` : ''}
        </Text>
      )}
      {error.reason === 'not_configured' && error.details && <Text size="sm">{t(`toolsScreen.missing.${error.details}`, { defaultValue: error.details })}</Text>}
    </Alert>
  );
}

function Part<T>({ part, children }: { part: ToolsPart<T>; children(data: T): ReactNode }) {
  return part.ok ? <>{children(part.data)}</> : <PartError error={part.error} />;
}

function AccountInfoPanel() {
  const { t, i18n } = useTranslation();
  const info = useContractQuery('tools.accountInfo', {});
  const phoneRows = (p: ToolsPhoneInfo): [string, ReactNode][] => [
    [t('toolsScreen.fields.display'), p.displayPhoneNumber && formatPhone(p.displayPhoneNumber)],
    [t('toolsScreen.fields.verifiedName'), p.verifiedName],
    [t('toolsScreen.fields.status'), <MetaValue field="status" value={p.status} />],
    [t('toolsScreen.fields.quality'), <MetaValue field="quality" value={p.qualityRating} />],
    [t('toolsScreen.fields.nameStatus'), <MetaValue field="nameStatus" value={p.nameStatus} />],
    [t('toolsScreen.fields.codeVerification'), <MetaValue field="codeVerification" value={p.codeVerificationStatus} />],
    [t('toolsScreen.fields.platform'), <MetaValue field="platform" value={p.platformType} />],
    [t('toolsScreen.fields.throughput'), <MetaValue field="throughput" value={p.throughput} />],
    [t('toolsScreen.fields.limit'), <MetaValue field="limit" value={p.messagingLimitTier} />],
    [t('toolsScreen.fields.accountMode'), <MetaValue field="accountMode" value={p.accountMode} />],
  ];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="account-info">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('toolsScreen.accountTitle')}
        </Title>
        <Button variant="light" size="xs" leftSection={<IconRefresh size={14} />} onClick={info.reload} loading={info.state.status === 'loading'}>
          {t('toolsScreen.refresh')}
        </Button>
      </Group>
      <ScreenState state={info.state} onRetry={info.reload}>
        {(a) => (
          <Stack>
            {a.mode === 'sandbox' && <Badge color="grape">{t('toolsScreen.demoAccount')}</Badge>}
            <FieldRows
              rows={[
                [t('toolsScreen.fields.phoneNumberId'), a.account.phoneNumberId || '—'],
                [t('toolsScreen.fields.waba'), a.account.businessAccountId || '—'],
                [t('toolsScreen.fields.appId'), a.account.appId || '—'],
                [t('toolsScreen.fields.apiVersion'), a.account.apiVersion],
              ]}
            />
            <Title order={4}>{t('toolsScreen.phoneTitle')}</Title>
            <Part part={a.phone}>
              {(p) => (
                <Stack>
                  <FieldRows rows={phoneRows(p)} />
                  <Title order={5}>{t('toolsScreen.webhookChain')}</Title>
                  <Text size="sm" c="dimmed">
                    {t('toolsScreen.webhookChainHelp')}
                  </Text>
                  <FieldRows
                    rows={[
                      [t('toolsScreen.fields.webhookPhone'), p.webhook.phoneNumber && <Code>{p.webhook.phoneNumber}</Code>],
                      [t('toolsScreen.fields.webhookWaba'), p.webhook.whatsappBusinessAccount && <Code>{p.webhook.whatsappBusinessAccount}</Code>],
                      [t('toolsScreen.fields.webhookApp'), p.webhook.application && <Code>{p.webhook.application}</Code>],
                      [t('toolsScreen.fields.expected'), a.expectedCallbackUrl && <Code>{a.expectedCallbackUrl}</Code>],
                    ]}
                  />
                  {a.expectedCallbackUrl && (p.webhook.phoneNumber ?? p.webhook.whatsappBusinessAccount ?? p.webhook.application) !== a.expectedCallbackUrl && (
                    <Alert color="yellow" data-testid="webhook-mismatch">
                      {t('toolsScreen.mismatch')}
                    </Alert>
                  )}
                </Stack>
              )}
            </Part>
            <Title order={4}>{t('toolsScreen.numbersTitle')}</Title>
            <Part part={a.phoneNumbers}>
              {(list) => (
                <Table data-testid="waba-numbers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('toolsScreen.fields.display')}</Table.Th>
                      <Table.Th>{t('toolsScreen.fields.verifiedName')}</Table.Th>
                      <Table.Th>ID</Table.Th>
                      <Table.Th>{t('toolsScreen.fields.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>{formatPhone(p.displayPhoneNumber)}</Table.Td>
                        <Table.Td>{p.verifiedName}</Table.Td>
                        <Table.Td>{p.id}</Table.Td>
                        <Table.Td>
                          <MetaValue field="status" value={p.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Part>
            <Title order={4}>{t('toolsScreen.appsTitle')}</Title>
            <Part part={a.subscribedApps}>
              {(apps) =>
                apps.length === 0 ? (
                  <Alert color="yellow">{t('toolsScreen.noApps')}</Alert>
                ) : (
                  <FieldRows rows={apps.map((app): [string, ReactNode] => [`${app.name ?? ''} (${app.appId})`, app.overrideCallbackUri ?? t('toolsScreen.noOverride')])} />
                )
              }
            </Part>
            <Title order={4}>{t('toolsScreen.tokenTitle')}</Title>
            <Part part={a.token}>
              {(tok) => (
                <Stack gap="xs" data-testid="token-info">
                  <Group>
                    <Badge color={tok.isValid ? 'teal' : 'red'}>{tok.isValid ? t('toolsScreen.tokenValid') : t('toolsScreen.tokenInvalid')}</Badge>
                    <Badge color={tok.permanent ? 'teal' : 'yellow'}>
                      {tok.permanent ? t('toolsScreen.tokenPermanent') : t('toolsScreen.tokenExpires', { when: formatDateTime(tok.expiresAt, i18n.language) })}
                    </Badge>
                    {tok.type && (
                      <Badge variant="outline">
                        <MetaValue field="tokenType" value={tok.type} />
                      </Badge>
                    )}
                  </Group>
                  {!tok.permanent && <Alert color="yellow">{t('toolsScreen.temporaryAdvice')}</Alert>}
                  <Text size="xs" c="dimmed" data-testid="token-scopes">
                    {t('toolsScreen.tokenScopes')}{' '}
                    {tok.scopes.map((scope, i) => (
                      <span key={scope}>
                        {i > 0 && ', '}
                        <MetaValue field="scope" value={scope} />
                      </span>
                    ))}
                  </Text>
                </Stack>
              )}
            </Part>
          </Stack>
        )}
      </ScreenState>
    </Paper>
  );
}

function RegisterPhonePanel() {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const registering = useContractAction('tools.registerPhone', {
    failureTitle: t('toolsScreen.registerFailed'),
    onError: (_error, message) => setError(message),
    success: t('toolsScreen.registered'),
  });
  const busy = registering.busy;
  const register = async () => {
    if (!/^\d{6}$/.test(pin)) {
      setError(t('validation.pin'));
      return;
    }
    setError(null);
    await registering.run({ pin });
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <PanelHeading title={t('toolsScreen.registerTitle')} help={t('toolsScreen.registerHelp')} />
        <PinInput length={6} type="number" mask value={pin} onChange={setPin} aria-label={t('toolsScreen.pin')} data-testid="register-pin" />
        {error && (
          <Text c="red" size="sm" data-testid="register-error">
            {error}
          </Text>
        )}
        <Group>
          <Button onClick={() => void register()} loading={busy} data-testid="register-phone">
            {t('toolsScreen.register')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function UpdateWebhookPanel() {
  const { t } = useTranslation();
  const [result, setResult] = useState<string | null>(null);
  const registrationText = (reg: { state: string; callbackUrl: string | null; reason: string | null }) =>
    reg.state === 'registered' ? t('toolsScreen.webhookUpdated', { url: reg.callbackUrl ?? '' }) : t(`webhookScreen.reason.${reg.reason ?? ''}`, { defaultValue: reg.reason ?? reg.state });
  // The outcome stays written in the panel (`result`) as well as in the notification.
  const updating = useContractAction('tools.updateWebhook', {
    onSuccess: (reg) => setResult(registrationText(reg)),
    onError: (_error, text) => setResult(text),
    success: (reg) => ({ color: reg.state === 'registered' ? 'green' : 'red', message: registrationText(reg) }),
  });
  const busy = updating.busy;
  const update = () => updating.run({});
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <PanelHeading title={t('toolsScreen.updateTitle')} help={t('toolsScreen.updateHelp')} />
        {result && (
          <Text size="sm" data-testid="update-result">
            {result}
          </Text>
        )}
        <Group>
          <Button leftSection={<IconWebhook size={16} />} onClick={() => void update()} loading={busy} data-testid="update-webhook">
            {t('toolsScreen.update')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
