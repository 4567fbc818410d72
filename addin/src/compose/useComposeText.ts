import { type TextKey, useUiText } from '@klarkonform/shared/ui';
import { COMPOSE_DE, type ComposeKey } from './compose-messages.de';
import { COMPOSE_EN } from './compose-messages.en';

type Params = Readonly<Record<string, string | number>>;

/** The compose pane's own texts in the UI language, and the shared ones (`shared`). */
export function useComposeText() {
  const ui = useUiText();
  const own: Record<ComposeKey, string> = ui.language === 'en' ? COMPOSE_EN : COMPOSE_DE;
  const c = (key: ComposeKey, params: Params = {}) =>
    own[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  return { c, t: (key: TextKey, params?: Params) => ui.t(key, params), language: ui.language };
}
