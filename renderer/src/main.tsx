import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import 'mantine-datatable/styles.css';
import 'dayjs/locale/pt-br';
import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
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
  const general: GeneralSettings = await api.call('app.getSettings', {}).catch(() => DEFAULT_GENERAL_SETTINGS);
  await initI18n(general.language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme={general.colorScheme}>
        <Notifications position="top-right" />
        <DatesProvider settings={{ locale: general.language === 'pt-BR' ? 'pt-br' : 'en', firstDayOfWeek: 0 }}>
          <ApiProvider client={api}>
            <App />
          </ApiProvider>
        </DatesProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void boot();
