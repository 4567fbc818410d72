import { createContext, useContext } from 'react';

/** The tab's sections, in the order of the tab row. */
export const SECTIONS = [
  'leads',
  'pipeline',
  'followUps',
  'dataCare',
  'search',
  'templates',
  'importExport',
  'mirror',
  'privacy',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Selects another section of the tab (e.g. "Zur Datenpflege" in the sync overview). */
export const OpenSectionContext = createContext<(section: Section) => void>(() => undefined);

export function useOpenSection(): (section: Section) => void {
  return useContext(OpenSectionContext);
}
