import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_GENERAL_SETTINGS, type GeneralSettings } from '../../shared/settings/general';
import { App } from './app/App';
import { initI18n } from './i18n';
import { ApiProvider } from './transport/api-context';
import { detectApiClient } from './transport/client';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });

async function boot() {
  const api = detectApiClient();
  // The saved language decides the first paint; if the backend is unreachable we still start in
  // pt-BR and each screen shows the connection error in words.
  const general: GeneralSettings = await api.call('settings.getGeneral', {}).catch(() => DEFAULT_GENERAL_SETTINGS);
  await initI18n(general.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme={general.colorScheme}>
        <Notifications position="top-right" />
        <ApiProvider client={api}>
          <App />
        </ApiProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void boot();
