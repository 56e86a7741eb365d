import { Button, Group, Paper, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOG_LEVELS, type GeneralSettings } from '../../../../shared/settings/general';
import { ScreenState } from '../../app/ScreenState';
import { describeError, serverFieldIssues, translateIssue } from '../../forms/contract-form';
import { useApi, useContractQuery } from '../../transport/api-context';

/** Tools → "Aplicativo": start at login, log level and updates (desktop app only). */
export function DesktopCard() {
  const { t } = useTranslation();
  const info = useContractQuery('app.info', {});
  const general = useContractQuery('settings.getGeneral', {});
  if (info.state.status !== 'ready' || info.state.data.host !== 'desktop') return null;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="desktop-card">
      <Stack gap="sm">
        <Title order={4}>{t('desktopApp.title')}</Title>
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

  const save = async (patch: Partial<GeneralSettings>, done: string) => {
    setFeedError(null);
    try {
      onSaved(await api.call('settings.saveGeneral', patch));
      notifications.show({ color: 'green', message: done });
    } catch (error) {
      const issue = serverFieldIssues(error).find((i) => i.path === 'updateFeedUrl');
      if (issue) setFeedError(translateIssue(issue, t));
      else notifications.show({ color: 'red', message: describeError(error, t) });
    }
  };

  return (
    <Stack gap="sm">
      <Switch
        checked={settings.startAtLogin}
        label={t('desktopApp.startAtLogin')}
        description={t('desktopApp.startAtLoginHelp')}
        onChange={async (e) => {
          const enabled = e.currentTarget.checked;
          try {
            await api.call('app.setStartAtLogin', { enabled });
            onSaved({ ...settings, startAtLogin: enabled });
            notifications.show({ color: 'green', message: t(enabled ? 'desktopApp.startAtLoginOn' : 'desktopApp.startAtLoginOff') });
          } catch (error) {
            notifications.show({ color: 'red', message: describeError(error, t) });
          }
        }}
      />
      <Select
        w={260}
        label={t('desktopApp.logLevel')}
        allowDeselect={false}
        value={settings.logLevel}
        data={LOG_LEVELS.map((value) => ({ value, label: t(`desktopApp.levels.${value}`) }))}
        onChange={(value) => value && void save({ logLevel: value as GeneralSettings['logLevel'] }, t('desktopApp.saved'))}
      />
      <Switch
        checked={settings.autoUpdate}
        label={t('desktopApp.autoUpdate')}
        description={t('desktopApp.autoUpdateHelp')}
        onChange={(e) => void save({ autoUpdate: e.currentTarget.checked }, t('desktopApp.saved'))}
      />
      <Group align="flex-end">
        <TextInput style={{ flex: 1 }} label={t('desktopApp.feedUrl')} placeholder="https://" value={feed} error={feedError} onChange={(e) => setFeed(e.currentTarget.value)} />
        <Button variant="default" onClick={() => void save({ updateFeedUrl: feed.trim() }, t('desktopApp.saved'))}>
          {t('desktopApp.saveFeed')}
        </Button>
      </Group>
    </Stack>
  );
}
