import { Button, Group, Paper, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS, type GeneralSettings } from '../../../../shared/settings/general';
import { ScreenState } from '../../app/ScreenState';
import { serverFieldIssues, translateIssue } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';
import { useAction, useContractAction } from '../../forms/use-contract-action';

/** Tools → "Aplicativo": start at login, log level and updates (desktop app only). */
export function DesktopCard() {
  const { t } = useTranslation();
  const info = useContractQuery('app.info', {});
  const general = useContractQuery('app.getSettings', {});
  if (info.state.status !== 'ready' || info.state.data.host !== 'desktop') return null;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="desktop-card">
      <Stack gap="sm">
        <Title order={4}>{t('tools.desktop.title')}</Title>
        <ScreenState state={general.state} onRetry={general.reload}>
          {(settings) => <DesktopSettings settings={settings} onSaved={general.setData} />}
        </ScreenState>
      </Stack>
    </Paper>
  );
}

function DesktopSettings({ settings, onSaved }: { settings: GeneralSettings; onSaved(s: GeneralSettings): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [feed, setFeed] = useState(settings.updateFeedUrl);
  const [feedError, setFeedError] = useState<string | null>(null);
  useEffect(() => setFeed(settings.updateFeedUrl), [settings.updateFeedUrl]);

  // A refused feed address is said at its field; any other failure in a notification.
  const feedIssue = (error: unknown) => serverFieldIssues(error).find((i) => i.path === 'updateFeedUrl');
  const saving = useAction((patch: Partial<GeneralSettings>, _done: string) => api.call('app.saveSettings', patch), {
    failureTitle: null,
    quietFailure: (error) => feedIssue(error) !== undefined,
    onSuccess: onSaved,
    onError: (error) => {
      const issue = feedIssue(error);
      if (issue) setFeedError(translateIssue(issue, t));
    },
    success: (_saved, _patch, done) => done,
  });
  const save = (patch: Partial<GeneralSettings>, done: string) => {
    setFeedError(null);
    return saving.run(patch, done);
  };
  const startAtLogin = useContractAction('app.setStartAtLogin', {
    failureTitle: null,
    onSuccess: (_done, { enabled }) => onSaved({ ...settings, startAtLogin: enabled }),
    success: (_done, { enabled }) => t(enabled ? 'tools.desktop.startAtLoginOn' : 'tools.desktop.startAtLoginOff'),
  });

  return (
    <Stack gap="sm">
      <Switch
        checked={settings.startAtLogin}
        label={t('tools.desktop.startAtLogin')}
        description={t('tools.desktop.startAtLoginHelp')}
        onChange={(e) => void startAtLogin.run({ enabled: e.currentTarget.checked })}
      />
      <Select
        w={260}
        label={t('tools.desktop.logLevel')}
        allowDeselect={false}
        value={settings.logLevel}
        data={LOG_LEVELS.map((value) => ({ value, label: t(`tools.desktop.levels.${value}`) }))}
        onChange={(value) => value && void save({ logLevel: value as GeneralSettings['logLevel'] }, t('tools.desktop.saved'))}
      />
      <Switch
        checked={settings.autoUpdate}
        label={t('tools.desktop.autoUpdate')}
        description={t('tools.desktop.autoUpdateHelp')}
        onChange={(e) => void save({ autoUpdate: e.currentTarget.checked }, t('tools.desktop.saved'))}
      />
      <Group align="flex-end">
        <TextInput style={{ flex: 1 }} label={t('tools.desktop.feedUrl')} placeholder="https://" value={feed} error={feedError} onChange={(e) => setFeed(e.currentTarget.value)} />
        <Button variant="default" onClick={() => void save({ updateFeedUrl: feed.trim() }, t('tools.desktop.saved'))}>
          {t('tools.desktop.saveFeed')}
        </Button>
      </Group>
    </Stack>
  );
}
