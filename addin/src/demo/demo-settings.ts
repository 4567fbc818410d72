import type { Language } from '@klarkonform/shared/ui';
import type { HostTheme } from '../office/mailbox-host';

// The demo page's theme and language, kept across reloads (and a demo reset) in localStorage.
// Without a stored choice: the browser's colour scheme and language. Storage may be blocked
// (private windows, policies): then the choice lasts as long as the page.

const THEME_KEY = 'kk.demo.theme';
const LANGUAGE_KEY = 'kk.demo.language';
const THEMES: readonly HostTheme[] = ['light', 'dark', 'highContrast'];
const LANGUAGES: readonly Language[] = ['de', 'en'];

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not kept: the page still switches.
  }
}

/** The stored theme, else the browser's colour scheme. */
export function initialTheme(): HostTheme {
  const stored = read(THEME_KEY);
  if (stored && (THEMES as readonly string[]).includes(stored)) return stored as HostTheme;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The stored language, else the browser's (English for an English browser, German otherwise). */
export function initialLanguage(): Language {
  const stored = read(LANGUAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  return navigator.language.startsWith('en') ? 'en' : 'de';
}

export const storeTheme = (theme: HostTheme) => write(THEME_KEY, theme);
export const storeLanguage = (language: Language) => write(LANGUAGE_KEY, language);
