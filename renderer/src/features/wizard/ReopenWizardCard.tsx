import { Button } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useContractAction } from '../../forms/use-contract-action';
import { ActionCard } from '../common/ActionCard';

/** Tools → "Abrir o assistente de configuração": the first-run wizard again (the shell follows `wizard.changed`). */
export function ReopenWizardCard() {
  const { t } = useTranslation();
  // The wizard opening is the feedback; only a failure is said.
  const reopen = useContractAction('wizard.reopen', { failureTitle: null });
  return (
    <ActionCard help={t('wizard.reopenHelp')}>
      <Button variant="light" leftSection={<IconWand size={18} />} data-testid="wizard-reopen" onClick={() => void reopen.run({})}>
        {t('wizard.reopen')}
      </Button>
    </ActionCard>
  );
}
