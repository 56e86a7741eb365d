import { Alert, Anchor, Button, List, PasswordInput, PinInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveCredentialsInput } from '../../../../shared/settings/credentials';
import { serverFieldIssues, translateIssue } from '../../forms/contract-form';
import { formatDateTime } from '../../format/format';
import type { ApiClient } from '../../../../shared/contract/client';
import { useApi } from '../../transport/api-context';
import { META_LINKS } from './wizard-steps';
import { useAction } from '../../forms/use-contract-action';

export interface StepProps {
  next(): void;
}

/** Saves some credential fields, keeping the others as stored. */
async function saveCredentials(api: ApiClient, change: Partial<SaveCredentialsInput>) {
  const { phoneNumberId, appId, businessAccountId, apiVersion } = await api.call('credentials.get', {});
  return api.call('credentials.save', { phoneNumberId, appId, businessAccountId, apiVersion, ...change });
}

/** Runs a step's save-and-test; field errors go under their fields, the rest in `error`. */
function useStepAction() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // The wizard says a failure in the step itself: under the fields, or as the step's error.
  const action = useAction((step: () => Promise<void>) => step(), {
    quietFailure: true,
    onError: (e, message) => {
      const issues = serverFieldIssues(e);
      if (issues.length > 0) setFieldErrors(Object.fromEntries(issues.map((i) => [i.path, translateIssue(i, t)])));
      else setError(message);
    },
  });
  const run = (step: () => Promise<void>) => {
    setError(null);
    setFieldErrors({});
    return action.run(step);
  };
  return { busy: action.busy, error, setError, fieldErrors, run };
}

function Instructions({ items, link }: { items: string[]; link?: { href: string; label: string } }) {
  return (
    <Stack gap="xs">
      <List type="ordered" size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      {link && (
        <Anchor href={link.href} target="_blank" rel="noreferrer" size="sm">
          {link.label}
        </Anchor>
      )}
    </Stack>
  );
}

function Outcome({ error, ok }: { error: string | null; ok?: ReactNode }) {
  if (error) return <Alert color="red" data-testid="wizard-step-error">{error}</Alert>;
  return ok ? <Alert color="teal" data-testid="wizard-step-ok">{ok}</Alert> : null;
}

/** A step that is tested before going on: its outcome, "Testar", and "Próximo" once the test passed (`ok`). */
function TestThenNext({ name, step, ok, onTest, next }: { name: string; step: { busy: boolean; error: string | null }; ok: ReactNode; onTest(): void; next(): void }) {
  const { t } = useTranslation();
  return (
    <>
      <Outcome error={step.error} ok={ok} />
      <Button variant="light" loading={step.busy} onClick={onTest} data-testid={`wizard-${name}-test`}>
        {t('credentials.test.button')}
      </Button>
      <Button disabled={ok === null} onClick={next} data-testid={`wizard-${name}-next`}>
        {t('wizard.next')}
      </Button>
    </>
  );
}

export function AppStep({ next }: StepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [appId, setAppId] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const step = useStepAction();
  return (
    <Stack>
      <Instructions items={[t('wizard.app.step1'), t('wizard.app.step2'), t('wizard.app.step3')]} link={{ href: META_LINKS.apps, label: t('wizard.app.openApps') }} />
      <TextInput label={t('wizard.app.appId')} value={appId} onChange={(e) => setAppId(e.currentTarget.value)} error={step.fieldErrors.appId} data-testid="wizard-app-id" />
      <PasswordInput label={t('wizard.app.appSecret')} value={appSecret} onChange={(e) => setAppSecret(e.currentTarget.value)} error={step.fieldErrors.appSecret} data-testid="wizard-app-secret" />
      <Outcome error={step.error} />
      <Button loading={step.busy} onClick={() => void step.run(async () => {
        await saveCredentials(api, { appId, appSecret });
        next();
      })} data-testid="wizard-app-save">
        {t('wizard.next')}
      </Button>
    </Stack>
  );
}

export function TokenStep({ next }: StepProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [token, setToken] = useState('');
  const [ok, setOk] = useState<string | null>(null);
  const step = useStepAction();
  const test = () =>
    step.run(async () => {
      setOk(null);
      await saveCredentials(api, { accessToken: token });
      const check = await api.call('credentials.test', {});
      const kind = check.token;
      if (kind.problem) step.setError(t(`meta.problem.${kind.problem.problem}`));
      else if (kind.kind === 'invalid') step.setError(t('wizard.token.invalid'));
      else if (kind.missingScopes.length > 0) step.setError(t('wizard.token.missingScopes', { scopes: kind.missingScopes.join(', ') }));
      else if (kind.kind === 'temporary') setOk(t('wizard.token.temporary', { date: kind.expiresAt ? formatDateTime(kind.expiresAt, i18n.language) : '—' }));
      else if (kind.kind === 'permanent') setOk(t('wizard.token.permanent'));
      else step.setError(t('wizard.token.invalid'));
    });
  return (
    <Stack>
      <Instructions items={[t('wizard.token.step1'), t('wizard.token.step2')]} link={{ href: META_LINKS.permanentToken, label: t('wizard.token.openGuide') }} />
      <PasswordInput label={t('wizard.token.label')} value={token} onChange={(e) => setToken(e.currentTarget.value)} error={step.fieldErrors.accessToken} data-testid="wizard-token" />
      <TestThenNext name="token" step={step} ok={ok} onTest={() => void test()} next={next} />
    </Stack>
  );
}

export function IdsStep({ next }: StepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [phoneNumberId, setPhone] = useState('');
  const [businessAccountId, setWaba] = useState('');
  const [ok, setOk] = useState<string | null>(null);
  const step = useStepAction();
  const test = () =>
    step.run(async () => {
      setOk(null);
      await saveCredentials(api, { phoneNumberId, businessAccountId });
      const check = await api.call('credentials.test', {});
      if (check.api.problem) step.setError(t(`meta.problem.${check.api.problem.problem}`));
      else setOk(t('wizard.ids.ok', { number: check.api.displayPhoneNumber ?? phoneNumberId }));
    });
  return (
    <Stack>
      <Text size="sm">{t('wizard.ids.help')}</Text>
      <TextInput label={t('wizard.ids.phoneNumberId')} value={phoneNumberId} onChange={(e) => setPhone(e.currentTarget.value)} error={step.fieldErrors.phoneNumberId} data-testid="wizard-phone-id" />
      <TextInput label={t('wizard.ids.businessAccountId')} value={businessAccountId} onChange={(e) => setWaba(e.currentTarget.value)} error={step.fieldErrors.businessAccountId} data-testid="wizard-waba-id" />
      <TestThenNext name="ids" step={step} ok={ok} onTest={() => void test()} next={next} />
    </Stack>
  );
}

/** Registers the number when the doctor's phone check says it is not (the guide's step 8). */
export function RegisterStep({ next }: StepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [pin, setPin] = useState('');
  const step = useStepAction();
  const phoneCheck = async () => (await api.call('doctor.run', {})).checks.find((c) => c.id === 'phone');
  useEffect(() => {
    void step.run(async () => setNeeded((await phoneCheck())?.reason === 'not_registered'));
    // Once, when the step opens.
  }, []);
  return (
    <Stack>
      {needed === false && <Alert color="teal" data-testid="wizard-registered">{t('wizard.register.done')}</Alert>}
      {needed && (
        <>
          <Text size="sm">{t('wizard.register.needed')}</Text>
          <Text size="xs" c="dimmed">
            {t('doctor.pinHelp')}
          </Text>
          <PinInput length={6} type="number" value={pin} onChange={setPin} aria-label={t('doctor.pinLabel')} data-testid="wizard-pin" />
          <Button loading={step.busy} disabled={pin.length !== 6} onClick={() => void step.run(async () => {
            const result = await api.call('doctor.fix', { fix: 'registerPhone', pin });
            setNeeded(result.checks.find((c) => c.id === 'phone')?.reason === 'not_registered');
          })} data-testid="wizard-register">
            {t('wizard.register.button')}
          </Button>
        </>
      )}
      <Outcome error={step.error} />
      <Button disabled={needed !== false} onClick={next} data-testid="wizard-register-next">
        {t('wizard.next')}
      </Button>
    </Stack>
  );
}

export function WebhookStep({ next }: StepProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [mode, setMode] = useState<'localtunnel' | 'publicUrl'>('localtunnel');
  const [publicUrl, setPublicUrl] = useState('');
  const step = useStepAction();
  const apply = () =>
    step.run(async () => {
      const current = await api.call('tunnel.getSettings', {});
      await api.call('tunnel.saveSettings', { ...current, mode, publicUrl: mode === 'publicUrl' ? publicUrl : current.publicUrl });
      next();
    });
  return (
    <Stack>
      <Text size="sm">{t('wizard.webhook.help')}</Text>
      <Radio.Group value={mode} onChange={(v) => setMode(v === 'publicUrl' ? 'publicUrl' : 'localtunnel')}>
        <Stack gap="xs">
          <Radio value="localtunnel" label={t('wizard.webhook.tunnel')} data-testid="wizard-webhook-tunnel" />
          <Radio value="publicUrl" label={t('wizard.webhook.ownUrl')} data-testid="wizard-webhook-own" />
        </Stack>
      </Radio.Group>
      {mode === 'publicUrl' && (
        <TextInput label={t('wizard.webhook.ownUrlLabel')} placeholder="https://" value={publicUrl} onChange={(e) => setPublicUrl(e.currentTarget.value)} error={step.fieldErrors.publicUrl} />
      )}
      <Outcome error={step.error} />
      <Button loading={step.busy} onClick={() => void apply()} data-testid="wizard-webhook-apply">
        {t('wizard.webhook.apply')}
      </Button>
    </Stack>
  );
}
