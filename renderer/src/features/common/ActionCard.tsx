import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A card with one sentence and the button it explains (`children`), side by side. */
export function ActionCard({ help, children }: { help: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={600}>
          {help}
        </Text>
        {children}
      </Group>
    </Paper>
  );
}
