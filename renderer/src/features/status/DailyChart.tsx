import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyCount } from '../../../../shared/contract/methods/status';

/**
 * The day's numbers as the Message Log counts them (shared/domain/message-counts.ts). Side by side,
 * not stacked: a read message is also delivered and sent, so stacking would count it three times.
 */
const SERIES = [
  { key: 'sent', color: 'gray.5' },
  { key: 'delivered', color: 'blue.6' },
  { key: 'read', color: 'teal.6' },
  { key: 'failed', color: 'red.6' },
] as const;

/** Messages per day, last 30 days: sent, delivered, read, failed. */
export function DailyChart({ daily }: { daily: DailyCount[] }) {
  const { t } = useTranslation();
  const data = daily.map((d) => ({
    day: `${d.day.slice(8, 10)}/${d.day.slice(5, 7)}`,
    ...Object.fromEntries(SERIES.map(({ key }) => [t(`status.chartSeries.${key}`), d.counts[key]])),
  }));
  return (
    <Paper withBorder p="md" radius="md" data-testid="card-chart">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb="sm">
        {t('status.chartTitle')}
      </Text>
      <BarChart
        h={220}
        data={data}
        dataKey="day"
        withLegend
        series={SERIES.map(({ key, color }) => ({ name: t(`status.chartSeries.${key}`), color }))}
      />
    </Paper>
  );
}
