import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/settings/general';
import { en } from './locales/en';
import { ptBR } from './locales/pt-BR';
import './typed-keys';

export const resources = { 'pt-BR': { translation: ptBR }, en: { translation: en } } as const;

/** pt-BR first; English second. The saved preference is applied once settings load. */
export async function initI18n(language: Language = 'pt-BR') {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
