import { Alert, Button, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendTestResult } from '../../../../shared/contract/methods/dispatch';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { CallError } from '../../../../shared/contract/client';
import { useApi } from '../../transport/api-context';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { useAction } from '../../forms/use-contract-action';
import { PanelHeading } from '../common/PanelHeading';

interface Values {
  phone: string;
  kind: 'template' | 'text';
  event: OrderEvent;
  text: string;
}

/** Meta's own words from a refused send (`details` of a `meta_error`), for under our sentence. */
function metaWords(error: unknown): string | null {
  if (!(error instanceof CallError) || error.error.code !== 'meta_error') return null;
  const d = (error.error.details ?? {}) as { code?: number; title?: string; details?: string };
  const words = [d.code !== undefined ? `#${d.code}` : null, d.title, d.details].filter(Boolean).join(' — ');
  return words || null;
}

/**
 * "Send a test message": one message now, outside the queue (`dispatch.sendTest`), the event's
 * template filled with a sample order or a free text. Shows Meta's message id, or why it failed.
 */
export function SendTestCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [result, setResult] = useState<{ ok: true; value: SendTestResult } | { ok: false; message: string; meta: string | null } | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { phone: '', kind: 'template', event: 'order_placed', text: '' },
    validate: {
      phone: (v) => (v.trim() === '' ? t('validation.phone.empty') : null),
      text: (v, values) => (values.kind === 'text' && v.trim() === '' ? t('validation.required') : null),
    },
  });

  // The field errors are the form's values' (the text or the event the owner picked), so the form is handed its values.
  const send = useAction((values: Values) => api.call('dispatch.sendTest', values.kind === 'text' ? { phone: values.phone, text: values.text } : { phone: values.phone, event: values.event }), {
    form,
    failureTitle: t('tools.sendTest.failed'),
    onSuccess: (value) => setResult({ ok: true, value }),
    onError: (error, message) => setResult({ ok: false, message, meta: metaWords(error) }),
    success: (value) => ({ color: 'green', title: t('tools.sendTest.sent'), message: t('tools.sendTest.sentTo', { to: formatPhone(value.to), id: value.messageId }) }),
  });
  const sending = send.busy;
  const submit = form.onSubmit((values) => {
    setResult(null);
    void send.run(values);
  });

  return (
    <Paper withBorder p="lg" radius="md" data-testid="send-test">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PanelHeading title={t('tools.sendTest.title')} help={t('tools.sendTest.help')} />
          <TextInput label={t('tools.sendTest.phone')} placeholder={t('tools.sendTest.phonePlaceholder')} data-testid="send-test-phone" {...form.getInputProps('phone')} />
          <SegmentedControl
            data={[
              { value: 'template', label: t('tools.sendTest.kind.template') },
              { value: 'text', label: t('tools.sendTest.kind.text') },
            ]}
            data-testid="send-test-kind"
            {...form.getInputProps('kind')}
          />
          {form.values.kind === 'template' ? (
            <Select
              label={t('tools.sendTest.event')}
              description={t('tools.sendTest.eventHint')}
              data={ORDER_EVENTS.map((e) => ({ value: e, label: t(`events.items.${e}.label`) }))}
              allowDeselect={false}
              data-testid="send-test-event"
              {...form.getInputProps('event')}
            />
          ) : (
            <Textarea
              label={t('tools.sendTest.text')}
              description={t('tools.sendTest.textHint')}
              placeholder={t('tools.sendTest.textPlaceholder')}
              autosize
              minRows={2}
              maxLength={4096}
              data-testid="send-test-text"
              {...form.getInputProps('text')}
            />
          )}
          <Button type="submit" leftSection={<IconSend size={16} />} loading={sending} data-testid="send-test-button">
            {t('tools.sendTest.send')}
          </Button>
          {result?.ok === true && (
            <Alert color="green" title={t('tools.sendTest.sent')} data-testid="send-test-result">
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {t('tools.sendTest.sentTo', { to: formatPhone(result.value.to), id: result.value.messageId })}
              </Text>
            </Alert>
          )}
          {result?.ok === false && (
            <Alert color="red" title={t('tools.sendTest.failed')} data-testid="send-test-result">
              <Text size="sm">{result.message}</Text>
              {result.meta && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('meta.said', { text: result.meta })}
                </Text>
              )}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
