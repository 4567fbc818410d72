import { type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { IMPORT_EXPORT_DE, type ImportExportKey } from './import-export-messages.de';
import { IMPORT_EXPORT_EN } from './import-export-messages.en';

export interface ImportExportText {
  language: 'de' | 'en';
  /** The section's texts with `{name}` parameters filled. */
  xt(key: ImportExportKey, params?: TextParams): string;
  /** A count in the UI language's digits ("50.000" / "50,000"). */
  count(value: number): string;
}

// The import/export section's texts in the language of the shared UiTextProvider.
export function useImportExportText(): ImportExportText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<ImportExportKey, string> = language === 'en' ? IMPORT_EXPORT_EN : IMPORT_EXPORT_DE;
    const numbers = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE');
    return {
      language,
      xt(key, params) {
        const text = catalog[key];
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
      },
      count: (value) => numbers.format(value),
    };
  }, [language]);
}
