import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenState } from '../../app/ScreenState';
import { useApi, useContractQuery } from '../../transport/api-context';
import { CopyField } from '../common/CopyField';
import { formatDateTime, formatNumber } from '../../format/format';
import { useAction, useContractAction } from '../../forms/use-contract-action';

/**
 * Tools → "Backup e mudança de PC": export the data and settings to one file, restore one (at the
 * next start), see the daily backups; and say in words when secrets are not in the system keyring.
 */
export function BackupCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const overview = useContractQuery('backup.overview', {});
  const info = useContractQuery('app.info', {});
  const [exported, setExported] = useState<string | null>(null);
  const [restoreFile, setRestoreFile] = useState('');
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const lang = i18n.language;

  const backup = useAction((kind: 'export' | 'run') => api.call(kind === 'export' ? 'backup.export' : 'backup.runNow', {}), {
    failureTitle: null,
    onSuccess: (entry, kind) => {
      if (kind === 'export') setExported(entry.file);
      overview.reload();
    },
    success: (_entry, kind) => t(kind === 'export' ? 'tools.backup.exported' : 'tools.backup.ran'),
  });
  const act = backup.run;

  // A refused restore is said under the file field.
  const restoring = useContractAction('backup.restore', {
    quietFailure: true,
    onError: (_error, message) => setRestoreError(message),
    success: (staged) => ({ color: 'green', autoClose: false, message: t('tools.backup.restoreStaged', { when: formatDateTime(staged.createdAt, lang), version: staged.appVersion }) }),
  });
  const restore = () => {
    setRestoreError(null);
    return restoring.run({ file: restoreFile });
  };
  const busy = restoring.busy ? 'restore' : (backup.running?.[0] ?? null);

  return (
    <Paper withBorder p="lg" radius="md" data-testid="backup-card">
      <Stack gap="sm">
        <Title order={4}>{t('tools.backup.title')}</Title>
        {info.state.status === 'ready' && info.state.data.secretStorage.keyringMissing && (
          <Alert color="orange" title={t('tools.backup.keyringMissingTitle')} data-testid="keyring-missing">
            {t('tools.backup.keyringMissing')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('tools.backup.help')}
        </Text>
        <Group>
          <Button onClick={() => void act('export')} loading={busy === 'export'} data-testid="backup-export">
            {t('tools.backup.export')}
          </Button>
          <Button variant="light" onClick={() => void act('run')} loading={busy === 'run'}>
            {t('tools.backup.runNow')}
          </Button>
        </Group>
        {exported && <CopyField label={t('tools.backup.exportedTo')} value={exported} testId="backup-exported-file" />}
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('tools.backup.restoreLabel')}
            description={t('tools.backup.restoreHelp')}
            value={restoreFile}
            onChange={(e) => setRestoreFile(e.currentTarget.value)}
            error={restoreError}
            data-testid="backup-restore-file"
          />
          <Button variant="default" onClick={() => void restore()} loading={busy === 'restore'} disabled={restoreFile.trim() === ''}>
            {t('tools.backup.restore')}
          </Button>
        </Group>
        <ScreenState state={overview.state} onRetry={overview.reload}>
          {(o) => (
            <Stack gap={4}>
              <Text size="sm">{t('tools.backup.daily', { keep: o.keep, folder: o.folder })}</Text>
              {o.lastRun && !o.lastRun.ok && (
                <Alert color="red">{t('tools.backup.lastFailed', { when: formatDateTime(o.lastRun.at, lang), error: o.lastRun.error ?? '' })}</Alert>
              )}
              {o.backups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('tools.backup.none')}
                </Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {o.backups.map((b) => (
                      <Table.Tr key={b.file}>
                        <Table.Td>{formatDateTime(b.createdAt, lang)}</Table.Td>
                        <Table.Td>{t('tools.backup.size', { kb: formatNumber(Math.ceil(b.bytes / 1024), lang) })}</Table.Td>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {b.file}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )}
        </ScreenState>
      </Stack>
    </Paper>
  );
}
