import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyCount } from '../../../../shared/contract/methods/status';
import { formatDayMonth, formatNumber } from '../../format/format';

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
  const { t, i18n } = useTranslation();
  const data = daily.map((d) => ({
    day: formatDayMonth(d.day, i18n.language),
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
        // Messages are whole: no 0,75 on the axis; every number through Intl (1.234 in pt-BR).
        yAxisProps={{ allowDecimals: false }}
        valueFormatter={(value) => formatNumber(value, i18n.language)}
        series={SERIES.map(({ key, color }) => ({ name: t(`status.chartSeries.${key}`), color }))}
      />
    </Paper>
  );
}
