import type { Language } from '../i18n/language';
import { OPEN_STAGES, type OpenStage, type OpportunityStage } from './opportunity.schema';

// The sales stages' rules: default probabilities, open or closed, labels for people.

/**
 * Our default probability (%) per stage, set when an opportunity enters a stage without an
 * explicit probability. KlarKonform's defaults (the guide names the stages, not the numbers),
 * in line with the usual CRM pipelines: 10/20/40/60/80 along the open stages; won 100, lost 0
 * (both fixed), later 0 (no budget or timing: nothing to forecast).
 */
export const STAGE_DEFAULT_PROBABILITY: Readonly<Record<OpportunityStage, number>> = {
  needsAnalysis: 10,
  infoSent: 20,
  meeting: 40,
  offer: 60,
  negotiation: 80,
  won: 100,
  lost: 0,
  later: 0,
};

/** Stages whose probability is fixed whatever the request says: won 100 %, lost 0 %. */
export const FIXED_PROBABILITY: Readonly<Partial<Record<OpportunityStage, number>>> = { won: 100, lost: 0 };

/** The stage of a new opportunity when none is given. */
export const INITIAL_STAGE: OpportunityStage = 'needsAnalysis';

export function isOpenStage(stage: OpportunityStage): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

/** The guide's stage names (German) and ours in English, for the UI. */
export const STAGE_LABELS: Readonly<Record<Language, Readonly<Record<OpportunityStage, string>>>> = {
  de: {
    needsAnalysis: 'Bedarfsermittlung',
    infoSent: 'Infos versenden',
    meeting: 'Termin vereinbart / Besuchsbericht',
    offer: 'Angebot',
    negotiation: 'Verhandlung',
    won: 'Gewonnen',
    lost: 'Verloren',
    later: 'Später (kein Budget/Zeitpunkt)',
  },
  en: {
    needsAnalysis: 'Needs analysis',
    infoSent: 'Send information',
    meeting: 'Meeting arranged / visit report',
    offer: 'Offer',
    negotiation: 'Negotiation',
    won: 'Won',
    lost: 'Lost',
    later: 'Later (no budget/timing)',
  },
};

export function stageLabel(stage: OpportunityStage, lang: Language): string {
  return STAGE_LABELS[lang][stage];
}

/** The state a stage change acts on. */
export interface StageState {
  stage: OpportunityStage;
  probability: number;
  lossReason?: string | undefined;
  closedAt?: string | undefined;
}

/**
 * The probability an opportunity has after a request: the fixed one of won/lost, else the
 * request's, else (on a stage change or a create) the stage's default, else unchanged.
 */
export function probabilityAfter(
  stage: OpportunityStage,
  stageChanged: boolean,
  requested: number | undefined,
  current: number,
): number {
  const fixed = FIXED_PROBABILITY[stage];
  if (fixed !== undefined) return fixed;
  if (requested !== undefined) return requested;
  return stageChanged ? STAGE_DEFAULT_PROBABILITY[stage] : current;
}

/**
 * `closedAt` after a stage change at `now` (ISO date-time): entering won, lost or later (again)
 * stamps it, reopening clears it, a move between open stages leaves it absent.
 */
export function closedAtAfter(from: OpportunityStage | undefined, to: OpportunityStage, now: string, current?: string) {
  if (isOpenStage(to)) return undefined;
  return from === to ? current : now;
}

/**
 * Why a stage and loss reason do not go together, or undefined: `lost` needs a loss reason
 * (Verlustgrund), any other stage must not have one.
 */
export function lossReasonProblem(
  stage: OpportunityStage,
  lossReason: string | undefined,
): 'lossReasonRequired' | 'lossReasonOnlyLost' | undefined {
  const given = lossReason !== undefined && lossReason.trim() !== '';
  if (stage === 'lost' && !given) return 'lossReasonRequired';
  if (stage !== 'lost' && lossReason !== undefined) return 'lossReasonOnlyLost';
  return undefined;
}
