import { Button, Group, Paper, Text } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContractAction } from '../../forms/use-contract-action';

/** Tools → "Abrir o assistente de configuração": the first-run wizard again (the shell follows `wizard.changed`). */
export function ReopenWizardCard() {
  const { t } = useTranslation();
  // The wizard opening is the feedback; only a failure is said.
  const reopen = useContractAction('wizard.reopen', { failureTitle: null });
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
          onClick={() => void reopen.run({})}
        >
          {t('wizard.reopen')}
        </Button>
      </Group>
    </Paper>
  );
}
