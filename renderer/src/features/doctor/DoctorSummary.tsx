import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/format';
import { useContractEvent, useContractQuery } from '../../transport/api-context';

const COLOR = { pass: 'teal', warn: 'yellow', fail: 'red' } as const;

/** The Status screen's line about the setup doctor: its last verdict and a way to it. */
export function DoctorSummary() {
  const { t, i18n } = useTranslation();
  const last = useContractQuery('doctor.last', {});
  useContractEvent('doctor.finished', last.reload);
  useContractEvent('sandbox.modeChanged', last.reload);
  const result = last.state.status === 'ready' ? last.state.data : null;
  const fail = result?.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'skipped').length ?? 0;
  const warn = result?.checks.filter((c) => c.verdict === 'warn').length ?? 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="doctor-summary">
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('doctor.summary.title')}
          </Text>
          {result ? (
            <>
              <Badge color={COLOR[result.overall]} data-testid="doctor-summary-overall">
                {t(`doctor.overall.${result.overall}`)}
              </Badge>
              {result.overall !== 'pass' && <Text size="sm">{t('doctor.summary.counts', { fail, warn })}</Text>}
              <Text size="sm" c="dimmed">
                {t('doctor.ranAt', { when: formatDateTime(result.at, i18n.language) })}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('doctor.never')}
            </Text>
          )}
        </Group>
        <Button size="xs" variant="light" component="a" href="#/doctor" data-testid="doctor-summary-open">
          {t('doctor.summary.open')}
        </Button>
      </Group>
    </Paper>
  );
}
