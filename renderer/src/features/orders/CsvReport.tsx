import { Alert, Badge, Paper, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CSV_DUPLICATE_CHOICES,
  type CsvCounts,
  type CsvDuplicateChoice,
  type CsvImportResult,
} from '../../../../shared/contract/methods/csv';
import { formatNumber } from '../../format/format';
import { describeCsvColumn, describeCsvProblem } from './csv-words';

const GROUPS = ['create', 'update', 'unchanged', 'duplicates', 'refused'] as const satisfies readonly (keyof CsvCounts)[];
const GROUP_COLORS: Record<(typeof GROUPS)[number], string> = { create: 'teal', update: 'blue', unchanged: 'gray', duplicates: 'orange', refused: 'red' };

function useNumber() {
  const { i18n } = useTranslation();
  return (n: number) => formatNumber(n, i18n.language);
}

/** "Mostrando 500 de 1.234." under a list the core cut. */
function ListCut({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  const n = useNumber();
  if (shown >= total) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('csv.listCut', { shown: n(shown), total: n(total) })}
    </Text>
  );
}

/**
 * What a CSV import will do (the check) or did (the result): the file's rows split into groups
 * that always add up, the repeated order numbers with the owner's choice, the orders already in
 * the book, and every refused line with its column and reason.
 */
export function CsvReport({
  report,
  choice,
  onChoice,
}: {
  report: CsvImportResult;
  /** Only while checking: the choice for repeated numbers, which re-runs the check. */
  choice?: CsvDuplicateChoice;
  onChoice?: (choice: CsvDuplicateChoice) => void;
}) {
  const { t } = useTranslation();
  const n = useNumber();
  const { counts } = report;
  const testId = report.dryRun ? 'csv-check' : 'csv-result';
  const conflicting = report.duplicates.filter((d) => !d.identical).length;

  return (
    <Stack gap="md" data-testid={testId}>
      <Alert color={report.dryRun ? 'blue' : 'teal'} title={t(report.dryRun ? 'csv.checkTitle' : 'csv.resultTitle')}>
        <Text size="sm" mb="xs">
          {t('csv.fileRows', { count: counts.rows, n: n(counts.rows) })}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="csv-counts">
          {GROUPS.map((group) => (
            <Paper key={group} withBorder p="xs" radius="sm" data-testid={`csv-count-${group}`}>
              <Text size="xl" fw={700} c={counts[group] > 0 ? GROUP_COLORS[group] : 'dimmed'}>
                {n(counts[group])}
              </Text>
              <Text size="xs">{t(`csv.groups.${group}`)}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Alert>

      {report.duplicates.length > 0 && (
        <Stack gap="xs" data-testid="csv-duplicates">
          <Text fw={600}>{t('csv.duplicatesTitle')}</Text>
          {conflicting > 0 && (
            <Text size="sm" c="dimmed">
              {t('csv.duplicatesHelp')}
            </Text>
          )}
          {choice && onChoice && conflicting > 0 && (
            <Radio.Group label={t('csv.duplicateChoice')} value={choice} onChange={(v) => onChoice(v as CsvDuplicateChoice)} data-testid="csv-duplicate-choice">
              <Stack gap={6} mt={6}>
                {CSV_DUPLICATE_CHOICES.map((c) => (
                  <Radio key={c} value={c} label={t(`csv.duplicateChoices.${c}`)} data-testid={`dup-${c}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('csv.duplicateNumber')}</Table.Th>
                <Table.Th>{t('csv.duplicateLines')}</Table.Th>
                <Table.Th>{t('csv.duplicateOutcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.duplicates.map((d) => (
                <Table.Tr key={d.number}>
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>{d.lines.map(n).join(', ')}</Table.Td>
                  <Table.Td>
                    {d.keptLine === null
                      ? t('csv.duplicateNone')
                      : t(d.identical ? 'csv.duplicateIdentical' : 'csv.duplicateKept', { line: n(d.keptLine) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {report.existing.length > 0 && (
        <Stack gap="xs" data-testid="csv-existing">
          <Text fw={600}>{t('csv.existingTitle')}</Text>
          <Table withTableBorder>
            <Table.Tbody>
              {report.existing.map((e) => (
                <Table.Tr key={e.line}>
                  <Table.Td w={90}>{t('csv.line')} {n(e.line)}</Table.Td>
                  <Table.Td>{e.number}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={e.outcome === 'update' ? 'blue' : 'gray'}>
                      {t(`csv.existingOutcome.${e.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ListCut shown={report.existing.length} total={counts.update + counts.unchanged} />
        </Stack>
      )}

      {report.refused.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('csv.refusedTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('csv.refusedHelp')}
          </Text>
          <Table withTableBorder data-testid="csv-errors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('csv.line')}</Table.Th>
                <Table.Th>{t('csv.number')}</Table.Th>
                <Table.Th>{t('csv.column')}</Table.Th>
                <Table.Th>{t('csv.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.refused.flatMap((row) =>
                row.problems.map((problem, i) => (
                  <Table.Tr key={`${row.line}-${i}`}>
                    <Table.Td>{i === 0 ? n(row.line) : ''}</Table.Td>
                    <Table.Td>{i === 0 ? row.number : ''}</Table.Td>
                    <Table.Td>{describeCsvColumn(problem, t)}</Table.Td>
                    <Table.Td>{describeCsvProblem(problem, t)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
          <ListCut shown={report.refused.length} total={counts.refused} />
        </Stack>
      )}
    </Stack>
  );
}
