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
import { textIn } from '../../i18n/keys';

export function ToolsScreen() {
  const { t } = useTranslation();
  const sandbox = useContractQuery('sandbox.status', {});
  const sandboxOn = sandbox.state.status === 'ready' && sandbox.state.data.enabled;
  return (
    <ScreenPage title={t('tools.title')} subtitle={t('tools.subtitle')} maw={1000}>
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
    success: (_status, { enabled }) => (enabled ? t('tools.sandbox.switchedOn') : t('tools.sandbox.switchedOff')),
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
              label={t('tools.sandbox.label')}
              description={s.enabled ? t('tools.sandbox.on') : t('tools.sandbox.off')}
              data-testid="sandbox-switch"
              onChange={(e) => void setMode.run({ enabled: e.currentTarget.checked })}
            />
            <Text size="sm" c="dimmed">
              {t('tools.sandbox.explanation')}
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
    <Alert color="red" title={textIn(t, 'tools.reason', error.reason) ?? t('tools.reason.unknown')}>
      {error.code !== null && (
        <Text size="sm">
          {t('tools.metaSaid', { code: error.code, title: error.title ?? '' })}
          {error.details ? ` — ${error.details}` : ''}
        </Text>
      )}
      {error.reason === 'not_configured' && error.details && <Text size="sm">{textIn(t, 'tools.missing', error.details) ?? error.details}</Text>}
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
    [t('tools.fields.display'), p.displayPhoneNumber && formatPhone(p.displayPhoneNumber)],
    [t('tools.fields.verifiedName'), p.verifiedName],
    [t('tools.fields.status'), <MetaValue field="status" value={p.status} />],
    [t('tools.fields.quality'), <MetaValue field="quality" value={p.qualityRating} />],
    [t('tools.fields.nameStatus'), <MetaValue field="nameStatus" value={p.nameStatus} />],
    [t('tools.fields.codeVerification'), <MetaValue field="codeVerification" value={p.codeVerificationStatus} />],
    [t('tools.fields.platform'), <MetaValue field="platform" value={p.platformType} />],
    [t('tools.fields.throughput'), <MetaValue field="throughput" value={p.throughput} />],
    [t('tools.fields.limit'), <MetaValue field="limit" value={p.messagingLimitTier} />],
    [t('tools.fields.accountMode'), <MetaValue field="accountMode" value={p.accountMode} />],
  ];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="account-info">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('tools.accountTitle')}
        </Title>
        <Button variant="light" size="xs" leftSection={<IconRefresh size={14} />} onClick={info.reload} loading={info.state.status === 'loading'}>
          {t('tools.refresh')}
        </Button>
      </Group>
      <ScreenState state={info.state} onRetry={info.reload}>
        {(a) => (
          <Stack>
            {a.mode === 'sandbox' && <Badge color="grape">{t('tools.demoAccount')}</Badge>}
            <FieldRows
              rows={[
                [t('tools.fields.phoneNumberId'), a.account.phoneNumberId || '—'],
                [t('tools.fields.waba'), a.account.businessAccountId || '—'],
                [t('tools.fields.appId'), a.account.appId || '—'],
                [t('tools.fields.apiVersion'), a.account.apiVersion],
              ]}
            />
            <Title order={4}>{t('tools.phoneTitle')}</Title>
            <Part part={a.phone}>
              {(p) => (
                <Stack>
                  <FieldRows rows={phoneRows(p)} />
                  <Title order={5}>{t('tools.webhookChain')}</Title>
                  <Text size="sm" c="dimmed">
                    {t('tools.webhookChainHelp')}
                  </Text>
                  <FieldRows
                    rows={[
                      [t('tools.fields.webhookPhone'), p.webhook.phoneNumber && <Code>{p.webhook.phoneNumber}</Code>],
                      [t('tools.fields.webhookWaba'), p.webhook.whatsappBusinessAccount && <Code>{p.webhook.whatsappBusinessAccount}</Code>],
                      [t('tools.fields.webhookApp'), p.webhook.application && <Code>{p.webhook.application}</Code>],
                      [t('tools.fields.expected'), a.expectedCallbackUrl && <Code>{a.expectedCallbackUrl}</Code>],
                    ]}
                  />
                  {a.expectedCallbackUrl && (p.webhook.phoneNumber ?? p.webhook.whatsappBusinessAccount ?? p.webhook.application) !== a.expectedCallbackUrl && (
                    <Alert color="yellow" data-testid="webhook-mismatch">
                      {t('tools.mismatch')}
                    </Alert>
                  )}
                </Stack>
              )}
            </Part>
            <Title order={4}>{t('tools.numbersTitle')}</Title>
            <Part part={a.phoneNumbers}>
              {(list) => (
                <Table data-testid="waba-numbers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('tools.fields.display')}</Table.Th>
                      <Table.Th>{t('tools.fields.verifiedName')}</Table.Th>
                      <Table.Th>ID</Table.Th>
                      <Table.Th>{t('tools.fields.status')}</Table.Th>
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
            <Title order={4}>{t('tools.appsTitle')}</Title>
            <Part part={a.subscribedApps}>
              {(apps) =>
                apps.length === 0 ? (
                  <Alert color="yellow">{t('tools.noApps')}</Alert>
                ) : (
                  <FieldRows rows={apps.map((app): [string, ReactNode] => [`${app.name ?? ''} (${app.appId})`, app.overrideCallbackUri ?? t('tools.noOverride')])} />
                )
              }
            </Part>
            <Title order={4}>{t('tools.tokenTitle')}</Title>
            <Part part={a.token}>
              {(tok) => (
                <Stack gap="xs" data-testid="token-info">
                  <Group>
                    <Badge color={tok.isValid ? 'teal' : 'red'}>{tok.isValid ? t('tools.tokenValid') : t('tools.tokenInvalid')}</Badge>
                    <Badge color={tok.permanent ? 'teal' : 'yellow'}>
                      {tok.permanent ? t('tools.tokenPermanent') : t('tools.tokenExpires', { when: formatDateTime(tok.expiresAt, i18n.language) })}
                    </Badge>
                    {tok.type && (
                      <Badge variant="outline">
                        <MetaValue field="tokenType" value={tok.type} />
                      </Badge>
                    )}
                  </Group>
                  {!tok.permanent && <Alert color="yellow">{t('tools.temporaryAdvice')}</Alert>}
                  <Text size="xs" c="dimmed" data-testid="token-scopes">
                    {t('tools.tokenScopes')}{' '}
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
    failureTitle: t('tools.registerFailed'),
    onError: (_error, message) => setError(message),
    success: t('tools.registered'),
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
        <PanelHeading title={t('tools.registerTitle')} help={t('tools.registerHelp')} />
        <PinInput length={6} type="number" mask value={pin} onChange={setPin} aria-label={t('tools.pin')} data-testid="register-pin" />
        {error && (
          <Text c="red" size="sm" data-testid="register-error">
            {error}
          </Text>
        )}
        <Group>
          <Button onClick={() => void register()} loading={busy} data-testid="register-phone">
            {t('tools.register')}
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
    reg.state === 'registered' ? t('tools.webhookUpdated', { url: reg.callbackUrl ?? '' }) : (textIn(t, 'webhook.reason', reg.reason ?? '') ?? reg.reason ?? reg.state);
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
        <PanelHeading title={t('tools.updateTitle')} help={t('tools.updateHelp')} />
        {result && (
          <Text size="sm" data-testid="update-result">
            {result}
          </Text>
        )}
        <Group>
          <Button leftSection={<IconWebhook size={16} />} onClick={() => void update()} loading={busy} data-testid="update-webhook">
            {t('tools.update')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
