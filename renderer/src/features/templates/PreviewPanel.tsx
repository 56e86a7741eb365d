import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplatePreview, TemplateSummary } from '../../../../shared/contract/methods/templates';
import { sampleOrder } from '../../../../shared/domain/template-render';
import { describeError } from '../../forms/contract-form';
import { bubbleContent } from './bubble-content';
import { findSynced, templateShape } from './template-shape';
import type { LiveCheck } from './use-live-checks';
import { WhatsAppBubble } from './WhatsAppBubble';

const SAMPLE = sampleOrder(0);

/**
 * "Preview — how the message appears in WhatsApp": the bubble filled with the sample order, or
 * with the order of the last dry run while the mapping is the one that was run.
 */
export function PreviewPanel({ check, dryRun, templates }: { check: LiveCheck; dryRun: TemplatePreview | null; templates: TemplateSummary[] }) {
  const { t, i18n } = useTranslation();
  if (check.state === 'loading' && !dryRun) {
    return (
      <Center h={160}>
        <Loader size="sm" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (check.state === 'invalid') return <Alert color="yellow">{t('templates.preview.invalid')}</Alert>;
  if (check.state === 'error') return <Alert color="red" title={t('templates.preview.failed')}>{describeError(check.error, t)}</Alert>;
  const preview = dryRun ?? (check.state === 'ready' ? check.result : null);
  if (!preview) return null;

  const synced = findSynced(templates, preview.templateName, preview.language);
  const shape = synced?.components ? templateShape(synced) : null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(Date.now());
  const order = preview.order;
  return (
    <Stack gap="xs" data-testid="template-preview">
      <Text size="xs" c="dimmed" data-testid="preview-order">
        {order
          ? t('templates.preview.order', { number: order.number, customer: order.customerName })
          : t('templates.preview.sample', { number: SAMPLE.number, customer: SAMPLE.customerName })}
      </Text>
      <WhatsAppBubble content={bubbleContent(preview, shape)} time={time} />
      {!shape && (
        <Text size="xs" c="dimmed">
          {t('templates.preview.plainText')}
        </Text>
      )}
      {preview.emptyParams.length > 0 && (
        <Alert color="yellow" p="xs" data-testid="empty-params">
          {t('templates.preview.emptyParams', { params: preview.emptyParams.join(', ') })}
        </Alert>
      )}
    </Stack>
  );
}
