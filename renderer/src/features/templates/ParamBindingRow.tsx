import { Badge, Grid, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ORDER_FIELDS, type Binding, type OrderField, type TemplatesSettings } from '../../../../shared/settings/templates';

const FIXED_TEXT = '__text__';

/** How a parameter is written on screen: `{{1}}` or `{{first_name}}`, as in Meta's editor. */
export const placeholderOf = (name: string) => `{{${name}}}`;

/**
 * One template parameter and what fills it: an order field, or a fixed text typed here. `path`
 * is the parameter's place in the form (`events.order_placed.body.0`).
 */
export function ParamBindingRow({
  form,
  path,
  label,
  description,
  binding,
  sampleValue,
  testId,
}: {
  form: UseFormReturnType<TemplatesSettings>;
  path: string;
  label: string;
  description?: string;
  binding: Binding;
  sampleValue: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const data = [
    { group: t('templates.editor.orderFields'), items: ORDER_FIELDS.map((field) => ({ value: field, label: t(`templates.fields.${field}`) })) },
    { group: t('templates.editor.other'), items: [{ value: FIXED_TEXT, label: t('templates.editor.fixedText') }] },
  ];
  const choose = (value: string | null) => {
    if (!value) return;
    const next: Binding = value === FIXED_TEXT ? { kind: 'text', text: binding.kind === 'text' ? binding.text : '' } : { kind: 'field', field: value as OrderField };
    form.setFieldValue(`${path}.value`, next);
  };
  return (
    <Grid align="flex-start" gap="xs" data-testid={testId}>
      <Grid.Col span={{ base: 12, sm: 3 }} pt={{ base: 0, sm: 30 }}>
        <Badge variant="outline" size="lg" radius="sm" tt="none" ff="monospace">
          {label}
        </Badge>
        {description && (
          <Text size="xs" c="dimmed" mt={4}>
            {description}
          </Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: binding.kind === 'text' ? 4 : 9 }}>
        <Select
          label={t('templates.editor.value', { param: label })}
          data={data}
          value={binding.kind === 'field' ? binding.field : FIXED_TEXT}
          onChange={choose}
          allowDeselect={false}
          searchable
          description={sampleValue !== undefined && binding.kind === 'field' ? t('templates.editor.sampleValue', { value: sampleValue }) : undefined}
          error={form.errors[`${path}.name`]}
          data-testid={`${testId}-source`}
        />
      </Grid.Col>
      {binding.kind === 'text' && (
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput
            label={t('templates.editor.fixedTextLabel', { param: label })}
            placeholder={t('templates.editor.fixedTextPlaceholder')}
            data-testid={`${testId}-text`}
            {...form.getInputProps(`${path}.value.text`)}
          />
        </Grid.Col>
      )}
    </Grid>
  );
}
