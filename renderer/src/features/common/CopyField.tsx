import { ActionIcon, CopyButton, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a copy button (URLs, tokens, ids the owner pastes elsewhere). */
export function CopyField({ label, value, description, testId, rightExtra }: { label: string; value: string; description?: ReactNode; testId?: string; rightExtra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={description}
      value={value}
      readOnly
      // A URL or a token: shown and copied exactly as it is.
      translate="no"
      data-testid={testId}
      styles={{ input: { fontFamily: 'monospace' } }}
      rightSectionWidth={rightExtra ? 72 : 36}
      rightSection={
        <>
          {rightExtra}
          <CopyButton value={value} timeout={1500}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('common.copyLabel', { label })} disabled={!value}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </>
      }
    />
  );
}
