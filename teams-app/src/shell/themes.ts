import {
  type Theme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { TabTheme } from '../teams/tab-host';

const TEAMS_THEMES: Record<TabTheme, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  highContrast: teamsHighContrastTheme,
};

// Teams' own themes inside Teams; the plain web theme when the tab is opened as a web page.
export function fluentTheme(theme: TabTheme, inTeams: boolean): Theme {
  return inTeams ? TEAMS_THEMES[theme] : webLightTheme;
}
