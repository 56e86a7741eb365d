import { Button, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { costRatesSchema, PRICING_CATEGORIES, RATE_REGIONS, type CostRates } from '../../../../shared/settings/costs';
import { ScreenState } from '../../app/ScreenState';
import { MoneyInput } from '../../forms/MoneyInput';
import { useSettingsForm } from '../../forms/use-settings-form';
import { useContractQuery } from '../../transport/api-context';
import { SaveBar } from '../../forms/SaveBar';

/** The form's values: an emptied conversion field reads '' until it is sent as "none" (null). */
type RatesForm = Omit<CostRates, 'brlPerUsd'> & { brlPerUsd: number | '' };

const toForm = (rates: CostRates): RatesForm => ({ ...rates, brlPerUsd: rates.brlPerUsd ?? '' });
const toRates = (values: RatesForm): CostRates => ({ ...values, brlPerUsd: values.brlPerUsd === '' ? null : values.brlPerUsd });

/** The owner's estimated USD rate per message, by country and category, and their BRL conversion rate. */
export function RatesModal({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const rates = useContractQuery('status.getCostRates', {});
  return (
    <Modal opened onClose={onClose} title={t('status.ratesTitle')} size="lg">
      <ScreenState state={rates.state} onRetry={rates.reload}>
        {(loaded) => <RatesFormView rates={loaded} onClose={onClose} onSaved={onSaved} />}
      </ScreenState>
    </Modal>
  );
}

function RatesFormView({ rates, onClose, onSaved }: { rates: CostRates; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm({
    initialValues: toForm(rates),
    schema: costRatesSchema,
    method: 'status.saveCostRates',
    toInput: toRates,
    onSaved: (saved, f) => {
      f.resetDirty(toForm(saved));
      onSaved();
      onClose();
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('pricing.ratesHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {RATE_REGIONS.map((region) => (
            <Stack key={region} gap="xs" data-testid={`rates-${region}`}>
              <Title order={5}>{t(`pricing.region.${region}`)}</Title>
              {PRICING_CATEGORIES.map((category) => (
                // Rates are per message and can be fractions of a cent, hence four decimals.
                <MoneyInput
                  key={category}
                  label={t(`status.category.${category}`)}
                  currency="USD"
                  decimalScale={4}
                  {...form.getInputProps(`rates.${region}.${category}`)}
                />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
        <MoneyInput label={t('pricing.conversion')} description={t('pricing.conversionHelp')} currency="BRL" decimalScale={4} {...form.getInputProps('brlPerUsd')} />
        <SaveBar saving={saving}>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
