import { Group, SegmentedControl, Select, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ColorScheme, type Language } from '../../../../shared/settings/general';
import { applyLanguage } from '../../i18n';
import { useContractAction } from '../../forms/use-contract-action';

const LANGUAGE_NAMES: Record<Language, string> = { 'pt-BR': 'Português (Brasil)', en: 'English' };

/** Language and appearance, saved in the backend so the tray and the next start use them too. */
export function PreferencesMenu() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const saving = useContractAction('app.saveSettings', { success: t('common.saved') });
  const save = (patch: { language?: Language; colorScheme?: ColorScheme }) => saving.run(patch);

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
