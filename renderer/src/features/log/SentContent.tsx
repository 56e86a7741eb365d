import { Anchor, Blockquote, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogContent } from '../../../../shared/contract/methods/log';
import { formatLanguage } from '../../format/format';

/** What a message carried: the template, its language and each component's parameters, or the text. */
export function SentContent({ content }: { content: LogContent | null }) {
  const { t, i18n } = useTranslation();
  if (content === null) {
    return (
      <Text c="dimmed" size="sm" data-testid="detail-content">
        {t('log.content.notSent')}
      </Text>
    );
  }
  if (content.kind === 'text') {
    return (
      <Stack gap={4} data-testid="detail-content">
        <Text size="sm" c="dimmed">
          {t('log.content.text')}
        </Text>
        <Blockquote p="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {content.body}
        </Blockquote>
      </Stack>
    );
  }
  const rows = content.components.flatMap((component) =>
    component.parameters.map((p, i) => ({
      key: `${component.type}-${component.index ?? ''}-${i}`,
      component:
        component.type === 'button' ? t('log.content.component.button', { n: (component.index ?? 0) + 1 }) : t(`log.content.component.${component.type}`),
      name: `{{${p.name}}}`,
      value: p.value,
      link: p.kind !== 'text' && p.kind !== 'other' && /^https?:\/\//.test(p.value) ? p.value : null,
    })),
  );
  return (
    <Stack gap={4} data-testid="detail-content">
      <Text size="sm" fw={600}>
        {t('log.content.template', { name: content.name, language: formatLanguage(content.language, i18n.language) })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('log.content.noParameters')}
        </Text>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('log.content.parameter')}</Table.Th>
              <Table.Th>{t('log.content.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.component}</Table.Td>
                <Table.Td ff="monospace">{r.name}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  {r.link ? (
                    <Anchor href={r.link} target="_blank" rel="noreferrer" size="sm">
                      {r.value}
                    </Anchor>
                  ) : (
                    r.value
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
