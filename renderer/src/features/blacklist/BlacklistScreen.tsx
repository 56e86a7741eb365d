import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addBlacklistSchema, type BlacklistItem } from '../../../../shared/contract/methods/blacklist';
import { describeError, validateWithSchema } from '../../forms/contract-form';
import { useContractAction } from '../../forms/use-contract-action';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { formatDateTime, formatNumber } from '../../format/format';
import { blacklistReasonText } from './blacklist-reason';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { ScreenPage } from '../../app/ScreenPage';
import { PagedTable, usePagedSearch } from '../common/PagedTable';

const PAGE_SIZE = 25;

/** How the screen names a blocked customer: the phone, else the username, else Meta's ID. */
function customerName(row: Pick<BlacklistItem, 'phone' | 'username' | 'userId'> | null): string {
  if (!row) return '';
  return row.phone ? formatPhone(row.phone) : (row.username ?? row.userId ?? '');
}

export function BlacklistScreen() {
  const { t, i18n } = useTranslation();
  const { search, page, setPage, searchProps } = usePagedSearch(250);
  const [removing, setRemoving] = useState<BlacklistItem | null>(null);
  const list = useContractQuery('blacklist.list', { ...(search ? { search } : {}), page, pageSize: PAGE_SIZE });
  const data = list.state.status === 'ready' ? list.state.data : null;
  // Numbers arrive on their own (an opt-out reply, Meta refusing a number): show them as they land,
  // reloading at most about once a second, like the Message Log.
  const follow = useDebouncedCallback(list.reload, { delay: 800, maxWait: 2000 });
  useContractEvent('webhook.activity', follow);
  useContractEvent('dispatch.stateChanged', follow);

  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '', reason: '' },
    validate: validateWithSchema(addBlacklistSchema, t),
  });
  const adding = useContractAction('blacklist.add', {
    form,
    onSuccess: () => {
      form.reset();
      list.reload();
    },
    success: (row) => t('blacklist.added', { phone: formatPhone(row.phone) }),
  });
  const add = form.onSubmit((values) => void adding.run(values));

  const remove = useContractAction('blacklist.remove', {
    onSuccess: () => {
      setRemoving(null);
      list.reload();
    },
    // The row's name (phone, or username / BSUID for a customer known only by that), as the dialog said it.
    success: () => t('blacklist.removed', { phone: customerName(removing) }),
  });
  const confirmRemove = () => {
    if (removing) void remove.run(removing.phone ? { phone: removing.phone } : { userId: removing.userId ?? '' });
  };
  const busy = adding.busy || remove.busy;

  return (
    <ScreenPage title={t('blacklist.title')} subtitle={data ? t('blacklist.count', { count: data.count, formatted: formatNumber(data.count, i18n.language) }) : t('common.loading')} subtitleTestId="blacklist-count" maw={1000}>
      <Alert color="blue">{t('blacklist.explanation')}</Alert>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={add} noValidate>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('blacklist.phone')} placeholder="(11) 98765-4321" w={220} data-testid="bl-phone" {...form.getInputProps('phone')} />
            <TextInput label={t('blacklist.reason')} placeholder={t('blacklist.reasonPlaceholder')} style={{ flex: 1 }} miw={240} data-testid="bl-reason" {...form.getInputProps('reason')} />
            <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={busy} data-testid="bl-add">
              {t('blacklist.add')}
            </Button>
          </Group>
        </form>
      </Paper>
      <TextInput
        placeholder={t('blacklist.search')}
        aria-label={t('blacklist.search')}
        {...searchProps}
        maw={360}
        data-testid="bl-search"
      />
      {list.state.status === 'error' && <Text c="red">{describeError(list.state.error, t)}</Text>}
      <PagedTable<BlacklistItem>
        state={list.state}
        pageSize={PAGE_SIZE}
        page={page}
        onPageChange={setPage}
        noRecordsText={search ? t('blacklist.noMatch') : t('blacklist.empty')}
        testId="bl-table"
        columns={[
          {
            accessor: 'phone',
            title: t('blacklist.phone'),
            render: (r) =>
              r.phone ? (
                formatPhone(r.phone)
              ) : (
                <Text size="sm" c="dimmed" data-testid="bl-phone-unknown">
                  {t('blacklist.phoneUnknown')}
                </Text>
              ),
          },
          { accessor: 'matchedBy', title: t('blacklist.matchedBy'), render: (r) => <MatchedBy row={r} /> },
          { accessor: 'reason', title: t('blacklist.reason'), render: (r) => blacklistReasonText(r.reason, t) },
          { accessor: 'addedAt', title: t('blacklist.date'), render: (r) => formatDateTime(r.addedAt, i18n.language) },
          {
            accessor: 'actions',
            title: '',
            textAlign: 'right',
            render: (r) => (
              <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setRemoving(r)} aria-label={t('blacklist.removeLabel', { phone: customerName(r) })}>
                {t('blacklist.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('blacklist.confirmTitle')}>
        <Stack>
          <Text>{t('blacklist.confirmText', { phone: customerName(removing) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirmRemove} loading={busy} data-testid="bl-confirm-remove">
              {t('blacklist.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ScreenPage>
  );
}

/** Which identifier the entry matched, in words; Meta's ID itself shown as it is. */
function MatchedBy({ row }: { row: BlacklistItem }) {
  const { t } = useTranslation();
  if (row.matchedBy === 'phone') return <Text size="sm">{t('blacklist.match.phone')}</Text>;
  return (
    <Stack gap={0} data-testid="bl-matched-bsuid">
      <Text size="sm">{row.username ? t('blacklist.match.username', { username: row.username }) : t('blacklist.match.bsuid')}</Text>
      {row.userId && (
        <Text size="xs" c="dimmed">
          {t('blacklist.match.bsuidLabel')} <span translate="no">{row.userId}</span>
        </Text>
      )}
    </Stack>
  );
}
