import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PreferencesMenu } from '../features/preferences/PreferencesMenu';
import { UnsavedChangesProvider, useLeaveGuard } from '../forms/unsaved-changes';
import { FirstRunWizard } from '../features/wizard/FirstRunWizard';
import { useWizardGate } from '../features/wizard/use-wizard-gate';
import { SandboxBadge } from './SandboxBadge';
import { DEFAULT_SCREEN, SCREENS } from './screens';
import { useHashRoute } from './use-hash-route';

/** The shell, inside the one registry of unsaved edits that every screen change consults. */
export function App() {
  const wizard = useWizardGate();
  if (wizard.show === null) return null;
  if (wizard.show) return <FirstRunWizard onFinish={wizard.finish} />;
  return (
    <UnsavedChangesProvider>
      <Shell />
    </UnsavedChangesProvider>
  );
}

function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [route, navigate] = useHashRoute(DEFAULT_SCREEN, useLeaveGuard());
  const screen = SCREENS.find((s) => s.id === route) ?? SCREENS[0]!;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('common.openMenu')} />
            <Title order={1} size="h3">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md">
              {t('app.tagline')}
            </Text>
            <SandboxBadge />
          </Group>
          <PreferencesMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {SCREENS.map(({ id, icon: Icon }) => (
            <NavLink
              key={id}
              href={`#/${id}`}
              label={t(`nav.${id}`)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={id === screen.id}
              data-testid={`nav-${id}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(id);
                close();
              }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <screen.Component key={screen.id} />
      </AppShell.Main>
    </AppShell>
  );
}
