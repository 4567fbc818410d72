import { type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { PRIVACY_DE, type PrivacyKey } from './privacy-messages.de';
import { PRIVACY_EN } from './privacy-messages.en';

export interface PrivacyText {
  /** The section's texts with `{name}` parameters filled. */
  pt(key: PrivacyKey, params?: TextParams): string;
}

// The "Datenschutz" section's texts in the language of the shared UiTextProvider.
export function usePrivacyText(): PrivacyText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<PrivacyKey, string> = language === 'en' ? PRIVACY_EN : PRIVACY_DE;
    return {
      pt(key, params) {
        const text = catalog[key];
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
      },
    };
  }, [language]);
}
