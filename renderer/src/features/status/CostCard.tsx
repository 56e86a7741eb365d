import { Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostEstimate } from '../../../../shared/contract/methods/status';
import { costRatesSchema, PRICING_CATEGORIES, type CostRates } from '../../../../shared/settings/costs';
import { ScreenState } from '../../app/ScreenState';
import { MoneyInput } from '../../forms/MoneyInput';
import { useSettingsForm } from '../../forms/use-settings-form';
import { formatMoney, formatNumber } from '../../format/format';
import { useContractQuery } from '../../transport/api-context';

/** This month's estimated cost by Meta pricing category, clearly labelled as an estimate. */
export function CostCard({ cost }: { cost: CostEstimate }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  // The estimate arrives in reais as the rates are kept in settings (decimals, fractions of a
  // centavo allowed); this is the one place it becomes minor units for the format module.
  const money = (reais: number) => formatMoney(reais * 100, cost.currency, lang);
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-cost">
      <Group justify="space-between" mb="xs">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t('status.costTitle')}
        </Text>
        <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
          {t('status.editRates')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('status.costHint')}
      </Text>
      {cost.byCategory.length === 0 ? (
        <Text size="sm">{t('status.costNone')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('status.costCategory')}</Table.Th>
              <Table.Th ta="right">{t('status.costCount')}</Table.Th>
              <Table.Th ta="right">{t('status.costRate')}</Table.Th>
              <Table.Th ta="right">{t('status.costEstimate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cost.byCategory.map((row) => (
              <Table.Tr key={row.category}>
                <Table.Td>{t(`status.category.${row.category}`, { defaultValue: row.category })}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.billable, lang)}</Table.Td>
                <Table.Td ta="right">{money(row.rate)}</Table.Td>
                <Table.Td ta="right">{money(row.estimate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={700} mt="sm" ta="right" data-testid="cost-total">
        {t('status.costTotal')}: {money(cost.total)}
      </Text>
      {editing && <RatesModal onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function RatesModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const rates = useContractQuery('status.getCostRates', {});
  return (
    <Modal opened onClose={onClose} title={t('status.ratesTitle')}>
      <ScreenState state={rates.state} onRetry={rates.reload}>
        {(loaded) => <RatesForm rates={loaded} onClose={onClose} />}
      </ScreenState>
    </Modal>
  );
}

function RatesForm({ rates, onClose }: { rates: CostRates; onClose(): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm({
    initialValues: rates,
    schema: costRatesSchema,
    method: 'status.saveCostRates',
    toInput: (values: CostRates) => values,
    onSaved: (saved, f) => {
      f.resetDirty(saved);
      onClose();
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {PRICING_CATEGORIES.map((category) => (
          // Rates are per message and can be fractions of a centavo, hence four decimals.
          <MoneyInput key={category} label={t(`status.category.${category}`)} currency={rates.currency} decimalScale={4} {...form.getInputProps(category)} />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
