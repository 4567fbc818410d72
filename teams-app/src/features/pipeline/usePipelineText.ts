import { type OpportunityStage, stageLabel } from '@klarkonform/shared';
import { formatEuro, formatEuroRounded, type TextParams, useUiText } from '@klarkonform/shared/ui';
import { useMemo } from 'react';
import { PIPELINE_DE, type PipelineKey } from './pipeline-messages.de';
import { PIPELINE_EN } from './pipeline-messages.en';

export interface PipelineText {
  language: 'de' | 'en';
  pt(key: PipelineKey, params?: TextParams): string;
  /** Cents → "12.345,00 €" in the UI language. */
  euro(cents: number): string;
  /** Cents → "12.346 €" (whole euros) for tight places. */
  euroShort(cents: number): string;
  /** The guide's stage name: "Termin vereinbart / Besuchsbericht" (shared STAGE_LABELS). */
  stageName(stage: OpportunityStage): string;
}

// The pipeline's texts and amounts in the language of the shared UiTextProvider.
export function usePipelineText(): PipelineText {
  const { language } = useUiText();
  return useMemo(() => {
    const catalog: Record<PipelineKey, string> = language === 'en' ? PIPELINE_EN : PIPELINE_DE;
    return {
      language,
      pt(key, params) {
        const text = catalog[key];
        return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
      },
      euro: (cents) => formatEuro(cents, language),
      euroShort: (cents) => formatEuroRounded(cents, language),
      stageName: (stage) => stageLabel(stage, language),
    };
  }, [language]);
}
