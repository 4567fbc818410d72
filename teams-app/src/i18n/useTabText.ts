import { type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { TAB_DE, type TabKey } from './tab-messages.de';
import { TAB_EN } from './tab-messages.en';

export type { TabKey } from './tab-messages.de';

export interface TabText {
  /** The tab's own texts. */
  tt(key: TabKey, params?: TextParams): string;
}

// The tab's texts in the language of the shared UiTextProvider, so one provider decides the
// language for the card and the tab alike.
export function useTabText(): TabText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<TabKey, string> = language === 'en' ? TAB_EN : TAB_DE;
    return {
      tt(key, params) {
        const text = catalog[key];
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
      },
    };
  }, [language]);
}
