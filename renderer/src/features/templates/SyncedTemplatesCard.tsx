import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateList, TemplateSummary } from '../../../../shared/contract/methods/templates';
import { ScreenState } from '../../app/ScreenState';
import type { LoadState } from '../../transport/api-context';
import { categoryText } from './MarketingHolds';
import { TemplateStatusBadge } from './TemplateStatusBadge';
import { templateShape } from './template-shape';
import { formatLanguage } from '../../format/format';
import { useContractAction } from '../../forms/use-contract-action';
import type { TFunction } from 'i18next';

/** The templates of the WhatsApp Business Account as last synced, and the button that syncs them. */
export function SyncedTemplatesCard({
  state,
  onRetry,
  onSynced,
}: {
  state: LoadState<TemplateList>;
  onRetry(): void;
  onSynced(): void;
}) {
  const { t } = useTranslation();
  const [autoError, setAutoError] = useState<string | null>(null);
  const autoTried = useRef(false);

  const manual = useContractAction('templates.sync', {
    onSuccess: onSynced,
    failureTitle: t('templates.sync.failed'),
    success: (result) => ({ color: 'green', title: t('templates.sync.done'), message: t('templates.sync.count', { count: result.synced }) }),
  });
  // The quiet first sync (nothing synced yet): the table filling in is the feedback, a failure is said in the card.
  const quiet = useContractAction('templates.sync', { onSuccess: onSynced, quietFailure: true, onError: (_error, message) => setAutoError(message) });
  const syncing = manual.busy || quiet.busy;
  const sync = (auto = false) => {
    setAutoError(null);
    return (auto ? quiet : manual).run({});
  };

  // A new install (or a new account) has nothing synced: fetch the templates once, unasked, so
  // the mappings below are checked against what Meta really has from the first visit. Runs once
  // per visit, when the empty list first loads.
  // ("Nothing synced yet" is the core's rule: `templates.list`'s `synced`.)
  const nothingSynced = state.status === 'ready' && !state.data.synced;
  useEffect(() => {
    if (!nothingSynced || autoTried.current) return;
    autoTried.current = true;
    void sync(true);
  }, [nothingSynced]);

  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('templates.sync.title')}
        </Title>
        <Button leftSection={<IconRefresh size={16} />} loading={syncing} onClick={() => void sync()} data-testid="sync-templates">
          {t('templates.sync.button')}
        </Button>
      </Group>
      <ScreenState state={state} onRetry={onRetry}>
        {({ templates }) =>
          templates.length > 0 ? (
            <TemplatesTable templates={templates} />
          ) : (
            <Text c={autoError ? 'red' : 'dimmed'} data-testid="templates-empty">
              {syncing ? t('templates.sync.running') : (autoError ?? t('templates.sync.never'))}
            </Text>
          )
        }
      </ScreenState>
    </Paper>
  );
}

function TemplatesTable({ templates }: { templates: TemplateSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="templates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.table.name')}</Table.Th>
            <Table.Th>{t('templates.table.language')}</Table.Th>
            <Table.Th>{t('templates.table.category')}</Table.Th>
            <Table.Th>{t('templates.table.parameters')}</Table.Th>
            <Table.Th>{t('templates.table.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((template) => (
            <Table.Tr key={template.templateId} data-testid={`template-row-${template.name}-${template.language}`}>
              <Table.Td ff="monospace">{template.name}</Table.Td>
              <Table.Td title={template.language}>{formatLanguage(template.language, i18n.language)}</Table.Td>
              <Table.Td data-testid={`template-category-${template.name}-${template.language}`}>
                {template.category ? categoryText(template.category, t) : '—'}
                {template.previousCategory && (
                  <Text span size="xs" c="orange" ml={6} title={template.previousCategory}>
                    ({t('templates.marketingHold.previous', { category: categoryText(template.previousCategory, t) })})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{parameterSummary(template, t)}</Table.Td>
              <Table.Td>
                <TemplateStatusBadge status={template.status} reason={template.statusReason} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "4 numerados" / "2 nomeados" (+ the header's media); a dash until the components are synced. */
function parameterSummary(template: TemplateSummary, t: TFunction): string {
  if (!template.components) return '—';
  const shape = templateShape(template);
  const count = (shape.header.kind === 'text' ? shape.header.params.length : 0) + shape.body.params.length + shape.buttons.filter((b) => b.dynamic).length;
  const text = count === 0 ? '0' : `${count} ${t(shape.named ? 'templates.table.named' : 'templates.table.positional')}`;
  return shape.header.kind === 'media' ? `${text} + ${t(`templates.editor.media.${shape.header.format}`).toLowerCase()}` : text;
}
