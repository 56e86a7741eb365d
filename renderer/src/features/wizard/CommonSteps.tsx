import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorResult, MessageReceipts } from '../../../../shared/contract/methods/doctor';
import { describeError } from '../../forms/contract-form';
import { useApi, useContractEvent } from '../../transport/api-context';
import { DoctorChecks } from '../doctor/DoctorChecks';
import { DoctorPanel } from '../doctor/DoctorScreen';
import type { StepProps } from './MetaSteps';
import { SANDBOX_SAMPLE_PHONE } from './wizard-steps';
import { useContractAction } from '../../forms/use-contract-action';

/** The doctor inside the wizard: runs at once; continuing is allowed whatever it says (the owner may fix later). */
export function DoctorStep({ next }: StepProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<DoctorResult | null>(null);
  return (
    <Stack>
      <Text size="sm">{t('wizard.doctorStep.help')}</Text>
      <DoctorPanel result={result} onResult={setResult} autoRun />
      <Button disabled={result === null} onClick={next} data-testid="wizard-doctor-next">
        {t('wizard.next')}
      </Button>
    </Stack>
  );
}

const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * A test message to the owner's own phone, then its receipts as the webhook records them
 * (`doctor.messageReceipts`, refreshed on every webhook activity and every 2 s).
 */
export function TestMessageStep({ next, sandbox }: StepProps & { sandbox: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [wamid, setWamid] = useState<string | null>(null);
  const [receipts, setReceipts] = useState<MessageReceipts | null>(null);

  const refresh = async () => {
    if (wamid) setReceipts(await api.call('doctor.messageReceipts', { wamid }).catch(() => null));
  };
  useContractEvent('webhook.activity', () => void refresh());
  useEffect(() => {
    if (!wamid) return;
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, [wamid]);

  // The receipts appearing are the feedback; a failure is said in the step.
  const sending = useContractAction('dispatch.sendTest', { quietFailure: true, onError: (_e, message) => setError(message), onSuccess: (sent) => setWamid(sent.messageId) });
  const busy = sending.busy;
  const send = () => {
    setError(null);
    setReceipts(null);
    return sending.run({ phone, event: 'order_placed' });
  };
  const best = (receipts?.statuses ?? []).reduce<{ status: string; errorCode: number | null } | null>(
    (top, s) => (top === null || (RANK[s.status] ?? 0) > (RANK[top.status] ?? 0) ? s : top),
    null,
  );
  const delivered = best?.status === 'delivered' || best?.status === 'read';
  return (
    <Stack>
      <Text size="sm">{t('wizard.test.help')}</Text>
      {sandbox && (
        <Text size="xs" c="dimmed">
          {t('wizard.test.sandboxHint', { phone: SANDBOX_SAMPLE_PHONE })}
        </Text>
      )}
      <Group align="flex-end">
        <TextInput label={t('wizard.test.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} data-testid="wizard-test-phone" style={{ flex: 1 }} />
        <Button loading={busy} disabled={phone.trim() === ''} onClick={() => void send()} data-testid="wizard-test-send">
          {t('wizard.test.send')}
        </Button>
      </Group>
      {error && <Alert color="red" data-testid="wizard-test-error">{error}</Alert>}
      {wamid && !delivered && best?.status !== 'failed' && (
        <Alert color="blue" icon={<Loader size="xs" />} data-testid="wizard-test-waiting">
          {t('wizard.test.sent')}
        </Alert>
      )}
      {delivered && (
        <Alert color="teal" data-testid="wizard-test-delivered">
          {best?.status === 'read' ? t('wizard.test.read') : t('wizard.test.delivered')}
        </Alert>
      )}
      {best?.status === 'failed' && <Alert color="red">{t('wizard.test.failed', { code: best.errorCode ?? '—' })}</Alert>}
      <Button disabled={!delivered} onClick={next} data-testid="wizard-test-next">
        {t('wizard.next')}
      </Button>
    </Stack>
  );
}

/** The last step: whether each enabled event's template would be accepted (the doctor's templates check). */
export function TemplatesStep({ finish }: { finish(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [result, setResult] = useState<DoctorResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('doctor.run', {}).then(setResult, (e: unknown) => setError(describeError(e, t)));
  }, [api, t]);
  const templates = result ? { ...result, checks: result.checks.filter((c) => c.id === 'templates') } : null;
  return (
    <Stack>
      <Text size="sm">{t('wizard.templates.help')}</Text>
      {!result && !error && <Loader size="sm" />}
      {error && <Alert color="red">{error}</Alert>}
      {templates && <DoctorChecks result={templates} onResult={setResult} />}
      <Group justify="space-between">
        <Button variant="default" component="a" href="#/templates" onClick={finish} data-testid="wizard-open-templates">
          {t('wizard.templates.open')}
        </Button>
        <Button onClick={finish} data-testid="wizard-finish">
          {t('wizard.finish')}
        </Button>
      </Group>
    </Stack>
  );
}
