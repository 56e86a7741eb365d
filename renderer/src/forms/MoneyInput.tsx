import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../../shared/domain/money-format';
import { moneyFormat } from './money';

export interface MoneyInputProps extends Omit<NumberInputProps, 'thousandSeparator' | 'decimalSeparator' | 'allowedDecimalSeparators' | 'prefix' | 'suffix' | 'allowNegative'> {
  /** ISO 4217 code whose symbol is shown (the order's currency); BRL when the form has none. */
  currency?: string;
}

/**
 * The one field where money is typed: separators and symbol follow the owner's language
 * (`R$ 1.234,56` in pt-BR, `R$1,234.56` in English), only that language's decimal separator
 * counts as one (so the pt-BR thousands dot is never read as a decimal point), and a negative
 * amount stays visible with a message at the field instead of having its sign dropped. Its value
 * is in major units (reais); `toMinorUnits` turns it into centavos exactly. It takes as many
 * decimals as the currency has (none for guaraníes) unless `decimalScale` says otherwise (rates).
 */
export function MoneyInput({ currency = 'BRL', decimalScale, error, value, ...props }: MoneyInputProps) {
  const { t, i18n } = useTranslation();
  const format = moneyFormat(i18n.language, currency);
  const negative = typeof value === 'number' ? value < 0 : typeof value === 'string' && value.trim().startsWith('-');
  return (
    <NumberInput
      {...props}
      value={value}
      thousandSeparator={format.thousandSeparator}
      decimalSeparator={format.decimalSeparator}
      allowedDecimalSeparators={[format.decimalSeparator]}
      prefix={format.prefix}
      suffix={format.suffix}
      decimalScale={decimalScale ?? currencyDigits(currency)}
      clampBehavior="none"
      inputMode="decimal"
      // The sign is kept on screen so the refusal can be read, not silently turned into a positive amount.
      allowNegative
      error={error ?? (negative ? t('validation.amountNegative') : undefined)}
    />
  );
}
