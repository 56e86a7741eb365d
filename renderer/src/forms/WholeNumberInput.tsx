import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type WholeNumberInputProps = Omit<NumberInputProps, 'allowDecimal' | 'decimalSeparator' | 'allowedDecimalSeparators' | 'thousandSeparator' | 'decimalScale'>;

/**
 * A field for counts, seconds, days, ports: "8,5" (or "8.5") stays on screen with "use a whole
 * number" at the field, instead of NumberInput's `allowDecimal={false}` dropping the separator and
 * silently turning it into 85. Both separators count as decimal ones, so no language reads "8.5"
 * as eighty-five either.
 */
export function WholeNumberInput({ error, value, ...props }: WholeNumberInputProps) {
  const { t, i18n } = useTranslation();
  const decimalSeparator = new Intl.NumberFormat(i18n.language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const fractional = typeof value === 'number' ? !Number.isInteger(value) : typeof value === 'string' && /[.,]/.test(value);
  return (
    <NumberInput
      clampBehavior="none"
      {...props}
      value={value}
      decimalSeparator={decimalSeparator}
      allowedDecimalSeparators={[',', '.']}
      inputMode="numeric"
      error={error ?? (fractional ? t('validation.integer') : undefined)}
    />
  );
}
