import { Alert, Button, FileButton, Group, List, Paper, Progress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CSV_MAX_BYTES,
  type CsvDelimiter,
  type CsvDuplicateChoice,
  type CsvImportResult,
  type CsvPreview,
} from '../../../../shared/contract/methods/csv';
import { CSV_FIELDS, REQUIRED_CSV_FIELDS, type CsvField } from '../../../../shared/domain/csv-fields';
import { useApi, useContractEvent } from '../../transport/api-context';
import { formatNumber } from '../../format/format';
import { CsvReport } from './CsvReport';
import { csvFailure, fieldWords } from './csv-words';
import { useAction, useContractAction } from '../../forms/use-contract-action';

/** Bytes → base64, so the core detects the file's encoding (UTF-8, UTF-16 or Excel's Windows-1252). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Mapping = Partial<Record<CsvField, string>>;
type DelimiterChoice = 'auto' | CsvDelimiter;
const DELIMITERS: { value: DelimiterChoice; word: 'auto' | 'semicolon' | 'comma' | 'tab' }[] = [
  { value: 'auto', word: 'auto' },
  { value: ';', word: 'semicolon' },
  { value: ',', word: 'comma' },
  { value: '\t', word: 'tab' },
];
const DELIMITER_WORDS: Record<CsvDelimiter, 'semicolon' | 'comma' | 'tab'> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };
const delimiterWord = (d: CsvDelimiter) => DELIMITER_WORDS[d];

interface Failure {
  messages: string[];
  byField: Partial<Record<CsvField, string>>;
}

/**
 * Orders → Importar CSV. Pick a file; the core reads it (encoding, separator, columns) and the
 * owner checks the column mapping; "Conferir linhas" shows what the import will do, group by
 * group, with repeated order numbers to decide and every refused line explained; "Importar"
 * does exactly that and shows what it did. Every failure is said here in words.
 */
export function CsvImportPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [delimiter, setDelimiter] = useState<DelimiterChoice>('auto');
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [duplicates, setDuplicates] = useState<CsvDuplicateChoice>('skip');
  const [check, setCheck] = useState<CsvImportResult | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const numberText = (value: number) => formatNumber(value, i18n.language);

  useContractEvent(
    'csv.importProgress',
    useCallback((p: { done: number; total: number }) => setProgress(p), []),
  );

  const reset = () => {
    setFile(null);
    setPreview(null);
    setCheck(null);
    setResult(null);
    setMapping({});
    setDuplicates('skip');
    setDelimiter('auto');
    setFailure(null);
  };

  // Reading and checking say what is wrong at the file and its columns (`failure`), not in a notification.
  const previewing = useAction((content: string, name: string, chosen: DelimiterChoice) => api.call('csv.preview', { content, contentEncoding: 'base64', delimiter: chosen }), {
    quietFailure: true,
    onSuccess: (answer, content, name) => {
      setFile({ name, content });
      setPreview(answer);
      setMapping(answer.guessedMapping);
    },
    onError: (e) => {
      setPreview(null);
      setFailure(csvFailure(e, t));
    },
  });
  const readFile = (content: string, name: string, chosen: DelimiterChoice) => {
    setFailure(null);
    setCheck(null);
    return previewing.run(content, name, chosen);
  };

  const pick = async (picked: File | null) => {
    if (!picked) return;
    reset();
    if (picked.size > CSV_MAX_BYTES) {
      setFailure({ messages: [t('csv.file.tooLarge', { maximumMb: CSV_MAX_BYTES / (1024 * 1024) })], byField: {} });
      return;
    }
    const content = toBase64(new Uint8Array(await picked.arrayBuffer()));
    setFile({ name: picked.name, content });
    await readFile(content, picked.name, 'auto');
  };

  const checking = useContractAction('csv.import', {
    quietFailure: true,
    onSuccess: setCheck,
    onError: (e) => {
      setCheck(null);
      setFailure(csvFailure(e, t));
    },
  });
  const runCheck = async (choice: CsvDuplicateChoice = duplicates) => {
    if (!file) return;
    setFailure(null);
    await checking.run({ content: file.content, contentEncoding: 'base64', delimiter, mapping, duplicates: choice, dryRun: true });
  };

  const importing = useContractAction('csv.import', {
    describeFailure: (e) => csvFailure(e, t).messages.join(' '),
    onSuccess: (done) => {
      setResult(done);
      setCheck(null);
    },
    onError: (e) => setFailure(csvFailure(e, t)),
    success: ({ counts: { create, update, refused } }) => ({
      color: 'green',
      title: t('csv.doneTitle'),
      message: [
        t('csv.doneCreated', { count: create, n: numberText(create) }),
        t('csv.doneUpdated', { count: update, n: numberText(update) }),
        t('csv.doneRefused', { count: refused, n: numberText(refused) }),
      ].join(', '),
    }),
  });
  const runImport = async () => {
    if (!file) return;
    setProgress(null);
    setFailure(null);
    await importing.run({ content: file.content, contentEncoding: 'base64', delimiter, mapping, duplicates, dryRun: false });
    setProgress(null);
  };
  const busy = previewing.busy ? 'preview' : checking.busy ? 'check' : importing.busy ? 'import' : null;

  const toWrite = check ? check.counts.create + check.counts.update : 0;

  return (
    <Stack maw={1100}>
      <Text size="sm" c="dimmed">
        {t('csv.help')}
      </Text>
      <Group align="end">
        <FileButton onChange={(f) => void pick(f)} accept=".csv,.txt,text/csv,text/plain">
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={16} />} loading={busy === 'preview'} data-testid="csv-pick">
              {t(file ? 'csv.pickOther' : 'csv.pick')}
            </Button>
          )}
        </FileButton>
        {file && (
          <Select
            label={t('csv.delimiter')}
            data={DELIMITERS.map((d) => ({ value: d.value, label: t(`csv.delimiters.${d.word}`) }))}
            value={delimiter}
            allowDeselect={false}
            w={220}
            data-testid="csv-delimiter"
            onChange={(v) => {
              const chosen = (v ?? 'auto') as DelimiterChoice;
              setDelimiter(chosen);
              void readFile(file.content, file.name, chosen);
            }}
          />
        )}
        {file && (
          <Text size="sm" data-testid="csv-file-name">
            {file.name}
            {preview && ` · ${t('csv.rows', { count: preview.totalRows, n: numberText(preview.totalRows) })}`}
          </Text>
        )}
      </Group>
      {preview && (
        <Text size="xs" c="dimmed">
          {t('csv.readAs', { encoding: t(`csv.encodings.${preview.encoding}`), delimiter: t(`csv.delimiterWords.${delimiterWord(preview.delimiter)}`) })}
        </Text>
      )}
      {failure && (
        <Alert color="red" title={t('errors.title')} data-testid="csv-error">
          {failure.messages.length === 1 ? (
            failure.messages[0]
          ) : (
            <List size="sm">
              {failure.messages.map((m, i) => (
                <List.Item key={i}>{m}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {preview && result && (
        <>
          <CsvReport report={result} />
          <Group justify="flex-end">
            <Button onClick={reset} data-testid="csv-another">
              {t('csv.importAnother')}
            </Button>
          </Group>
        </>
      )}
      {preview && !result && (
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Text fw={600}>{t('csv.mappingTitle')}</Text>
            {preview.missingRequired.length > 0 && (
              <Alert color="yellow" data-testid="csv-missing">
                {t('csv.missingRequired', {
                  fields: preview.missingRequired.map((f) => `“${fieldWords(f, t)}”`).join(', '),
                  columns: preview.columns.join(', '),
                })}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {CSV_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={fieldWords(field, t)}
                  withAsterisk={REQUIRED_CSV_FIELDS.includes(field)}
                  placeholder={t('csv.notMapped')}
                  data={preview.columns}
                  value={mapping[field] ?? null}
                  clearable
                  searchable
                  error={failure?.byField[field]}
                  data-testid={`map-${field}`}
                  onChange={(v) => {
                    setCheck(null);
                    setFailure(null);
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
            <Text fw={600}>{t('csv.previewTitle')}</Text>
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
              <CsvReport
                report={check}
                choice={duplicates}
                onChoice={(choice) => {
                  setDuplicates(choice);
                  void runCheck(choice);
                }}
              />
            )}
            {busy === 'import' && (
              <Stack gap={4}>
                <Progress value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 100} animated={!progress} data-testid="csv-progress" />
                {progress && (
                  <Text size="xs" c="dimmed">
                    {t('csv.importing', { done: numberText(progress.done), total: numberText(progress.total) })}
                  </Text>
                )}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={reset} data-testid="csv-cancel" disabled={busy === 'import'}>
                {t('common.cancel')}
              </Button>
              {check ? (
                <Button onClick={() => void runImport()} loading={busy === 'import'} disabled={toWrite === 0 || busy === 'check'} data-testid="csv-import">
                  {t('csv.importButton', { count: toWrite, n: numberText(toWrite) })}
                </Button>
              ) : (
                <Button onClick={() => void runCheck()} loading={busy === 'check'} data-testid="csv-check-button">
                  {t('csv.check')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
