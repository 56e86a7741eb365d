import { Alert, Badge, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDryRun, TemplateSummary } from '../../../../shared/contract/methods/templates';
import type { OrderEvent } from '../../../../shared/domain/order-events';
import { templateMappingSchema, type TemplateMapping, type TemplatesSettings } from '../../../../shared/settings/templates';
import { DryRunPanel } from './DryRunPanel';
import { MappingParams } from './MappingParams';
import { fitMapping, mappingFitsShape } from './mapping-fit';
import { PreviewPanel } from './PreviewPanel';
import { ProblemList } from './ProblemList';
import { TemplateStatusBadge } from './TemplateStatusBadge';
import { findSynced, templateShape } from './template-shape';
import { mappingKey, resolvedMapping, type LiveCheck } from './use-live-checks';
import { formatLanguage } from '../../format/format';
import { textIn } from '../../i18n/keys';

const DEFAULT_LANGUAGE = '__default__';
const NO_TEMPLATE = '__none__';

/**
 * One event's template: language and template (only the synced templates of that language), a
 * row per parameter, the plain text; beside them the WhatsApp preview and the dry run.
 */
export function EventMappingEditor({
  form,
  event,
  templates,
  check,
  eventOn,
  templatesVersion,
}: {
  form: UseFormReturnType<TemplatesSettings>;
  event: OrderEvent;
  templates: TemplateSummary[];
  check: LiveCheck;
  eventOn: boolean | undefined;
  templatesVersion: number;
}) {
  const { t, i18n } = useTranslation();
  const [dryRun, setDryRun] = useState<{ key: string; result: TemplateDryRun } | null>(null);
  const mapping = form.values.events[event];
  const defaultLanguage = form.values.defaultLanguage;
  const language = mapping.language || defaultLanguage;
  const synced = findSynced(templates, mapping.templateName, language);
  const shape = synced?.components ? templateShape(synced) : null;
  const resolved = resolvedMapping(mapping, defaultLanguage);
  const key = `${templatesVersion}|${mappingKey(resolved)}`;
  const path = `events.${event}`;

  const setMapping = (next: TemplateMapping) => form.setFieldValue(path, next);
  /** A newly chosen template brings its own rows and text; same-named bindings are kept. */
  const choose = (name: string, lang: string) => {
    const template = findSynced(templates, name, lang || defaultLanguage);
    const next = { ...mapping, templateName: name, language: lang };
    setMapping(template?.components ? fitMapping(next, templateShape(template), { previewText: true }) : next);
  };

  const languages = [...new Set([...templates.map((tpl) => tpl.language), ...(mapping.language ? [mapping.language] : [])])].sort();
  const inLanguage = templates.filter((tpl) => tpl.language === language);
  const templateOptions = [
    { value: NO_TEMPLATE, label: t('templates.editor.template.none') },
    ...inLanguage.map((tpl) => ({ value: tpl.name, label: tpl.name })),
    ...(mapping.templateName && !synced ? [{ value: mapping.templateName, label: t('templates.editor.template.notSynced', { name: mapping.templateName }) }] : []),
  ];
  const statusOf = new Map(inLanguage.map((tpl) => [tpl.name, tpl.status]));
  const refused = check.state === 'ready' && !check.result.ok ? check.result.problems : null;

  return (
    <Grid gap="lg" data-testid={`mapping-${event}`}>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={4}>{t(`events.items.${event}.label`)}</Title>
              {synced && <TemplateStatusBadge status={synced.status} reason={synced.statusReason} testId="mapping-status" />}
            </Group>
            {eventOn !== undefined && (
              <Badge color={eventOn ? 'teal' : 'gray'} variant="dot" data-testid="event-state">
                {t(eventOn ? 'templates.events.on' : 'templates.events.off')}
              </Badge>
            )}
          </Group>
          {refused && (
            <Alert color={eventOn ? 'red' : 'yellow'} title={eventOn ? t('templates.events.refused') : t('templates.dryRun.refused')} data-testid="mapping-refused">
              <ProblemList problems={refused} />
            </Alert>
          )}
          <Group grow align="flex-start">
            <Select
              label={t('templates.editor.language.label')}
              description={t('templates.editor.language.help')}
              data={[
                { value: DEFAULT_LANGUAGE, label: t('templates.editor.language.default', { language: formatLanguage(defaultLanguage, i18n.language) }) },
                ...languages.map((code) => ({ value: code, label: formatLanguage(code, i18n.language) })),
              ]}
              value={mapping.language || DEFAULT_LANGUAGE}
              onChange={(value) => choose(mapping.templateName, value && value !== DEFAULT_LANGUAGE ? value : '')}
              allowDeselect={false}
              error={form.errors[`${path}.language`]}
              data-testid="mapping-language"
            />
            <Select
              label={t('templates.editor.template.label')}
              description={t('templates.editor.template.help')}
              data={templateOptions}
              value={mapping.templateName || NO_TEMPLATE}
              onChange={(value) => choose(value && value !== NO_TEMPLATE ? value : '', mapping.language)}
              allowDeselect={false}
              searchable
              nothingFoundMessage={t('templates.editor.template.nothingFound')}
              renderOption={({ option }) => (
                <Group justify="space-between" wrap="nowrap" w="100%">
                  <Text size="sm" ff={option.value === NO_TEMPLATE ? undefined : 'monospace'}>
                    {option.label}
                  </Text>
                  {statusOf.has(option.value) && <TemplateStatusBadge status={statusOf.get(option.value)!} />}
                </Group>
              )}
              error={form.errors[`${path}.templateName`]}
              data-testid="mapping-template"
            />
          </Group>
          {mapping.templateName && !synced && (
            <Alert color="yellow" data-testid="mapping-not-synced">
              {t('templates.editor.notSynced', { name: mapping.templateName, language: formatLanguage(language, i18n.language) })}
            </Alert>
          )}
          {shape?.header.kind === 'unsupported' && (
            <Alert color="red">{t('templates.editor.unsupportedHeader', { format: textIn(t, 'templates.format', shape.header.format) ?? shape.header.format })}</Alert>
          )}
          {shape && shape.header.kind !== 'unsupported' && !mappingFitsShape(mapping, shape) && (
            <Alert color="orange" data-testid="mapping-mismatch">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('templates.editor.mismatch', { name: mapping.templateName })}</Text>
                <Button size="xs" variant="white" color="orange" leftSection={<IconAdjustments size={14} />} onClick={() => setMapping(fitMapping(mapping, shape, { previewText: false }))} data-testid="mapping-fit">
                  {t('templates.editor.fit')}
                </Button>
              </Stack>
            </Alert>
          )}
          <MappingParams form={form} event={event} mapping={mapping} shape={shape} sampleParams={check.state === 'ready' ? check.result.params : []} />
          <Textarea
            label={t('templates.editor.previewText.label')}
            description={t('templates.editor.previewText.help')}
            autosize
            minRows={3}
            maxRows={12}
            data-testid="mapping-preview-text"
            {...form.getInputProps(`${path}.previewText`)}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Title order={4} size="h5">
              {t('templates.preview.title')}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('templates.preview.help')}
            </Text>
            <PreviewPanel check={check} dryRun={dryRun?.key === key ? dryRun.result : null} templates={templates} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <DryRunPanel
              event={event}
              mapping={resolved}
              valid={templateMappingSchema.safeParse(resolved).success}
              resultKey={key}
              onResult={(result) => setDryRun(result ? { key, result } : null)}
            />
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
