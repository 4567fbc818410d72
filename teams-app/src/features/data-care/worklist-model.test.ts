import { describe, expect, it } from 'vitest';
import type { Contact, ContactSummary, QualityFinding, WorklistItem } from '@klarkonform/shared/ui';
import { appendPage, pageWithRefreshes, type RowRefresh, summaryAfterSave, withRowRefreshed } from './worklist-model';

const finding = (code: QualityFinding['code']): QualityFinding => ({
  code,
  severity: 'warning',
  messageKey: `quality.${code}`,
});

const summary = (id: string, displayName: string): ContactSummary => ({
  id,
  kind: 'person',
  displayName,
  contactNumber: `C0000${id}`,
  companyName: 'Muster GmbH',
  email: `${displayName.toLowerCase()}@muster.de`,
  relationships: ['customer'],
  archived: false,
});

const item = (id: string, name: string, ...codes: QualityFinding['code'][]): WorklistItem => ({
  contact: summary(id, name),
  findings: codes.map(finding),
});

const page = [item('1', 'Anna', 'person.noRole'), item('2', 'Bert', 'contact.noEmail', 'person.noRole')];

describe('pageWithRefreshes', () => {
  it('lays refreshes that started after the page was asked for over it', () => {
    const refreshes = new Map<string, RowRefresh>([
      ['1', { ticket: 5, findings: [] }],
      ['2', { ticket: 5, findings: [finding('contact.noEmail')] }],
    ]);
    expect(pageWithRefreshes(page, 4, refreshes)).toEqual([item('2', 'Bert', 'contact.noEmail')]);
  });

  it('keeps the page where it is newer than the refresh', () => {
    const refreshes = new Map<string, RowRefresh>([['1', { ticket: 3, findings: [] }]]);
    expect(pageWithRefreshes(page, 4, refreshes)).toEqual(page);
  });
});

describe('withRowRefreshed', () => {
  it('updates a row in place, with the saved summary', () => {
    const renamed = summary('2', 'Berta');
    expect(
      withRowRefreshed(page, '2', { ticket: 1, findings: [finding('contact.noEmail')], contact: renamed }),
    ).toEqual([page[0], { contact: renamed, findings: [finding('contact.noEmail')] }]);
  });

  it('removes a row without findings, and leaves rows it does not list alone', () => {
    expect(withRowRefreshed(page, '1', { ticket: 1, findings: [] })).toEqual([page[1]]);
    expect(withRowRefreshed(page, '9', { ticket: 1, findings: [] })).toEqual(page);
  });
});

describe('appendPage', () => {
  it('appends a further page without listing a contact twice', () => {
    expect(appendPage(page, [item('2', 'Bert', 'person.noRole'), item('3', 'Cleo', 'contact.noEmail')])).toEqual([
      ...page,
      item('3', 'Cleo', 'contact.noEmail'),
    ]);
  });
});

describe('summaryAfterSave', () => {
  it('takes name, relationships, address, owner and lead status from the saved contact and keeps the company name', () => {
    const saved = {
      id: '2',
      kind: 'person',
      displayName: 'Berta Beispiel',
      relationships: ['lead'],
      archived: null,
      emails: [
        { address: 'b@beispiel.de', primary: false },
        { address: 'berta@beispiel.de', primary: true },
      ],
      ownerId: 'user-7',
      lead: { status: 'qualifying' },
    } as unknown as Contact;
    expect(summaryAfterSave(summary('2', 'Bert'), saved)).toEqual({
      id: '2',
      kind: 'person',
      displayName: 'Berta Beispiel',
      contactNumber: 'C00002',
      companyName: 'Muster GmbH',
      email: 'berta@beispiel.de',
      relationships: ['lead'],
      archived: false,
      ownerId: 'user-7',
      leadStatus: 'qualifying',
    });
  });

  it('drops the address when the contact has none left', () => {
    const saved = { displayName: 'Bert', relationships: [], archived: null, emails: [] } as unknown as Contact;
    expect(summaryAfterSave(summary('2', 'Bert'), saved)).not.toHaveProperty('email');
  });
});
