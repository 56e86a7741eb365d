import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeError, serverFieldIssues, translateIssue, validateWithSchema } from './contract-form';

interface SettingsFormOptions<Values, Saved> {
  initialValues: Values;
  /** The same zod schema the contract validates with. */
  schema: z.ZodType;
  /** Turns form values into what the schema and the contract expect. */
  toInput?: (values: Values) => unknown;
  save(input: unknown): Promise<Saved>;
  onSaved(saved: Saved, form: UseFormReturnType<Values>): void;
}

/**
 * A form whose validation is the contract's schema and whose submit saves through the contract:
 * field errors from either side appear under the fields, the outcome as a notification in words.
 */
export function useSettingsForm<Values extends Record<string, unknown>, Saved>(options: SettingsFormOptions<Values, Saved>) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const toInput = options.toInput ?? ((values: Values) => values);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: validateWithSchema(options.schema, t, toInput),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const saved = await options.save(toInput(values));
      options.onSaved(saved, form);
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (error) {
      for (const issue of serverFieldIssues(error)) form.setFieldError(issue.path, translateIssue(issue, t));
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    } finally {
      setSaving(false);
    }
  });

  return { form, saving, submit };
}
