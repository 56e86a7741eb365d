import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../i18n/keys';

/** Fields whose values Meta sends as enum codes (`CONNECTED`, `GREEN`, `SYSTEM_USER`, `utility`…). */
export const META_VALUE_FIELDS = ['status', 'quality', 'nameStatus', 'codeVerification', 'platform', 'throughput', 'limit', 'accountMode', 'tokenType', 'scope', 'pricingCategory'] as const;
export type MetaValueField = (typeof META_VALUE_FIELDS)[number];

/**
 * One of Meta's enum values in the owner's words (`metaValue.<field>.<VALUE>`); a value Recado
 * does not know yet reads "Outro valor da Meta" rather than a code, which the tooltip keeps.
 */
export function metaValueText(field: MetaValueField, value: string, t: TFunction): string {
  return textIn(t, `metaValue.${field}`, value) ?? t('metaValue.unknown');
}

/** Meta's value in words, with the raw code in a tooltip for support ("—" when Meta sent nothing). */
export function MetaValue({ field, value }: { field: MetaValueField; value: string | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <>—</>;
  return <span title={value}>{metaValueText(field, value, t)}</span>;
}
