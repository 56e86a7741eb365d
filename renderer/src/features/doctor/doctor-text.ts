import type { TFunction } from 'i18next';
import type { DoctorCheck } from '../../../../shared/contract/methods/doctor';
import { ORDER_EVENTS, type OrderEvent } from '../../../../shared/domain/order-events';
import { formatDateTime, formatNumber } from '../../format/format';
import { textIn } from '../../i18n/keys';

/** Params that are epoch ms: shown as a date in the owner's language. */
const DATE_PARAMS = new Set(['date', 'since', 'verified', 'last', 'retry']);

const QUALITIES = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;
const qualityOf = (value: string) => QUALITIES.find((quality) => quality === value) ?? 'UNKNOWN';

const isEvent = (value: string): value is OrderEvent => (ORDER_EVENTS as readonly string[]).includes(value);

/** Meta's tier (`250`, `1K`, `UNLIMITED`, from `TIER_…`) as a number in the owner's language. */
function messagingLimit(tier: string, t: TFunction, language: string): string {
  if (tier === 'UNLIMITED') return t('doctor.unlimited');
  const match = /^(\d+)(K?)$/.exec(tier);
  return match ? formatNumber(Number(match[1]) * (match[2] ? 1000 : 1), language) : '—';
}

/** A check's params ready for its sentence: dates through Intl, event ids as their names. */
export function sentenceParams(check: DoctorCheck, t: TFunction, language: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(check.params)) {
    if (DATE_PARAMS.has(key) && typeof value === 'number') out[key] = value > 0 ? formatDateTime(value, language) : '—';
    else if (key === 'limit' && typeof value === 'string') out[key] = messagingLimit(value, t, language);
    else if (key === 'quality' && typeof value === 'string') out[key] = t(`doctor.quality.${qualityOf(value)}`);
    else if (key === 'events' && typeof value === 'string') {
      out[key] = value
        .split(',')
        .filter(isEvent)
        .map((event) => t(`events.items.${event}.label`))
        .join(t('doctor.events.separator'));
    } else out[key] = String(value);
  }
  return out;
}

/** The owner's sentence for a check's verdict; a skipped one names the check that failed first. */
export function checkSentence(check: DoctorCheck, t: TFunction, language: string): string {
  if (check.verdict === 'skipped' && check.skippedBecause) {
    return t('doctor.skipped', { check: t(`doctor.check.${check.skippedBecause}.name`) });
  }
  if (check.reason === 'crashed') return t('doctor.check.crashed');
  const main = textIn(t, `doctor.check.${check.id}`, check.reason, sentenceParams(check, t, language)) ?? `doctor.check.${check.id}.${check.reason}`;
  // Meta refused the call: add our sentence for what Meta's code means.
  if (check.reason === 'meta_refused' && typeof check.params.problem === 'string') return `${main} ${textIn(t, 'meta.problem', check.params.problem) ?? `meta.problem.${check.params.problem}`}`;
  return main;
}
