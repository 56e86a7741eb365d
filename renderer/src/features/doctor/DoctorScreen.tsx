import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileZip, IconStethoscope } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorResult } from '../../../../shared/contract/methods/doctor';
import { ScreenState } from '../../app/ScreenState';
import { useContractAction } from '../../forms/use-contract-action';
import { formatDateTime } from '../../format/format';
import { useContractQuery } from '../../transport/api-context';
import { ActionCard } from '../common/ActionCard';
import { DoctorChecks } from './DoctorChecks';
import { ScreenPage } from '../../app/ScreenPage';

const OVERALL_COLOR = { pass: 'teal', warn: 'yellow', fail: 'red' } as const;

/** "Diagnóstico": one button that finds what is wrong between Recado and the customer, and fixes it. */
export function DoctorScreen() {
  const { t } = useTranslation();
  const last = useContractQuery('doctor.last', {});
  return (
    <ScreenPage title={t('doctor.title')} subtitle={t('doctor.subtitle')} maw={1000}>
      <ScreenState state={last.state} onRetry={last.reload}>
        {(result) => <DoctorPanel result={result} onResult={last.setData} />}
      </ScreenState>
      <SupportBundlePanel />
    </ScreenPage>
  );
}

/** The run button, the overall verdict and the checks; used by the screen and the wizard. */
export function DoctorPanel({ result, onResult, autoRun = false }: { result: DoctorResult | null; onResult(r: DoctorResult): void; autoRun?: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // The checks appearing are the feedback; a failed run is said above them.
  const doctor = useContractAction('doctor.run', { quietFailure: true, onError: (_error, message) => setError(message), onSuccess: onResult });
  const running = doctor.busy;
  const run = () => {
    setError(null);
    return doctor.run({});
  };
  useEffect(() => {
    if (autoRun) void run();
    // Once, when the wizard's doctor step opens.
  }, []);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="doctor-ran-at" data-at={result?.at ?? ''}>
          {result ? t('doctor.ranAt', { when: formatDateTime(result.at, i18n.language) }) : t('doctor.never')}
        </Text>
        <Button leftSection={<IconStethoscope size={18} />} loading={running} onClick={() => void run()} data-testid="doctor-run">
          {result ? t('doctor.runAgain') : t('doctor.run')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {result && (
        <>
          {result.mode === 'sandbox' && <Alert color="grape">{t('doctor.sandboxNote')}</Alert>}
          <Alert color={OVERALL_COLOR[result.overall]} data-testid="doctor-overall" data-overall={result.overall}>
            {t(`doctor.overall.${result.overall}`)}
          </Alert>
          <DoctorChecks result={result} onResult={onResult} />
        </>
      )}
    </Stack>
  );
}

/** "Gerar pacote de suporte": written to the data folder and offered as a download. */
function SupportBundlePanel() {
  const { t } = useTranslation();
  const make = useContractAction('doctor.supportBundle', {
    failureTitle: t('doctor.bundle.failed'),
    onSuccess: (bundle) => {
      const bytes = Uint8Array.from(atob(bundle.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = bundle.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    success: (bundle) => t('doctor.bundle.done', { file: bundle.path }),
  });
  return (
    <ActionCard help={t('doctor.bundle.help')}>
      <Button variant="light" leftSection={<IconFileZip size={18} />} loading={make.busy} onClick={() => void make.run({})} data-testid="support-bundle">
        {t('doctor.bundle.button')}
      </Button>
    </ActionCard>
  );
}
