import type { CreateKey } from './create-messages.de';

export const CREATE_EN: Record<CreateKey, string> = {
  'create.newHeading': 'New contact',
  'create.newPersonAt': 'Add a contact person at {company}',
  'create.newButton': 'New contact',
  'create.companySearchChoice': 'Search an existing company',
  'create.companySearch': 'Search company',
  'create.companySearchHint': 'Company name, domain or contact number; at least 2 characters',
  'create.companySearching': 'Searching …',
  'create.companySearchNone': 'No company found for “{q}”.',
  'create.companySearchNew': 'Create new company “{name}”',
  'create.companySearchFailed': 'The search failed: {reason}',
  'create.companyPick': 'Please pick a company from the search.',
  'create.companyLoading': 'Loading the company …',
  'create.companyLoadFailed': 'The company could not be loaded: {reason}',
  'create.emailHint': 'Optional. Without an e-mail address the contact is not synchronised with Outlook.',
  'create.emailInvalid': 'This is not a valid e-mail address, e.g. name@company.com.',
  'create.companyPhone': "Company's phone",
};
