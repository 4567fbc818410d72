import { useContext } from 'react';
import { type UiText, UiTextContext } from './UiTextProvider';

export function useUiText(): UiText {
  return useContext(UiTextContext);
}
