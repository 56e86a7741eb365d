import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateProblem } from '../../../../shared/domain/template-check';
import { explainProblem } from './problem-explanation';
import { textIn } from '../../i18n/keys';

/** Each refusal Meta would send: its code, our sentence with what to do, and Meta's own words. */
export function ProblemList({ problems }: { problems: TemplateProblem[] }) {
  const { t } = useTranslation();
  return (
    <List spacing="xs" listStyleType="none" data-testid="template-problems">
      {problems.map((problem, index) => {
        const { key, params } = explainProblem(problem);
        const words = {
          ...params,
          ...(params.part ? { part: textIn(t, 'templates.part', params.part) ?? params.part } : {}),
          ...(params.expected && key === 'format' ? { expected: textIn(t, 'templates.format', params.expected) ?? params.expected } : {}),
          ...(params.received ? { received: textIn(t, 'templates.format', params.received) ?? params.received } : {}),
        };
        return (
          <List.Item key={index} data-testid="template-problem">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                {problem.code}
              </Badge>
              <Stack gap={2}>
                <Text size="sm">{t(`templates.problem.${key}`, words)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t('templates.dryRun.metaWould', { text: problem.details })}
                </Text>
              </Stack>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
