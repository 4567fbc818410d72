import { type TemplateLanguage, type TemplatePurpose, type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { TEMPLATES_DE, type TemplatesKey } from './templates-messages.de';
import { TEMPLATES_EN } from './templates-messages.en';

export interface TemplatesText {
  language: 'de' | 'en';
  /** The section's texts with `{name}` parameters filled. */
  mt(key: TemplatesKey, params?: TextParams): string;
  purposeName(purpose: TemplatePurpose): string;
  languageName(language: TemplateLanguage): string;
}

// The templates section's texts in the language of the shared UiTextProvider.
export function useTemplatesText(): TemplatesText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<TemplatesKey, string> = language === 'en' ? TEMPLATES_EN : TEMPLATES_DE;
    const mt = (key: TemplatesKey, params?: TextParams) => {
      const text = catalog[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
    };
    return {
      language,
      mt,
      purposeName: (purpose) => mt(`purpose.${purpose}`),
      languageName: (value) => mt(`language.${value}`),
    };
  }, [language]);
}
