import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A screen a later issue fills: says what it will hold, in the user's language. */
export function PlaceholderScreen({ screen }: { screen: string }) {
  const { t } = useTranslation();
  return (
    <Stack maw={860}>
      <Group>
        <Title order={2}>{t(`nav.${screen}`)}</Title>
        <Badge variant="light">{t('common.comingSoon')}</Badge>
      </Group>
      <Paper withBorder p="lg" radius="md">
        <Text>{t(`placeholder.${screen}`)}</Text>
      </Paper>
    </Stack>
  );
}
