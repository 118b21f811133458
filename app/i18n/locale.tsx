'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, type Locale, type MessageKey } from './messages';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** translate a key, filling {name} placeholders */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const LocaleContext = createContext<LocaleState | null>(null);
const STORAGE_KEY = 'drg-locale';

/** Chinese first; English when chosen (kept in localStorage) or asked for with ?lang=en. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>('zh');
  useEffect(() => {
    const fromUrl = new URLSearchParams(window.location.search).get('lang');
    const stored = window.localStorage.getItem(STORAGE_KEY);
    const chosen = fromUrl ?? stored;
    if (chosen === 'en' || chosen === 'zh') setLocaleState(chosen);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => {
        let text: string = messages[locale][key];
        if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
        return text;
      },
    }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
