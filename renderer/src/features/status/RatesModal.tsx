import { Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { costRatesSchema, PRICING_CATEGORIES, RATE_REGIONS, type CostRates } from '../../../../shared/settings/costs';
import { describeError, showServerErrors, validateWithSchema } from '../../forms/contract-form';
import { MoneyInput } from '../../forms/MoneyInput';
import { useApi } from '../../transport/api-context';

/** The form's values: an emptied conversion field reads '' until it is sent as "none" (null). */
type RatesForm = Omit<CostRates, 'brlPerUsd'> & { brlPerUsd: number | '' };

const toRates = (values: RatesForm): CostRates => ({ ...values, brlPerUsd: values.brlPerUsd === '' ? null : values.brlPerUsd });

/** The owner's estimated USD rate per message, by country and category, and their BRL conversion rate. */
export function RatesModal({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState(false);
  const form = useForm<RatesForm>({ mode: 'controlled', validate: validateWithSchema(costRatesSchema, t, toRates) });
  useEffect(() => {
    let live = true;
    api.call('status.getCostRates', {}).then(
      (rates) => {
        if (!live) return;
        form.setValues({ ...rates, brlPerUsd: rates.brlPerUsd ?? '' });
        setLoaded(true);
      },
      (error: unknown) => notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) }),
    );
    return () => {
      live = false;
    };
    // Load once when the modal opens.
  }, []);
  const submit = form.onSubmit(async (values) => {
    try {
      await api.call('status.saveCostRates', toRates(values));
      notifications.show({ color: 'green', message: t('common.saved') });
      onSaved();
      onClose();
    } catch (error) {
      showServerErrors(form, error, values, t);
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('status.ratesTitle')} size="lg">
      {loaded && (
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
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
