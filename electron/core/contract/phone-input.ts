import { normalizeBrazilianPhone } from '../../../shared/domain/phone';
import { AppError } from './app-error';

/**
 * A phone number a contract method takes (`phone` field), normalized like an order's: E.164, or
 * a validation error under the field with the reason in the owner's words (`validation.phone.*`).
 */
export function requirePhone(phone: string): string {
  const normalized = normalizeBrazilianPhone(phone);
  if (!normalized.ok) throw new AppError('validation', 'Invalid phone number', { issues: [{ path: 'phone', key: `validation.phone.${normalized.reason}`, params: {} }] });
  return normalized.e164;
}
