import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form's submit button ("Salvar"), at its right edge, spinning while `saving`; `children` stand before it (a Cancel). */
export function SaveBar({ saving, testId, children }: { saving: boolean; testId?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {children}
      <Button type="submit" loading={saving} data-testid={testId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
