import { useEffect, useState } from 'react';

/** `28/05/2026 14:32` in pt-BR (`05/28/2026, 2:32 PM` in English). */
export function formatDateTime(ms: number | null | undefined, language: string): string {
  if (ms === null || ms === undefined) return '—';
  const text = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
  // pt-BR: `28/05/2026 14:32`, as in the wireframe (Intl puts a comma between date and time).
  return language.startsWith('pt') ? text.replace(', ', ' ') : text;
}

/** `R$ 1.234,56` from minor units (cents). */
export function formatMoney(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100);
}

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}

/** "há 2 minutos" / "2 minutes ago". */
export function formatRelative(ms: number, now: number, language: string): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** The current time, refreshed every `everyMs` (live "há 2 minutos"). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
