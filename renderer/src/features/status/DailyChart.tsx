import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyCount } from '../../../../shared/contract/methods/status';
import { formatDayMonth, formatNumber } from '../../format/format';

const SERIES = [
  { status: 'read', color: 'teal.6' },
  { status: 'delivered', color: 'blue.6' },
  { status: 'sent', color: 'gray.5' },
  { status: 'failed', color: 'red.6' },
] as const;

/** Messages per day by status, last 30 days. */
export function DailyChart({ daily }: { daily: DailyCount[] }) {
  const { t, i18n } = useTranslation();
  const data = daily.map((d) => ({
    day: formatDayMonth(d.day, i18n.language),
    ...Object.fromEntries(SERIES.map(({ status }) => [t(`notificationStatus.${status}`), d.counts[status] ?? 0])),
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
        type="stacked"
        withLegend
        // Messages are whole: no 0,75 on the axis; every number through Intl (1.234 in pt-BR).
        yAxisProps={{ allowDecimals: false }}
        valueFormatter={(value) => formatNumber(value, i18n.language)}
        series={SERIES.map(({ status, color }) => ({ name: t(`notificationStatus.${status}`), color }))}
      />
    </Paper>
  );
}
