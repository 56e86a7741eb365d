import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMessageReply } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sandboxMethods } from '../../../../shared/contract/methods/sandbox';
import { validateWithSchema } from '../../forms/contract-form';
import { formatPhone } from '../../../../shared/domain/phone-display';
import { useContractAction } from '../../forms/use-contract-action';
import { PanelHeading } from '../common/PanelHeading';

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
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '', text: 'PARAR' },
    validate: validateWithSchema(sandboxMethods['sandbox.customerReply'].input, t),
  });
  const reply = useContractAction('sandbox.customerReply', {
    form,
    success: (answer) =>
      answer.waId !== null
        ? t('tools.reply.sent', { phone: formatPhone(`+${answer.waId}`) })
        : t('tools.reply.sentWithoutPhone', { username: answer.username ?? answer.userId }),
  });
  const changeUserId = useContractAction('sandbox.changeCustomerUserId', {
    success: (_changed, customer) => t('tools.reply.changedId', { customer: 'username' in customer && customer.username ? customer.username : formatPhone(customer.phone ?? '') }),
  });
  const busy = reply.busy || changeUserId.busy;
  const submit = form.onSubmit((values) => void reply.run({ ...customerOf(values.phone), text: values.text }));
  const changeId = () => {
    if (form.validateField('phone').hasError) return;
    void changeUserId.run(customerOf(form.getValues().phone));
  };
  return (
    <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate data-testid="customer-reply">
      <Stack>
        <PanelHeading title={t('tools.reply.title')} help={t('tools.reply.help')} />
        <Group grow align="flex-start">
          <TextInput label={t('tools.reply.phone')} placeholder="(11) 98765-4321" data-testid="reply-phone" {...form.getInputProps('phone')} />
          <TextInput label={t('tools.reply.text')} data-testid="reply-text" {...form.getInputProps('text')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="subtle" color="grape" onClick={() => void changeId()} disabled={busy} data-testid="reply-change-id">
            {t('tools.reply.changeId')}
          </Button>
          <Button type="submit" variant="light" color="grape" leftSection={<IconMessageReply size={16} />} loading={busy} data-testid="reply-send">
            {t('tools.reply.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
