import type {
  SendCheckMode,
  SendCheckSettings,
  SendCheckSettingsUpdate,
  UnavailableFallback,
} from '@klarkonform/shared/ui';

/** The send modes a tenant may choose (send-check.schema.ts SEND_CHECK_MODES; `block` is the manifest's). */
export const MODES: readonly SendCheckMode[] = ['softBlock', 'promptUser'];
/** What happens when the check cannot decide (UNAVAILABLE_FALLBACKS). */
export const UNAVAILABLE: readonly UnavailableFallback[] = ['allow', 'prompt', 'block'];
/** The contract's limits on marketing categories: 20 names of at most 255 characters. */
export const MAX_CATEGORIES = 20;
export const MAX_CATEGORY_LENGTH = 255;

/** The PUT body for the settings shown (everything but the version). */
export function settingsFormOf(settings: SendCheckSettings): SendCheckSettingsUpdate {
  const { enabled, mode, marketingCategories, whenUnavailable } = settings;
  return { enabled, mode, marketingCategories: [...marketingCategories], whenUnavailable };
}

export type CategoryProblem = 'empty' | 'taken' | 'tooMany' | 'tooLong';

/**
 * `input` added to the categories (trimmed), or why not: Outlook compares category names
 * case-insensitively, so "Newsletter" and "newsletter" are the same one.
 */
export function addCategory(
  categories: readonly string[],
  input: string,
): { categories: string[] } | { problem: CategoryProblem } {
  const name = input.trim();
  if (name === '') return { problem: 'empty' };
  if (name.length > MAX_CATEGORY_LENGTH) return { problem: 'tooLong' };
  if (categories.some((c) => c.toLocaleLowerCase('de') === name.toLocaleLowerCase('de'))) return { problem: 'taken' };
  if (categories.length >= MAX_CATEGORIES) return { problem: 'tooMany' };
  return { categories: [...categories, name] };
}
