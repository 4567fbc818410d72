/**
 * What a company name may carry after its legal form that names a branch, a country or a place of
 * the same firm, or its owner: "Muster GmbH, Zweigniederlassung Wien", "Siemens AG Österreich",
 * "Muster Inh. Max Muster e.K.". The company key (legal-form.rules.ts) leaves it out, so such a
 * name meets the firm's other spellings in the duplicate check. Data only; the strings match like
 * the designations of legal-forms.data.ts (case-insensitively, "ä" also as "ae" or "a",
 * abbreviations with or without dots).
 *
 * Only what follows a legal form is read as such a note: before it, a place or a country is part
 * of the firm's name ("Stadtwerke München GmbH", "Microsoft Deutschland GmbH" are firms of their
 * own). Besides the words below, a comma, a bracket or a spaced dash after a legal form starts a
 * note too ("Muster GmbH, Berlin", "Muster GmbH (Deutschland)", "Muster KG - Werk Süd").
 */

/**
 * Words that start a branch designation. Sources: the registered kinds of branch, § 13–13h HGB
 * ("Zweigniederlassung"), § 12 UGB (AT) and Art. 931a, 935 OR (CH); the place of business of
 * § 12 AO ("Betriebsstätte"); the designations firms write on letters and in signatures.
 */
export const BRANCH_WORDS: readonly string[] = [
  'Zweigniederlassung',
  'Zweigndl.',
  'Hauptniederlassung',
  'Niederlassung',
  'Ndl.',
  'NL',
  'Zweigstelle',
  'Zweigbetrieb',
  'Filiale',
  'Geschäftsstelle',
  'Außenstelle',
  'Betriebsstätte',
  'Repräsentanz',
  'Vertretung',
  'Standort',
  'Werk',
  'Büro',
  'Branch',
];

/**
 * Countries a firm's subsidiary or branch is named after ("Siemens AG Österreich", "Muster Ltd.
 * Germany"): the member states of the EU and EFTA, the United Kingdom, the United States, China,
 * Japan and India, and Europe, in their German short forms (Auswärtiges Amt, "Verzeichnis der
 * Staatennamen für den amtlichen Gebrauch in der Bundesrepublik Deutschland"), their English short
 * names (ISO 3166-1) and for the German-speaking neighbours their own names.
 */
export const COUNTRY_NAMES: readonly string[] = [
  ...['Deutschland', 'Österreich', 'Schweiz', 'Liechtenstein', 'Luxemburg', 'Belgien', 'Niederlande'],
  ...['Frankreich', 'Italien', 'Spanien', 'Portugal', 'Polen', 'Tschechien', 'Slowakei', 'Ungarn'],
  ...['Slowenien', 'Kroatien', 'Dänemark', 'Schweden', 'Norwegen', 'Finnland', 'Island', 'Irland'],
  ...['Griechenland', 'Rumänien', 'Bulgarien', 'Estland', 'Lettland', 'Litauen', 'Malta', 'Zypern'],
  ...['Vereinigtes Königreich', 'Großbritannien', 'Vereinigte Staaten', 'USA', 'UK', 'China', 'Japan', 'Indien'],
  ...['Europa', 'Germany', 'Austria', 'Switzerland', 'Luxembourg', 'Belgium', 'Netherlands', 'France', 'Italy'],
  ...['Spain', 'Poland', 'Czechia', 'Czech Republic', 'Slovakia', 'Hungary', 'Slovenia', 'Croatia', 'Denmark'],
  ...['Sweden', 'Norway', 'Finland', 'Iceland', 'Ireland', 'Greece', 'Romania', 'Bulgaria', 'Estonia'],
  ...['Latvia', 'Lithuania', 'Cyprus', 'United Kingdom', 'Great Britain', 'United States', 'India', 'Europe'],
  ...['Suisse', 'Svizzera', 'Svizra', 'Nederland', 'België', 'Belgique', 'Lëtzebuerg'],
];

/**
 * Words that introduce the owner of a sole trader's firm ("Muster Inh. Max Muster e.K."): the
 * owner is no part of the firm's name (§ 19 Abs. 1 Nr. 1 HGB requires only "e.K." in it; letters
 * add the owner by § 37a HGB). Read anywhere after the first word, with or without a legal form.
 */
export const OWNER_MARKERS: readonly string[] = ['Inh.', 'Inhaber', 'Inhaberin'];
