export { createUiText, UiTextProvider } from './UiTextProvider';
export type { TextKey, TextParams, UiText } from './UiTextProvider';
export { useUiText } from './useUiText';
