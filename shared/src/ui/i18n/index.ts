export { createUiText, UiTextProvider } from './UiTextProvider';
export type { TextKey, TextParams, UiText } from './UiTextProvider';
export { useUiText } from './useUiText';
export { berlinDateTime, createDateFormat, parseUiDate, UI_TIME_ZONE } from './date-format';
export type { DateFormat, DateValue } from './date-format';
