import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A panel's heading and the dimmed sentence under it that says what the panel is for. */
export function PanelHeading({ title, help }: { title: ReactNode; help: ReactNode }) {
  return (
    <>
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
    </>
  );
}
