import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.js';
import { cs } from './cs.js';
import { pl } from './pl.js';
import { ro } from './ro.js';

export const locales = { en, cs, pl, ro } satisfies Record<string, Messages>;
export type Locale = keyof typeof locales;

/** Teams' locale first, then the browser's; a setting overrides both. */
export function pickLocale(preferred: string | null | undefined, hostLocale: string | null | undefined): Locale {
  for (const candidate of [preferred, hostLocale, ...navigator.languages]) {
    const lang = candidate?.slice(0, 2).toLowerCase();
    if (lang && lang in locales) return lang as Locale;
  }
  return 'en';
}

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** A `YYYY-MM` month, as "December 2026" / "prosinec 2026". */
  month: (yearMonth: string) => string;
  money: (m: { amountMinor: number; currency: string } | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

const tags: Record<Locale, string> = { en: 'en-GB', cs: 'cs-CZ', pl: 'pl-PL', ro: 'ro-RO' };

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const messages = locales[locale];
    const tag = tags[locale];
    const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
    const dateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    const monthFmt = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      locale,
      t: (key, vars) => messages[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars?.[name] ?? '')),
      date: (iso) => (iso ? dateFmt.format(new Date(iso)) : '—'),
      dateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : '—'),
      month: (yearMonth) => monthFmt.format(new Date(`${yearMonth}-01T00:00:00Z`)),
      // Money is stored in minor units; every currency the CRM sees here has two decimals.
      money: (m) => (m ? new Intl.NumberFormat(tag, { style: 'currency', currency: m.currency }).format(m.amountMinor / 100) : '—'),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
