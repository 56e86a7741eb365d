import { Badge, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type LogCsvPage, type LogFilters, type LogRow } from '../../../../shared/contract/methods/log';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../../../../shared/domain/notification-status';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { describeError } from '../../forms/contract-form';
import { useAction } from '../../forms/use-contract-action';
import { useApi, useContractEvent, useContractQuery } from '../../transport/api-context';
import { formatDateTime, formatNumber } from '../../format/format';
import { LogDetailDrawer } from './LogDetailDrawer';
import { STATUS_COLORS } from './log-labels';
import { errorText, reasonText } from './log-reasons';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { exportWords } from './export-words';
import { ScreenPage } from '../../app/ScreenPage';
import { PagedTable, usePagedSearch } from '../common/PagedTable';

const PAGE_SIZE = 50;

export function LogScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.language;
  const [range, setRange] = useState<DatesRangeValue<string>>([null, null]);
  const [status, setStatus] = useState<NotificationStatus | null>(null);
  const [type, setType] = useState<OrderEvent | null>(null);
  const { search, page, setPage, searchProps } = usePagedSearch(300);
  const [openId, setOpenId] = useState<number | null>(null);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);

  // Days are the owner's local days: from local midnight to the next local midnight after "to".
  const filters = useMemo<LogFilters>(() => {
    const f: LogFilters = {};
    if (range[0]) f.from = dayjs(range[0]).startOf('day').valueOf();
    if (range[1]) f.to = dayjs(range[1]).startOf('day').add(1, 'day').valueOf();
    if (status) f.status = status;
    if (type) f.type = type;
    if (search) f.search = search;
    return f;
  }, [range, status, type, search]);

  const counters = useContractQuery('log.counters', { filters });
  const query = useContractQuery('log.query', { filters, page, pageSize: PAGE_SIZE });
  // Live: the dispatcher and Meta's receipts change rows; reload at most about once a second.
  const reloadAll = useDebouncedCallback(() => {
    query.reload();
    counters.reload();
  }, { delay: 800, maxWait: 2000 });
  useContractEvent('dispatch.stateChanged', reloadAll);
  useContractEvent('webhook.activity', reloadAll);
  const setFilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  // Page by page (the log can be large), with the progress on screen; one outcome at the end.
  const exportAction = useAction(async () => {
    setExporting({ done: 0, total: 0 });
    const parts: string[] = ['\ufeff'];
    try {
      let after: LogCsvPage['nextCursor'] = null;
      let total = 0;
      let done = 0;
      do {
        const chunk: LogCsvPage = await api.call('log.exportCsv', {
          filters,
          after,
          pageSize: 5000,
          words: exportWords(t),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          delimiter: lang.startsWith('pt') ? ';' : ',',
        });
        if (chunk.total !== null) total = chunk.total;
        parts.push(chunk.csv);
        done += chunk.rows;
        setExporting({ done, total });
        after = chunk.nextCursor;
      } while (after);
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `recado-mensagens-${dayjs().format('YYYY-MM-DD-HHmm')}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return done;
    } finally {
      setExporting(null);
    }
  }, {
    failureTitle: t('log.exportFailed'),
    success: (done) => ({ color: 'green', title: t('log.exportDone'), message: t('log.exportRows', { count: done, formatted: formatNumber(done, lang) }) }),
  });
  const exportCsv = exportAction.run;

  const c = counters.state.status === 'ready' ? counters.state.data : null;
  const cards = [
    { key: 'delivered', color: 'teal' },
    { key: 'read', color: 'green' },
    { key: 'pending', color: 'blue' },
    { key: 'failed', color: 'red' },
    { key: 'total', color: 'gray' },
  ] as const;

  return (
    <ScreenPage title={t('log.title')} subtitle={t('log.subtitle')}>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="log-counters">
        {cards.map(({ key, color }) => (
          <Paper key={key} withBorder p="md" radius="md" data-testid={`counter-${key}`}>
            <Text size="xl" fw={700} c={color}>
              {c ? formatNumber(c[key], lang) : '…'}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`log.counters.${key}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group align="flex-end" wrap="wrap">
        <DatePickerInput
          type="range"
          label={t('log.filters.dates')}
          placeholder={t('log.filters.datesPlaceholder')}
          valueFormat="DD/MM/YYYY"
          value={range}
          onChange={setFilter(setRange)}
          clearable
          w={260}
          data-testid="filter-dates"
        />
        <Select
          label={t('log.filters.status')}
          placeholder={t('log.filters.any')}
          data={NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`log.status.${s}`) }))}
          value={status}
          onChange={(v) => setFilter(setStatus)(v as NotificationStatus | null)}
          clearable
          w={180}
          data-testid="filter-status"
        />
        <Select
          label={t('log.filters.type')}
          placeholder={t('log.filters.any')}
          data={ORDER_EVENTS.map((e) => ({ value: e, label: t(`log.type.${e}`) }))}
          value={type}
          onChange={(v) => setFilter(setType)(v as OrderEvent | null)}
          clearable
          w={200}
          data-testid="filter-type"
        />
        <TextInput
          label={t('log.filters.search')}
          placeholder={t('log.filters.searchPlaceholder')}
          {...searchProps}
          w={260}
          data-testid="filter-search"
        />
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void exportCsv()} loading={exporting !== null} data-testid="export-csv">
          {t('log.export')}
        </Button>
      </Group>
      {exporting && (
        <Stack gap={4} data-testid="export-progress">
          <Progress value={exporting.total ? (exporting.done / exporting.total) * 100 : 5} animated />
          <Text size="xs" c="dimmed">
            {t('log.exporting', { count: exporting.total, done: formatNumber(exporting.done, lang), total: formatNumber(exporting.total, lang) })}
          </Text>
        </Stack>
      )}
      {query.state.status === 'error' && (
        <Text c="red" data-testid="log-error">
          {describeError(query.state.error, t)}
        </Text>
      )}
      <PagedTable<LogRow>
        state={query.state}
        highlightOnHover
        minHeight={240}
        pageSize={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        noRecordsText={t('log.empty')}
        onRowClick={(row) => setOpenId(row.id)}
        testId="log-table"
        columns={[
          { accessor: 'orderNumber', title: t('log.columns.order'), render: (r) => `#${r.orderNumber}` },
          { accessor: 'phone', title: t('log.columns.phone'), render: (r) => formatPhone(r.phone) },
          { accessor: 'type', title: t('log.columns.type'), render: (r) => t(`log.typeShort.${r.type}`) },
          {
            accessor: 'status',
            title: t('log.columns.status'),
            width: 240,
            render: (r) => {
              const why = reasonText(r, t);
              return (
                <Stack gap={2}>
                  <Badge color={STATUS_COLORS[r.status]} variant="light" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                    {t(`log.status.${r.status}`)}
                  </Badge>
                  {why && (
                    <Text size="xs" c="dimmed" data-testid="row-reason">
                      {why}
                    </Text>
                  )}
                </Stack>
              );
            },
          },
          { accessor: 'tracking', title: t('log.columns.tracking'), render: (r) => r.tracking ?? '' },
          { accessor: 'sentAt', title: t('log.columns.sentAt'), noWrap: true, render: (r) => (r.sentAt === null ? <Text c="dimmed" size="sm" title={t('log.notSentYet', { when: formatDateTime(r.createdAt, lang) })}>—</Text> : formatDateTime(r.sentAt, lang)) },
          {
            accessor: 'error',
            title: t('log.columns.error'),
            render: (r) => (
              <Text size="sm" c={r.status === 'skipped' ? 'dimmed' : 'red'} title={r.status === 'skipped' ? undefined : (r.error ?? undefined)}>
                {errorText(r, t) ?? ''}
              </Text>
            ),
          },
        ]}
      />
      <LogDetailDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onChanged={() => {
          query.reload();
          counters.reload();
        }}
      />
    </ScreenPage>
  );
}
