import { Alert, Anchor, Badge, Button, Code, Group, Modal, Paper, PinInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconPlayerSkipForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorCheck, DoctorFixId, DoctorResult } from '../../../../shared/contract/methods/doctor';
import { useContractAction } from '../../forms/use-contract-action';
import { formatDateTime } from '../../format/format';
import { checkSentence } from './doctor-text';

const COLORS = { pass: 'teal', warn: 'yellow', fail: 'red', skipped: 'gray' } as const;
const ICONS = { pass: IconCircleCheck, warn: IconAlertTriangle, fail: IconCircleX, skipped: IconPlayerSkipForward } as const;

/** The doctor's checks with their sentences, evidence and fix buttons; a fix re-runs the doctor and hands back the new result. */
export function DoctorChecks({ result, onResult }: { result: DoctorResult; onResult(result: DoctorResult): void }) {
  return (
    <Stack gap="sm" data-testid="doctor-checks">
      {result.checks.map((check) => (
        <CheckRow key={check.id} check={check} onResult={onResult} />
      ))}
    </Stack>
  );
}

function CheckRow({ check, onResult }: { check: DoctorCheck; onResult(result: DoctorResult): void }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<'pin' | 'confirm' | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const Icon = ICONS[check.verdict];

  // A failed fix is said at its check (inline), not in a notification.
  const fixing = useContractAction('doctor.fix', {
    quietFailure: true,
    onError: (_error, message) => setError(message),
    onSuccess: (result) => {
      onResult(result);
      setAsking(null);
    },
    success: t('doctor.fixDone'),
  });
  const busy = fixing.busy;
  const fix = (id: DoctorFixId, extra: { pin?: string; confirm?: boolean } = {}) => {
    setError(null);
    return fixing.run({ fix: id, ...extra });
  };

  const onFix = () => {
    if (!check.fix) return;
    if (check.fix.needs === 'nothing') void fix(check.fix.id);
    else setAsking(check.fix.needs);
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid={`doctor-check-${check.id}`} data-verdict={check.verdict}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Icon size={22} color={`var(--mantine-color-${COLORS[check.verdict]}-6)`} aria-hidden />
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600}>{t(`doctor.check.${check.id}.name`)}</Text>
              <Badge color={COLORS[check.verdict]} variant="light" data-testid="doctor-verdict">
                {t(`doctor.verdict.${check.verdict}`)}
              </Badge>
            </Group>
            <Text size="sm" data-testid="doctor-sentence">
              {checkSentence(check, t, i18n.language)}
            </Text>
            {check.evidence.length > 0 && (
              <Stack gap={2} data-testid="doctor-evidence">
                <Text size="xs" c="dimmed" fw={600}>
                  {t('doctor.evidence')}
                </Text>
                {check.evidence.map((e, i) => (
                  <Text key={i} size="xs" c="dimmed">
                    {e.code !== null && <Code>{t('doctor.evidenceCode', { code: e.code })}</Code>} {e.message} {e.url && <Code>{e.url}</Code>} ·{' '}
                    {t('doctor.seenAt', { when: formatDateTime(e.at, i18n.language) })}
                  </Text>
                ))}
              </Stack>
            )}
            {check.link && (
              <Anchor href={check.link} target="_blank" rel="noreferrer" size="sm">
                {t('doctor.openLink')}
              </Anchor>
            )}
            {error && (
              <Alert color="red" title={t('doctor.fixFailed')} data-testid="doctor-fix-error">
                {error}
              </Alert>
            )}
          </Stack>
        </Group>
        {check.fix && (
          <Button size="xs" loading={busy} onClick={onFix} data-testid={`doctor-fix-${check.fix.id}`}>
            {t(`doctor.fix.${check.fix.id}`, { newest: String(check.params.newest ?? '') })}
          </Button>
        )}
      </Group>
      <Modal opened={asking === 'pin'} onClose={() => setAsking(null)} title={t('doctor.fix.registerPhone')}>
        <Stack>
          <Text size="sm">{t('doctor.pinHelp')}</Text>
          <PinInput length={6} type="number" value={pin} onChange={setPin} aria-label={t('doctor.pinLabel')} data-testid="doctor-pin" />
          <Button loading={busy} disabled={pin.length !== 6} onClick={() => void fix('registerPhone', { pin })} data-testid="doctor-pin-submit">
            {t('doctor.fix.registerPhone')}
          </Button>
        </Stack>
      </Modal>
      <Modal opened={asking === 'confirm'} onClose={() => setAsking(null)} title={t('doctor.confirmTitle')}>
        <Stack>
          <Text size="sm">{t('doctor.confirmBody', { url: String(check.params.url ?? '') })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void fix('removePhoneOverride', { confirm: true })} data-testid="doctor-confirm-remove">
              {t('doctor.confirmRemove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
