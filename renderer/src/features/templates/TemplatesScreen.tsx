import { Alert, Autocomplete, Paper, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templatesSettingsSchema, type TemplatesSettings } from '../../../../shared/settings/templates';
import { ScreenState } from '../../app/ScreenState';
import { settingsAsIs, useSettingsForm } from '../../forms/use-settings-form';
import { useContractEvent, useContractQuery } from '../../transport/api-context';
import { EventMappingsCard } from './EventMappingsCard';
import { SyncedTemplatesCard } from './SyncedTemplatesCard';
import { ScreenPage } from '../../app/ScreenPage';
import { SaveBar } from '../../forms/SaveBar';

/** Languages a Brazilian shop most often registers templates in, offered before any sync. */
const COMMON_LANGUAGES = ['pt_BR', 'pt_PT', 'en_US', 'en', 'es', 'es_AR', 'es_MX'];

/** "Message Templates": use templates or not, the default language, the synced templates, a mapping per event. */
export function TemplatesScreen() {
  const settings = useContractQuery('templates.getSettings', {});
  return <ScreenState state={settings.state} onRetry={settings.reload}>{(loaded) => <TemplatesForm settings={loaded} onSaved={settings.setData} />}</ScreenState>;
}

function TemplatesForm({ settings, onSaved }: { settings: TemplatesSettings; onSaved(s: TemplatesSettings): void }) {
  const { t } = useTranslation();
  const list = useContractQuery('templates.list', {});
  // Meta changed a template's category (webhook): the table shows it without a manual sync.
  useContractEvent('templates.marketingHoldsChanged', list.reload);
  const toggles = useContractQuery('events.getSettings', {});
  /** Bumped after each sync so the live checks run again against the new templates. */
  const [templatesVersion, setTemplatesVersion] = useState(0);
  const { form, saving, submit } = useSettingsForm({
    initialValues: settings,
    schema: templatesSettingsSchema,
    method: 'templates.saveSettings',
    ...settingsAsIs(onSaved),
  });
  const templates = list.state.status === 'ready' ? list.state.data.templates : [];
  const onSynced = () => {
    // The list (and its `synced` flag) as the core now has it; the table stays until it arrives.
    list.reload();
    setTemplatesVersion((v) => v + 1);
  };
  const languages = [...new Set([...templates.map((tpl) => tpl.language), ...COMMON_LANGUAGES])];

  return (
    <ScreenPage title={t('templates.title')} subtitle={t('templates.subtitle')} maw={1280}>
      <Alert color="blue">{t('templates.intro')}</Alert>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Paper withBorder p="lg" radius="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
              <Switch
                label={t('templates.useTemplates.label')}
                description={`${t('templates.useTemplates.help')}. ${form.values.useTemplates ? t('templates.useTemplates.on') : t('templates.useTemplates.off')}`}
                data-testid="field-useTemplates"
                {...form.getInputProps('useTemplates', { type: 'checkbox' })}
              />
              <Autocomplete
                label={t('templates.defaultLanguage.label')}
                description={t('templates.defaultLanguage.help')}
                data={languages}
                data-testid="field-defaultLanguage"
                {...form.getInputProps('defaultLanguage')}
              />
            </SimpleGrid>
          </Paper>
          <SyncedTemplatesCard state={list.state} onRetry={list.reload} onSynced={onSynced} />
          <EventMappingsCard
            form={form}
            templates={templates}
            templatesVersion={templatesVersion}
            toggles={toggles.state.status === 'ready' ? toggles.state.data : null}
          />
          <SaveBar saving={saving} testId="save-templates" />
        </Stack>
      </form>
    </ScreenPage>
  );
}
