// Public surface of @klarkonform/manifest: render the Microsoft 365 app
// manifest for an environment, validate an app package offline, build the zip.

export { buildPackage, describeApp, readPackageFiles, type BuildOptions, type BuiltPackage } from './package';
export {
  MANIFEST_FILE,
  XML_MANIFEST_FILE,
  RenderError,
  placeholderValues,
  renderManifest,
  type RenderOptions,
  type RenderedApp,
} from './render';
export { SettingsError, loadSettings, parseSettings, type DeveloperInfo, type EnvSettings } from './settings';
export {
  DEFAULT_WEB_ROOTS,
  PackageValidationError,
  formatProblems,
  validatePackage,
  type CheckName,
  type PackageContents,
  type ValidateOptions,
  type ValidationProblem,
  type WebRoot,
} from './validate/index';
