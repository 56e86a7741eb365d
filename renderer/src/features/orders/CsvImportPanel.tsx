import { Alert, Button, FileButton, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportResult, CsvPreview } from '../../../../shared/contract/methods/order-sources';
import { CSV_FIELDS, REQUIRED_CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import { describeError, translateIssue } from '../../forms/contract-form';
import { useApi } from '../../transport/api-context';

/** Bytes → base64, so the core detects the file's encoding (UTF-8 or Excel's Windows-1252). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CsvImportPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Partial<Record<CsvField, string>>>({});
  const [check, setCheck] = useState<CsvImportResult | null>(null);
  const [busy, setBusy] = useState<'preview' | 'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setCheck(null);
    setMapping({});
    setError(null);
  };

  const pick = async (picked: File | null) => {
    if (!picked) return;
    reset();
    setBusy('preview');
    try {
      const content = toBase64(new Uint8Array(await picked.arrayBuffer()));
      const answer = await api.call('csv.preview', { content, contentEncoding: 'base64' });
      setFile({ name: picked.name, content });
      setPreview(answer);
      setMapping(answer.guessedMapping);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(null);
    }
  };

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const result = await api.call('csv.import', { content: file.content, contentEncoding: 'base64', mapping, dryRun });
      if (dryRun) setCheck(result);
      else {
        notifications.show({ color: 'green', title: t('csvImport.doneTitle'), message: t('csvImport.done', { created: result.created, updated: result.updated, errors: result.errors.length }) });
        reset();
      }
    } catch (e) {
      setError(describeError(e, t));
      notifications.show({ color: 'red', title: t('errors.title'), message: describeError(e, t) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack maw={1100}>
      <Text size="sm" c="dimmed">
        {t('csvImport.help')}
      </Text>
      <Group>
        <FileButton onChange={(f) => void pick(f)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={16} />} loading={busy === 'preview'} data-testid="csv-pick">
              {t('csvImport.pick')}
            </Button>
          )}
        </FileButton>
        {file && <Text size="sm">{file.name}</Text>}
      </Group>
      {busy !== null && busy !== 'preview' && <Progress value={100} animated data-testid="csv-progress" />}
      {error && <Alert color="red" data-testid="csv-error">{error}</Alert>}
      {preview && (
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Text fw={600}>{t('csvImport.mappingTitle', { rows: preview.totalRows })}</Text>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {CSV_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={`${t(`csvImport.fields.${field}`)}${REQUIRED_CSV_FIELDS.includes(field) ? ' *' : ''}`}
                  placeholder={t('csvImport.notMapped')}
                  data={preview.columns}
                  value={mapping[field] ?? null}
                  clearable
                  data-testid={`map-${field}`}
                  onChange={(v) => {
                    setCheck(null);
                    setMapping((m) => {
                      const next = { ...m };
                      if (v) next[field] = v;
                      else delete next[field];
                      return next;
                    });
                  }}
                />
              ))}
            </SimpleGrid>
            <Text fw={600}>{t('csvImport.previewTitle')}</Text>
            <Table.ScrollContainer minWidth={600}>
              <Table striped data-testid="csv-preview">
                <Table.Thead>
                  <Table.Tr>
                    {preview.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sampleRows.slice(0, 5).map((row, i) => (
                    <Table.Tr key={i}>
                      {row.map((cell, j) => (
                        <Table.Td key={j}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {check && (
              <Stack gap="xs" data-testid="csv-check">
                <Alert color={check.errors.length ? 'yellow' : 'teal'}>
                  {t('csvImport.checkSummary', { valid: check.validRows, total: check.totalRows, errors: check.errors.length })}
                </Alert>
                {check.errors.length > 0 && (
                  <Table data-testid="csv-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('csvImport.line')}</Table.Th>
                        <Table.Th>{t('csvImport.field')}</Table.Th>
                        <Table.Th>{t('csvImport.problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {check.errors.slice(0, 100).map((e, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{e.row}</Table.Td>
                          <Table.Td>{CSV_FIELDS.includes(e.path as CsvField) ? t(`csvImport.fields.${e.path}`) : e.path}</Table.Td>
                          <Table.Td>{translateIssue(e, t)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={reset} data-testid="csv-cancel">
                {t('common.cancel')}
              </Button>
              {check ? (
                <Button onClick={() => void runImport(false)} loading={busy === 'import'} disabled={check.validRows === 0} data-testid="csv-import">
                  {t('csvImport.importValid', { count: check.validRows })}
                </Button>
              ) : (
                <Button onClick={() => void runImport(true)} loading={busy === 'check'} data-testid="csv-check-button">
                  {t('csvImport.check')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
