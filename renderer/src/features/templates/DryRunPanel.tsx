import { Alert, Button, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDryRun } from '../../../../shared/contract/methods/templates';
import type { OrderEvent } from '../../../../shared/domain/order-events';
import { sampleOrder, type RenderedParam } from '../../../../shared/domain/template-render';
import { HEADER_MEDIA_FORMATS, type TemplateMapping } from '../../../../shared/settings/templates';
import { describeError } from '../../forms/contract-form';
import { LogPicker, OrderPicker } from './DryRunPickers';
import { ProblemList } from './ProblemList';
import { placeholderOf } from './ParamBindingRow';
import { formatLanguage } from '../../format/format';
import { useContractAction } from '../../forms/use-contract-action';
import { textIn } from '../../i18n/keys';

type Source = 'sample' | 'order' | 'log';

const SAMPLE_NUMBER = sampleOrder(0).number;

/** The header's media parameter is named after its format (`document`) and carries the link. */
const isMediaParam = (param: RenderedParam) => param.component === 'header' && (HEADER_MEDIA_FORMATS as readonly string[]).includes(param.name);

/**
 * "Dry run": the mapping on screen rendered against the sample order, an order of the order book
 * or the order of a message in the log, and checked against the synced template as Meta would.
 * Nothing is sent. `onResult` lets the preview show the same order.
 */
export function DryRunPanel({
  event,
  mapping,
  valid,
  resultKey,
  onResult,
}: {
  event: OrderEvent;
  /** The mapping as the core should render it (language resolved). */
  mapping: TemplateMapping;
  valid: boolean;
  /** Changes when the mapping or the synced templates do: an older result is then hidden. */
  resultKey: string;
  onResult(result: TemplateDryRun | null): void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('order');
  const [orderId, setOrderId] = useState<string | null>(null);
  const [notificationId, setNotificationId] = useState<string | null>(null);
  const [stored, setOutcome] = useState<({ result: TemplateDryRun } | { error: unknown }) & { key: string } | null>(null);
  const outcome = stored?.key === resultKey ? stored : null;

  const target = source === 'order' ? (orderId ? { orderId: Number(orderId) } : null) : source === 'log' ? (notificationId ? { notificationId: Number(notificationId) } : null) : {};

  // The outcome (Meta's answer or the failure) is shown in the panel itself.
  const dryRun = useContractAction('templates.dryRun', {
    quietFailure: true,
    onSuccess: (result) => {
      setOutcome({ result, key: resultKey });
      onResult(result);
    },
    onError: (error) => {
      setOutcome({ error, key: resultKey });
      onResult(null);
    },
  });
  const running = dryRun.busy;
  const run = async () => {
    if (!target) return;
    await dryRun.run({ event, mapping, ...target });
  };

  return (
    <Stack gap="sm" data-testid="dry-run">
      <div>
        <Title order={4} size="h5">
          {t('templates.dryRun.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('templates.dryRun.help')}
        </Text>
      </div>
      <SegmentedControl
        fullWidth
        size="xs"
        value={source}
        onChange={(value) => {
          setSource(value as Source);
          setOutcome(null);
        }}
        data={(['order', 'log', 'sample'] as const).map((value) => ({ value, label: t(`templates.dryRun.source.${value}`) }))}
        data-testid="dry-run-source"
      />
      {source === 'order' && <OrderPicker value={orderId} onChange={setOrderId} />}
      {source === 'log' && <LogPicker event={event} value={notificationId} onChange={setNotificationId} />}
      <Button
        leftSection={<IconPlayerPlay size={16} />}
        onClick={() => void run()}
        loading={running}
        disabled={!target || !valid}
        variant="light"
        data-testid="dry-run-button"
      >
        {t('templates.dryRun.run')}
      </Button>
      {outcome && 'error' in outcome && (
        <Alert color="red" title={t('errors.title')} data-testid="dry-run-error">
          {describeError(outcome.error, t)}
        </Alert>
      )}
      {outcome && 'result' in outcome && <DryRunResult result={outcome.result} />}
    </Stack>
  );
}

function DryRunResult({ result }: { result: TemplateDryRun }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" data-testid="dry-run-result">
      {result.ok ? (
        <Alert color="green" title={t('templates.dryRun.ok')} data-testid="dry-run-ok">
          {t('templates.dryRun.okDetail', { name: result.templateName, language: formatLanguage(result.language, i18n.language), number: result.order?.number ?? SAMPLE_NUMBER })}
        </Alert>
      ) : (
        <Alert color="red" title={t('templates.dryRun.refused')} data-testid="dry-run-refused">
          <ProblemList problems={result.problems} />
        </Alert>
      )}
      {result.warnings.length > 0 && (
        <Alert color="orange" title={t('templates.dryRun.currencyWarning.title', { currency: result.currency })} data-testid="dry-run-warnings">
          <Stack gap={4}>
            {result.warnings.map((w, index) => (
              <Text key={index} size="sm">
                {t(`templates.dryRun.currencyWarning.${w.where}`, { currency: w.currency, name: w.param === null ? '' : placeholderOf(w.param) })}
              </Text>
            ))}
            <Text size="sm">{t('templates.dryRun.currencyWarning.fix')}</Text>
          </Stack>
        </Alert>
      )}
      {result.params.length > 0 && (
        <Table withTableBorder fz="xs" verticalSpacing={4} data-testid="dry-run-values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th colSpan={2}>{t('templates.dryRun.values')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.params.map((param, index) => (
              <Table.Tr key={index}>
                <Table.Td ff="monospace" w="40%">
                  {t(`templates.part.${param.component}`)} {isMediaParam(param) ? textIn(t, 'templates.editor.media', param.name) : placeholderOf(param.name)}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{param.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
