import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_STAGES } from './opportunity.schema';
import {
  closedAtAfter,
  isOpenStage,
  lossReasonProblem,
  probabilityAfter,
  STAGE_DEFAULT_PROBABILITY,
  STAGE_LABELS,
} from './stage.rules';

describe('stage rules', () => {
  it('has our default probability and a German and English label for every stage', () => {
    expect(STAGE_DEFAULT_PROBABILITY).toEqual({
      needsAnalysis: 10,
      infoSent: 20,
      meeting: 40,
      offer: 60,
      negotiation: 80,
      won: 100,
      lost: 0,
      later: 0,
    });
    expect(STAGE_LABELS.de.meeting).toBe('Termin vereinbart / Besuchsbericht');
    expect(STAGE_LABELS.de.later).toBe('Später (kein Budget/Zeitpunkt)');
    for (const stage of OPPORTUNITY_STAGES) expect(STAGE_LABELS.en[stage]).toBeTruthy();
  });

  it.each([
    // stage, changed, requested, current → probability
    ['offer', true, undefined, 10, 60],
    ['offer', true, 75, 10, 75],
    ['offer', false, undefined, 33, 33],
    ['offer', false, 45, 33, 45],
    ['won', true, 50, 80, 100],
    ['lost', true, 50, 80, 0],
    ['later', true, undefined, 80, 0],
    ['later', true, 5, 80, 5],
  ] as const)('%s (changed %s, requested %s, was %i) → %i %%', (stage, changed, requested, current, expected) => {
    expect(probabilityAfter(stage, changed, requested, current)).toBe(expected);
  });

  it('stamps closedAt on entering a closed stage and clears it on reopening', () => {
    expect(closedAtAfter('offer', 'won', 'T1')).toBe('T1');
    expect(closedAtAfter('won', 'lost', 'T2', 'T1')).toBe('T2');
    expect(closedAtAfter('won', 'won', 'T2', 'T1')).toBe('T1');
    expect(closedAtAfter('won', 'offer', 'T2', 'T1')).toBeUndefined();
    expect(closedAtAfter(undefined, 'later', 'T0')).toBe('T0');
    expect(isOpenStage('negotiation')).toBe(true);
    expect(isOpenStage('later')).toBe(false);
  });

  it('requires a loss reason for lost and refuses one elsewhere', () => {
    expect(lossReasonProblem('lost', undefined)).toBe('lossReasonRequired');
    expect(lossReasonProblem('lost', '  ')).toBe('lossReasonRequired');
    expect(lossReasonProblem('lost', 'Zu teuer')).toBeUndefined();
    expect(lossReasonProblem('offer', 'Zu teuer')).toBe('lossReasonOnlyLost');
    expect(lossReasonProblem('offer', undefined)).toBeUndefined();
  });
});
