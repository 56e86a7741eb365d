import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MetaProblemView } from '../../../../shared/domain/meta-problems';

/** Our sentence for a Meta failure, with Meta's own words (code, title, details) underneath. */
export function MetaProblem({ problem }: { problem: MetaProblemView }) {
  const { t } = useTranslation();
  const metaText = [problem.code !== null ? `#${problem.code}` : null, problem.title, problem.details].filter(Boolean).join(' — ');
  return (
    <Alert color="red" data-testid="meta-problem">
      <Text size="sm">{t(`meta.problem.${problem.problem}`)}</Text>
      {metaText && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('meta.said', { text: metaText })}
        </Text>
      )}
    </Alert>
  );
}
