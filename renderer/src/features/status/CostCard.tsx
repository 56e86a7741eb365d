import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostEstimate } from '../../../../shared/contract/methods/status';
import { formatMoney, formatNumber, formatRate } from '../../format/format';
import { metaValueText } from '../common/meta-words';
import { RatesModal } from './RatesModal';

/** Per-message rates are fractions of a cent: up to four decimals, in the owner's language. */
/**
 * This month's estimated cost by country and Meta pricing category, from each receipt's own
 * pricing (computed in the core), in US dollars and, when the owner set a rate, in reais too;
 * clearly labelled as an estimate. `onRatesSaved`: the estimate is read again with the new rates.
 */
export function CostCard({ cost, onRatesSaved }: { cost: CostEstimate; onRatesSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
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
        <Table data-testid="cost-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pricing.country')}</Table.Th>
              <Table.Th>{t('status.costCategory')}</Table.Th>
              <Table.Th ta="right">{t('status.costCount')}</Table.Th>
              <Table.Th ta="right">{t('pricing.free')}</Table.Th>
              <Table.Th ta="right">{t('status.costRate')}</Table.Th>
              <Table.Th ta="right">{t('status.costEstimate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cost.byCategory.map((row) => (
              <Table.Tr key={`${row.region}:${row.category}`} data-testid={`cost-row-${row.region}-${row.category}`}>
                <Table.Td>{t(`pricing.region.${row.region}`)}</Table.Td>
                <Table.Td>{metaValueText('pricingCategory', row.category.replace(/-/g, '_'), t)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.billable, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.free, lang)}</Table.Td>
                <Table.Td ta="right">{formatRate(row.rate, cost.currency, lang)}</Table.Td>
                <Table.Td ta="right">{formatRate(row.estimate, cost.currency, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text fw={700} mt="sm" ta="right" data-testid="cost-total">
        {t('status.costTotal')}: {formatRate(cost.total, cost.currency, lang)}
      </Text>
      {cost.converted && (
        <Text size="sm" ta="right" data-testid="cost-total-brl">
          {t('pricing.converted', { amount: formatMoney(Math.round(cost.converted.total * 100), 'BRL', lang), rate: formatRate(cost.converted.brlPerUsd, 'BRL', lang) })}
        </Text>
      )}
      {editing && <RatesModal onClose={() => setEditing(false)} onSaved={onRatesSaved} />}
    </Paper>
  );
}
