import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../opportunities/opportunity.schema';
import { createUiText } from '../i18n';
import { UiTextContext } from '../i18n/UiTextProvider';
import { OpenOpportunities } from './OpenOpportunities';

// What the card shows of a contact's open opportunities, in German and English (rendered to
// markup: the component has no state; the card's browser tests click through it where mounted).

const base: Opportunity = {
  id: 'a'.repeat(24),
  title: 'Wartungsvertrag',
  contactId: 'b'.repeat(24),
  contactName: 'Max Mustermann',
  amountCents: 1_234_500,
  probability: 60,
  stage: 'offer',
  expectedCloseDate: '2026-12-31',
  ownerId: 'u1',
  stageHistory: [],
  createdBy: { id: 'u1', name: 'U' },
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  version: 1,
};
const undated: Opportunity = { ...base, id: 'c'.repeat(24), title: 'Schulung', stage: 'meeting', amountCents: 5 };
delete undated.expectedCloseDate;

const inUi = (language: 'de' | 'en', child: ReturnType<typeof h>) =>
  h(UiTextContext.Provider, { value: createUiText(language) }, child);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '|')
    .replace(/\s/g, ' ')
    .replace(/\|+/g, '|');

describe('OpenOpportunities', () => {
  it('lists title, stage, amount and close date in German', () => {
    const html = renderToStaticMarkup(inUi('de', h(OpenOpportunities, { opportunities: [base, undated] })));
    expect(text(html)).toContain('|Wartungsvertrag|Angebot · 12.345,00 € · Abschluss 31.12.2026|');
    expect(text(html)).toContain('|Schulung|Termin vereinbart / Besuchsbericht · 0,05 € · Abschluss offen|');
    expect(html).toContain('aria-label="Offene Verkaufschancen"');
  });

  it('speaks English and offers each as a button when it can be opened', () => {
    const html = renderToStaticMarkup(
      inUi('en', h(OpenOpportunities, { opportunities: [base], onOpen: () => undefined })),
    );
    expect(text(html)).toContain('Offer · €12,345.00 · Closes 31 Dec 2026');
    expect(html).toContain('aria-label="Open Wartungsvertrag"');
    expect(html).toContain('<button');
  });

  it('says so when there are none', () => {
    const html = renderToStaticMarkup(inUi('de', h(OpenOpportunities, { opportunities: [] })));
    expect(text(html)).toContain('Keine offenen Verkaufschancen');
  });
});
