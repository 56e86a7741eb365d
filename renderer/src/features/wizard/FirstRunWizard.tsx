import { Badge, Button, Card, Container, Group, Paper, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconBrandWhatsapp, IconFlask } from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../transport/api-context';
import { DoctorStep, TemplatesStep, TestMessageStep } from './CommonSteps';
import { AppStep, IdsStep, RegisterStep, TokenStep, WebhookStep } from './MetaSteps';
import { StartAtLoginOffer } from './StartAtLoginOffer';
import { STEPS, type WizardPath, type WizardStep } from './wizard-steps';
import { useAction } from '../../forms/use-contract-action';

/**
 * Offers shown on the last step besides finishing ("start Recado at login", desktop app only).
 * Append a component here; each renders itself or nothing.
 */
export const FINAL_STEP_OFFERS: ComponentType[] = [StartAtLoginOffer];

/**
 * The first-run wizard (pt-BR first): "Experimentar primeiro" (Sandbox, the default) or "Conectar
 * meu WhatsApp" (the guide's steps with Meta's links, each field tested as it is pasted, then the
 * number's registration, the webhook and the doctor). Both end with a test message to the owner's
 * own phone, its delivered receipt on screen, and the event templates. Skippable at every step.
 */
export function FirstRunWizard({ onFinish }: { onFinish(outcome: 'completed' | 'skipped'): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const [path, setPath] = useState<WizardPath>('sandbox');
  const [step, setStep] = useState<WizardStep>('choose');
  const [error, setError] = useState<string | null>(null);
  const steps = STEPS[path];
  const index = steps.indexOf(step);
  const next = () => setStep(steps[Math.min(index + 1, steps.length - 1)] ?? 'choose');

  // Each path runs in its own mode: Sandbox mode plays Meta; the Meta path talks to Meta.
  const switchMode = useAction(
    async (chosen: WizardPath) => {
      const status = await api.call('sandbox.status', {});
      if (status.enabled !== (chosen === 'sandbox')) await api.call('sandbox.setMode', { enabled: chosen === 'sandbox' });
    },
    {
      quietFailure: true,
      onError: (_error, message) => setError(message),
      onSuccess: (_done, chosen) => {
        setPath(chosen);
        setStep(STEPS[chosen][1] ?? 'choose');
      },
    },
  );
  const switching = switchMode.busy;
  const choose = (chosen: WizardPath) => {
    setError(null);
    return switchMode.run(chosen);
  };

  return (
    <Container size="md" py="xl" data-testid="wizard" data-step={step}>
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('wizard.title')}
          </Title>
          <Button variant="subtle" onClick={() => void onFinish('skipped')} data-testid="wizard-skip">
            {t('wizard.skip')}
          </Button>
        </Group>
        <Stepper active={index} size="xs" allowNextStepsSelect={false}>
          {steps.map((s) => (
            <Stepper.Step key={s} label={t(`wizard.steps.${s}`)} />
          ))}
        </Stepper>
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Title order={2} size="h3">
              {step === 'choose' ? t('wizard.choose.title') : step === 'doctor' ? t('wizard.doctorStep.title') : t(`wizard.${step}.title`)}
            </Title>
            {step === 'choose' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Card withBorder padding="lg" data-testid="wizard-choose-sandbox">
                  <Stack>
                    <Group gap="xs">
                      <IconFlask size={22} />
                      <Text fw={700}>{t('wizard.choose.sandbox')}</Text>
                      <Badge variant="light">{t('wizard.choose.recommended')}</Badge>
                    </Group>
                    <Text size="sm">{t('wizard.choose.sandboxHelp')}</Text>
                    <Button loading={switching} onClick={() => void choose('sandbox')} data-testid="wizard-path-sandbox">
                      {t('wizard.choose.sandbox')}
                    </Button>
                  </Stack>
                </Card>
                <Card withBorder padding="lg" data-testid="wizard-choose-meta">
                  <Stack>
                    <Group gap="xs">
                      <IconBrandWhatsapp size={22} />
                      <Text fw={700}>{t('wizard.choose.meta')}</Text>
                    </Group>
                    <Text size="sm">{t('wizard.choose.metaHelp')}</Text>
                    <Button variant="light" loading={switching} onClick={() => void choose('meta')} data-testid="wizard-path-meta">
                      {t('wizard.choose.meta')}
                    </Button>
                  </Stack>
                </Card>
              </SimpleGrid>
            )}
            {error && <Text c="red">{error}</Text>}
            {step === 'app' && <AppStep next={next} />}
            {step === 'token' && <TokenStep next={next} />}
            {step === 'ids' && <IdsStep next={next} />}
            {step === 'register' && <RegisterStep next={next} />}
            {step === 'webhook' && <WebhookStep next={next} />}
            {step === 'doctor' && <DoctorStep next={next} />}
            {step === 'test' && <TestMessageStep next={next} sandbox={path === 'sandbox'} />}
            {step === 'templates' && (
              <>
                {FINAL_STEP_OFFERS.map((Offer, i) => (
                  <Offer key={i} />
                ))}
                <TemplatesStep finish={() => void onFinish('completed')} />
              </>
            )}
          </Stack>
        </Paper>
        {step !== 'choose' && (
          <Group>
            <Button variant="default" onClick={() => setStep(steps[Math.max(index - 1, 0)] ?? 'choose')} data-testid="wizard-back">
              {t('wizard.back')}
            </Button>
          </Group>
        )}
      </Stack>
    </Container>
  );
}
