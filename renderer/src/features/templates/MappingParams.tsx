import { Divider, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RenderedParam } from '../../../../shared/domain/template-render';
import type { OrderEvent } from '../../../../shared/domain/order-events';
import type { TemplateMapping, TemplatesSettings } from '../../../../shared/settings/templates';
import { ParamBindingRow, placeholderOf } from './ParamBindingRow';
import type { TemplateShape } from './template-shape';

/**
 * The parameter rows of one event's mapping, by part of the message: the header (its media link,
 * or its text parameter), the body, and the dynamic suffix of each URL button.
 */
export function MappingParams({
  form,
  event,
  mapping,
  shape,
  sampleParams,
}: {
  form: UseFormReturnType<TemplatesSettings>;
  event: OrderEvent;
  mapping: TemplateMapping;
  shape: TemplateShape | null;
  /** The sample order's values, from the live check. */
  sampleParams: RenderedParam[];
}) {
  const { t } = useTranslation();
  const base = `events.${event}`;
  const sample = (component: RenderedParam['component'], name: string, index?: number) =>
    sampleParams.find((p) => p.component === component && p.name === name && (index === undefined || p.index === index))?.value;
  const { header, body, buttons } = mapping;
  const headerParams = header.kind === 'text' ? header.params : [];
  const empty = header.kind !== 'media' && headerParams.length === 0 && body.length === 0 && buttons.length === 0;

  if (empty) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-params">
        {t('templates.editor.noParams')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="mapping-params">
      {(header.kind === 'media' || headerParams.length > 0) && <Divider label={t('templates.editor.header')} labelPosition="left" />}
      {header.kind === 'media' && (
        <>
          <TextInput
            label={t('templates.editor.media.link', { format: t(`templates.editor.media.${header.format}`) })}
            description={t('templates.editor.media.linkHelp')}
            placeholder="https://"
            data-testid="param-header-link"
            {...form.getInputProps(`${base}.header.link`)}
          />
          {header.format === 'document' && (
            <TextInput
              label={t('templates.editor.media.filename')}
              description={t('templates.editor.media.filenameHelp')}
              data-testid="param-header-filename"
              {...form.getInputProps(`${base}.header.filename`)}
            />
          )}
        </>
      )}
      {headerParams.map((param, index) => (
        <ParamBindingRow
          key={`h-${param.name}`}
          form={form}
          path={`${base}.header.params.${index}`}
          label={placeholderOf(param.name)}
          binding={param.value}
          sampleValue={sample('header', param.name)}
          testId={`param-header-${param.name}`}
        />
      ))}
      {body.length > 0 && (
        <Divider
          label={`${t('templates.editor.body')} · ${t(shape?.named ? 'templates.editor.named' : 'templates.editor.positional')}`}
          labelPosition="left"
        />
      )}
      {body.map((param, index) => (
        <ParamBindingRow
          key={`b-${param.name}`}
          form={form}
          path={`${base}.body.${index}`}
          label={placeholderOf(param.name)}
          binding={param.value}
          sampleValue={sample('body', param.name)}
          testId={`param-body-${param.name}`}
        />
      ))}
      {buttons.length > 0 && <Divider label={t('templates.editor.buttons')} labelPosition="left" />}
      {buttons.map((button, index) => {
        const meta = shape?.buttons.find((b) => b.index === button.index);
        return (
          <ParamBindingRow
            key={`u-${button.index}`}
            form={form}
            path={`${base}.buttons.${index}.param`}
            label={placeholderOf(button.param.name)}
            description={[meta ? t('templates.editor.button', { text: meta.text }) : null, meta?.url ? t('templates.editor.buttonHelp', { url: meta.url }) : null]
              .filter(Boolean)
              .join(' · ')}
            binding={button.param.value}
            sampleValue={sample('button', button.param.name, button.index)}
            testId={`param-button-${button.index}`}
          />
        );
      })}
    </Stack>
  );
}
