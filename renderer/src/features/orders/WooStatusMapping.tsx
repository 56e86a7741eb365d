import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WOO_STATUS_TARGETS, wooStatusSlugSchema, type WooStatusTarget } from '../../../../shared/settings/woocommerce';
import { textIn } from '../../i18n/keys';

export interface StatusRow {
  status: string;
  target: WooStatusTarget;
}

export const rowsFromMapping = (mapping: Record<string, WooStatusTarget>): StatusRow[] => Object.entries(mapping).map(([status, target]) => ({ status, target }));

export const mappingFromRows = (rows: StatusRow[]): Record<string, WooStatusTarget> => Object.fromEntries(rows.map((r) => [r.status, r.target]));

/** WooCommerce shows `wc-enviado` in some places and `enviado` in the API: accept either. */
const slugFrom = (typed: string) => typed.trim().toLowerCase().replace(/^wc-/, '');

/**
 * What each WooCommerce status means for Recado (the defaults of WooCommerce's order statuses);
 * shops with custom statuses ("enviado", "em-separacao") add their own rows.
 */
export function WooStatusMapping({ rows, onChange }: { rows: StatusRow[]; onChange(rows: StatusRow[]): void }) {
  const { t } = useTranslation();
  const [newStatus, setNewStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const targets = WOO_STATUS_TARGETS.map((value) => ({ value, label: t(`woo.target.${value}`) }));

  const add = () => {
    const slug = slugFrom(newStatus);
    if (!wooStatusSlugSchema.safeParse(slug).success) return setError(t('validation.statusSlug'));
    if (rows.some((r) => r.status === slug)) return setError(t('woo.statusExists'));
    onChange([...rows, { status: slug, target: 'keep' }]);
    setNewStatus('');
    setError(null);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('woo.mappingTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('woo.mappingHelp')}
      </Text>
      <Table data-testid="woo-mapping" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('woo.wooStatus')}</Table.Th>
            <Table.Th>{t('woo.meansFor')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            // WooCommerce's own name for its statuses; a custom one reads as the shop typed it. The slug stays in the tooltip.
            const known = textIn(t, 'woo.wooStatusName', row.status) ?? '';
            return (
            <Table.Tr key={row.status}>
              <Table.Td>
                <Text size="sm" title={row.status} translate={known ? undefined : 'no'}>
                  {known || row.status}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('woo.meansForStatus', { status: known || row.status })}
                  data={targets}
                  value={row.target}
                  allowDeselect={false}
                  onChange={(value) => value && onChange(rows.map((r, i) => (i === index ? { ...r, target: value as WooStatusTarget } : r)))}
                  data-testid={`woo-target-${row.status}`}
                />
              </Table.Td>
              <Table.Td>
                <Tooltip label={t('woo.removeStatus')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('woo.removeStatusLabel', { status: row.status })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group align="flex-start">
        <TextInput
          placeholder={t('woo.newStatusPlaceholder')}
          aria-label={t('woo.newStatus')}
          value={newStatus}
          error={error}
          onChange={(e) => {
            setNewStatus(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid="woo-new-status"
        />
        <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add} data-testid="woo-add-status">
          {t('woo.addStatus')}
        </Button>
      </Group>
    </Stack>
  );
}
