import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import { useApi } from '../transport/api-context';
import { validateWithSchema } from './contract-form';
import { useAction } from './use-contract-action';
import { useUnsavedChanges } from './unsaved-changes';

interface SettingsFormOptions<Values, M extends MethodName> {
  initialValues: Values;
  /** The same zod schema the contract validates with. */
  schema: z.ZodType;
  /** The contract method that saves (`dispatch.saveSettings`); its input type checks `toInput`. */
  method: M;
  /** Turns form values into what the schema and the contract expect. */
  toInput(values: Values): InputOf<M>;
  /** After a save: usually hand `saved` to the screen and `form.resetDirty(...)` so the form is clean again. */
  onSaved(saved: OutputOf<M>, form: UseFormReturnType<Values>): void;
}

/**
 * A form whose validation is the contract's schema and whose submit saves through the contract:
 * field errors from either side appear at the fields (a list item's at its list), the outcome as a
 * notification in words, and leaving the screen with unsaved edits asks first.
 */
export function useSettingsForm<Values extends Record<string, unknown>, M extends MethodName>(options: SettingsFormOptions<Values, M>) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: validateWithSchema(options.schema, t, options.toInput),
    validateInputOnBlur: true,
  });
  const action = useAction((values: Values) => api.call(options.method, options.toInput(values)), {
    form,
    success: t('common.saved'),
    onSuccess: (saved) => options.onSaved(saved, form),
  });

  /** Saves the values as they are; true when saved. */
  const save = async (values: Values): Promise<boolean> => (await action.run(values)) !== undefined;

  const invalid = () => notifications.show({ color: 'red', title: t('errors.title'), message: t('errors.validation') });
  const submit = form.onSubmit((values) => void save(values), invalid);

  useUnsavedChanges({
    isDirty: () => form.isDirty(),
    save: async () => {
      if (form.validate().hasErrors) {
        invalid();
        return false;
      }
      return save(form.getValues());
    },
  });

  return { form, saving: action.busy, submit };
}

/**
 * `toInput` and `onSaved` for a form whose values are the settings the method saves, as they are:
 * they go to the contract unchanged and, after a save, the form shows what the core saved (clean)
 * and `onSaved` hands it to the screen.
 */
export function settingsAsIs<V extends Record<string, unknown>>(onSaved: (saved: V) => void) {
  return {
    toInput: (values: V) => values,
    onSaved: (saved: V, form: UseFormReturnType<V>) => {
      onSaved(saved);
      form.setValues(saved);
      form.resetDirty(saved);
    },
  };
}
