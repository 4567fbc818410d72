import { type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { MIRROR_DE, type MirrorKey } from './mirror-messages.de';
import { MIRROR_EN } from './mirror-messages.en';

export interface MirrorText {
  /** The section's texts with `{name}` parameters filled. */
  mt(key: MirrorKey, params?: TextParams): string;
}

// The "Microsoft 365-Sync" section's texts in the language of the shared UiTextProvider.
export function useMirrorText(): MirrorText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<MirrorKey, string> = language === 'en' ? MIRROR_EN : MIRROR_DE;
    return {
      mt(key, params) {
        const text = catalog[key];
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
      },
    };
  }, [language]);
}
