import { Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../forms/contract-form';
import { useApi } from '../../transport/api-context';

/** Tools → "Abrir o assistente de configuração": the first-run wizard again (the shell follows `wizard.changed`). */
export function ReopenWizardCard() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={600}>
          {t('wizard.reopenHelp')}
        </Text>
        <Button
          variant="light"
          leftSection={<IconWand size={18} />}
          data-testid="wizard-reopen"
          onClick={() => api.call('wizard.reopen', {}).catch((e: unknown) => notifications.show({ color: 'red', message: describeError(e, t) }))}
        >
          {t('wizard.reopen')}
        </Button>
      </Group>
    </Paper>
  );
}
