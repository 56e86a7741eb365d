import { Alert, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BATCH_SIZE, dispatchSettingsSchema, LOOKBACK_DAYS, POLLING_INTERVAL, SEND_DELAY, type DispatchSettings } from '../../../../shared/settings/dispatch';
import { ScreenState } from '../../app/ScreenState';
import { useSettingsForm } from '../../forms/use-settings-form';
import { WholeNumberInput } from '../../forms/WholeNumberInput';
import { useContractQuery } from '../../transport/api-context';
import { ScreenPage } from '../../app/ScreenPage';
import { SaveBar } from '../../forms/SaveBar';

type NumberField = 'pollingIntervalSeconds' | 'minDelaySeconds' | 'maxDelaySeconds' | 'maxPerBatch' | 'lookbackDays';
type FormValues = Omit<DispatchSettings, NumberField> & Record<NumberField, number | string>;

const RANGES: Record<NumberField, { min: number; max: number }> = {
  pollingIntervalSeconds: POLLING_INTERVAL,
  minDelaySeconds: SEND_DELAY,
  maxDelaySeconds: SEND_DELAY,
  maxPerBatch: BATCH_SIZE,
  lookbackDays: LOOKBACK_DAYS,
};

/** NumberInput gives text for an empty or unfinished field; NaN makes the schema say "enter a number" there. */
const asNumber = (value: number | string): number => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));
const toSettings = (values: FormValues): DispatchSettings => ({
  ...values,
  pollingIntervalSeconds: asNumber(values.pollingIntervalSeconds),
  minDelaySeconds: asNumber(values.minDelaySeconds),
  maxDelaySeconds: asNumber(values.maxDelaySeconds),
  maxPerBatch: asNumber(values.maxPerBatch),
  lookbackDays: asNumber(values.lookbackDays),
});

export function DispatchSettingsScreen() {
  const { state, setData } = useContractQuery('dispatch.getSettings', {});
  return <ScreenState state={state}>{(settings) => <DispatchForm settings={settings} onSaved={setData} />}</ScreenState>;
}

function DispatchForm({ settings, onSaved }: { settings: DispatchSettings; onSaved(s: DispatchSettings): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm<FormValues, 'dispatch.saveSettings'>({
    initialValues: settings,
    schema: dispatchSettingsSchema,
    method: 'dispatch.saveSettings',
    toInput: toSettings,
    onSaved: (saved, f) => {
      onSaved(saved);
      f.resetDirty(saved);
    },
  });

  const numberField = (name: NumberField, extra?: string) => (
    <WholeNumberInput
      label={t(`dispatch.fields.${name}.label`)}
      description={extra ? `${t(`dispatch.fields.${name}.help`)}. ${extra}` : t(`dispatch.fields.${name}.help`)}
      min={RANGES[name].min}
      max={RANGES[name].max}
      data-testid={`field-${name}`}
      {...form.getInputProps(name)}
    />
  );

  return (
    <ScreenPage title={t('dispatch.title')} subtitle={t('dispatch.subtitle')} maw={860}>
      <Alert color="yellow">{t('dispatch.warning')}</Alert>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            {numberField('pollingIntervalSeconds', t('dispatch.fields.pollingIntervalSeconds.hint'))}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {numberField('minDelaySeconds')}
              {numberField('maxDelaySeconds')}
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt={-8}>
              {t('dispatch.fields.delayHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {numberField('maxPerBatch')}
              {numberField('lookbackDays')}
            </SimpleGrid>
            <Switch
              label={t('dispatch.fields.enabled.label')}
              description={form.values.enabled ? t('dispatch.active') : t('dispatch.paused')}
              data-testid="field-enabled"
              {...form.getInputProps('enabled', { type: 'checkbox' })}
            />
            <SaveBar saving={saving} testId="save-dispatch" />
          </Stack>
        </form>
      </Paper>
    </ScreenPage>
  );
}
