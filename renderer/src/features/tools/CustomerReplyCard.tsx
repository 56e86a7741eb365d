import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sandboxMethods } from '../../../../shared/contract/methods/sandbox';
import { describeError, showServerErrors, validateWithSchema } from '../../forms/contract-form';
import { useApi } from '../../transport/api-context';
import { formatPhone } from '../../../../shared/domain/phone-display';

/** "@ana" names a customer by WhatsApp username; anything else is a phone. */
function customerOf(value: string): { phone: string } | { username: string } {
  const text = value.trim();
  return text.startsWith('@') ? { username: text } : { phone: text };
}

/**
 * Sandbox mode only: play the customer. Their reply goes from the emulator to Recado's webhook
 * like Meta's would, so the owner sees an opt-out ("PARAR") land on the blacklist before going live.
 */
export function CustomerReplyCard() {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '', text: 'PARAR' },
    validate: validateWithSchema(sandboxMethods['sandbox.customerReply'].input, t),
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const reply = await api.call('sandbox.customerReply', { ...customerOf(values.phone), text: values.text });
      notifications.show({
        color: 'green',
        message:
          reply.waId !== null
            ? t('toolsScreen.reply.sent', { phone: formatPhone(`+${reply.waId}`) })
            : t('toolsScreen.reply.sentWithoutPhone', { username: reply.username ?? reply.userId }),
      });
    } catch (error) {
      showServerErrors(form, error, values, t);
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  });
  const changeId = async () => {
    const validation = form.validateField('phone');
    if (validation.hasError) return;
    setBusy(true);
    try {
      await api.call('sandbox.changeCustomerUserId', customerOf(form.getValues().phone));
      notifications.show({ color: 'green', message: t('toolsScreen.reply.changedId', { customer: form.getValues().phone.trim() }) });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate data-testid="customer-reply">
      <Stack>
        <Title order={3} size="h4">
          {t('toolsScreen.reply.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('toolsScreen.reply.help')}
        </Text>
        <Group grow align="flex-start">
          <TextInput label={t('toolsScreen.reply.phone')} placeholder="(11) 98765-4321" data-testid="reply-phone" {...form.getInputProps('phone')} />
          <TextInput label={t('toolsScreen.reply.text')} data-testid="reply-text" {...form.getInputProps('text')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="subtle" color="grape" onClick={() => void changeId()} disabled={busy} data-testid="reply-change-id">
            {t('toolsScreen.reply.changeId')}
          </Button>
          <Button type="submit" variant="light" color="grape" leftSection={<IconMessageReply size={16} />} loading={busy} data-testid="reply-send">
            {t('toolsScreen.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
