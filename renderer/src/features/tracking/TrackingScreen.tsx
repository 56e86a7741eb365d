import { ActionIcon, Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildTrackingUrl, trackingSettingsSchema, type TrackingSettings } from '../../../../shared/settings/tracking';
import { ScreenState } from '../../app/ScreenState';
import { useSettingsForm } from '../../forms/use-settings-form';
import { useContractQuery } from '../../transport/api-context';
import { ScreenPage } from '../../app/ScreenPage';
import { SaveBar } from '../../forms/SaveBar';

const SAMPLE_CODE = 'QR123456789BR';

export function TrackingScreen() {
  const { state, setData } = useContractQuery('tracking.getSettings', {});
  return <ScreenState state={state}>{(settings) => <TrackingForm settings={settings} onSaved={setData} />}</ScreenState>;
}

function TrackingForm({ settings, onSaved }: { settings: TrackingSettings; onSaved(s: TrackingSettings): void }) {
  const { t } = useTranslation();
  const { form, saving, submit } = useSettingsForm({
    initialValues: settings,
    schema: trackingSettingsSchema,
    method: 'tracking.saveSettings',
    toInput: (values: TrackingSettings) => values,
    onSaved: (saved, f) => {
      onSaved(saved);
      f.resetDirty(saved);
    },
  });

  const carriers = form.values.carriers;
  const addCarrier = () =>
    form.insertListItem('carriers', { id: `c${Date.now().toString(36)}`, name: t('tracking.newCarrier'), pattern: 'https://' });

  return (
    <ScreenPage title={t('tracking.title')} subtitle={t('tracking.subtitle')} maw={1000}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder p="lg" radius="md">
            <TextInput
              label={t('tracking.defaultUrl.label')}
              description={`${t('tracking.defaultUrl.help')}. ${t('tracking.placeholderHint')}`}
              data-testid="field-defaultUrl"
              {...form.getInputProps('defaultUrl')}
            />
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4">
                {t('tracking.carriersTitle')}
              </Title>
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addCarrier} data-testid="add-carrier">
                {t('tracking.add')}
              </Button>
            </Group>
            {typeof form.errors.carriers === 'string' && (
              <Text c="red" size="sm" mb="sm">
                {form.errors.carriers}
              </Text>
            )}
            {carriers.length === 0 ? (
              <Text c="dimmed">{t('tracking.empty')}</Text>
            ) : (
              <Table verticalSpacing="xs" data-testid="carrier-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="25%">{t('tracking.carrier')}</Table.Th>
                    <Table.Th>{t('tracking.pattern')}</Table.Th>
                    <Table.Th w={170}>{t('tracking.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {carriers.map((carrier, index) => {
                    const testUrl = buildTrackingUrl(form.values, carrier.name, SAMPLE_CODE);
                    return (
                      <Table.Tr key={carrier.id} data-testid={`carrier-row-${index}`}>
                        <Table.Td>
                          <TextInput aria-label={t('tracking.carrier')} {...form.getInputProps(`carriers.${index}.name`)} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput aria-label={t('tracking.pattern')} {...form.getInputProps(`carriers.${index}.pattern`)} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon
                              variant="subtle"
                              disabled={index === 0}
                              aria-label={t('tracking.moveUp', { name: carrier.name })}
                              onClick={() => form.reorderListItem('carriers', { from: index, to: index - 1 })}
                            >
                              <IconArrowUp size={16} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              disabled={index === carriers.length - 1}
                              aria-label={t('tracking.moveDown', { name: carrier.name })}
                              onClick={() => form.reorderListItem('carriers', { from: index, to: index + 1 })}
                            >
                              <IconArrowDown size={16} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('tracking.remove', { name: carrier.name })}
                              onClick={() => form.removeListItem('carriers', index)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                            <Anchor
                              href={testUrl}
                              target="_blank"
                              rel="noopener noreferrer"
                              size="sm"
                              title={t('tracking.testHint', { code: SAMPLE_CODE })}
                            >
                              {t('tracking.test')}
                            </Anchor>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <SaveBar saving={saving} testId="save-tracking" />
        </Stack>
      </form>
    </ScreenPage>
  );
}
