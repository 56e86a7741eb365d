import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../i18n/keys';

/** Meta's statuses as the wireframe's badges: green Approved, yellow Pending review, red Rejected… */
const STATUS_COLORS: Record<string, string> = {
  APPROVED: 'green',
  PENDING: 'yellow',
  IN_APPEAL: 'yellow',
  REJECTED: 'red',
  PAUSED: 'orange',
  DISABLED: 'gray',
  PENDING_DELETION: 'gray',
  DELETED: 'gray',
  ARCHIVED: 'gray',
  LIMIT_EXCEEDED: 'red',
};

/** A template's status in words; Meta's reason (rejection, pause) in a tooltip when it gave one. */
export function TemplateStatusBadge({ status, reason, testId }: { status: string; reason?: string | null; testId?: string }) {
  const { t } = useTranslation();
  const key = status.toUpperCase();
  const badge = (
    <Badge color={STATUS_COLORS[key] ?? 'gray'} variant="light" data-testid={testId}>
      {textIn(t, 'templates.status', key) ?? status}
    </Badge>
  );
  if (!reason || reason === 'NONE') return badge;
  return <Tooltip label={t('templates.statusReason', { reason })}>{badge}</Tooltip>;
}
