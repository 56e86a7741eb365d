import { Group, SegmentedControl, Select, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ColorScheme, type Language } from '../../../../shared/settings/general';
import { describeError } from '../../forms/contract-form';
import { applyLanguage } from '../../i18n';
import { useApi } from '../../transport/api-context';

const LANGUAGE_NAMES: Record<Language, string> = { 'pt-BR': 'Português (Brasil)', en: 'English' };

/** Language and appearance, saved in the backend so the tray and the next start use them too. */
export function PreferencesMenu() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  const save = async (patch: { language?: Language; colorScheme?: ColorScheme }) => {
    try {
      await api.call('settings.saveGeneral', patch);
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(error, t) });
    }
  };

  return (
    <Group gap="sm" wrap="nowrap">
      <Select
        aria-label={t('preferences.language')}
        data-testid="language-select"
        size="xs"
        w={170}
        allowDeselect={false}
        value={i18n.language}
        data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
        onChange={(value) => {
          if (!value) return;
          void applyLanguage(value as Language);
          void save({ language: value as Language });
        }}
      />
      <SegmentedControl
        aria-label={t('preferences.colorScheme')}
        size="xs"
        value={colorScheme}
        data={(['light', 'dark', 'auto'] as const).map((value) => ({ value, label: t(`preferences.${value}`) }))}
        onChange={(value) => {
          setColorScheme(value as ColorScheme);
          void save({ colorScheme: value as ColorScheme });
        }}
      />
    </Group>
  );
}
