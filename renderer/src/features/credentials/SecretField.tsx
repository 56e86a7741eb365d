import type { GetInputPropsReturnType } from '@mantine/form';
import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SecretSummary } from '../../../../shared/settings/credentials';

interface SecretFieldProps {
  name: 'accessToken' | 'appSecret';
  summary: SecretSummary;
  /** Marked for removal on save. */
  cleared: boolean;
  onClearChange(cleared: boolean): void;
  inputProps: GetInputPropsReturnType;
}

/**
 * A secret is never shown back: the field starts empty, says whether one is saved (with its last
 * 4 characters), and typing a new value replaces it on save.
 */
export function SecretField({ name, summary, cleared, onClearChange, inputProps }: SecretFieldProps) {
  const { t } = useTranslation();
  const status = cleared
    ? t('credentials.secretRemoved')
    : summary.set
      ? t('credentials.secretSaved', { last4: summary.last4 ?? '' })
      : t('credentials.secretNotSet');
  return (
    <div>
      <PasswordInput
        label={t(`credentials.fields.${name}.label`)}
        description={t(`credentials.fields.${name}.help`)}
        placeholder={summary.set && !cleared ? t('credentials.keepPlaceholder') : ''}
        autoComplete="off"
        spellCheck={false}
        data-testid={`field-${name}`}
        {...inputProps}
      />
      <Group gap="xs" mt={4}>
        <Text size="xs" c="dimmed" data-testid={`${name}-status`}>
          {status}
        </Text>
        {summary.set && (
          <Button variant="subtle" size="compact-xs" onClick={() => onClearChange(!cleared)}>
            {cleared ? t('credentials.undoClear') : t('credentials.clearSecret')}
          </Button>
        )}
      </Group>
    </div>
  );
}
