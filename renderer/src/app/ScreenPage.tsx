import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScreenPageProps {
  title: ReactNode;
  /** The dimmed line under the title. */
  subtitle: ReactNode;
  subtitleTestId?: string;
  /** Widest the page grows (forms stay readable); none for tables. */
  maw?: number;
  children: ReactNode;
}

/** Every screen's frame: its title, the line under it, then its content in one column. */
export function ScreenPage({ title, subtitle, subtitleTestId, maw, children }: ScreenPageProps) {
  return (
    <Stack maw={maw}>
      <div>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="sm" data-testid={subtitleTestId}>
          {subtitle}
        </Text>
      </div>
      {children}
    </Stack>
  );
}
