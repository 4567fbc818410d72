import { MANIFEST_FILE } from '../render';
import { checkActions } from './actions';
import { checkEventRuntime } from './events';
import { checkPackageIcons, checkUrlIcons } from './icons';
import { checkDistinctIds, checkLocalization, checkVersion } from './manifest-rules';
import { type ValidationProblem, problem } from './problem';
import { checkManifestSchema } from './schema';
import { checkUrls, checkValidDomains, manifestUrls } from './urls';
import { DEFAULT_WEB_ROOTS, WebFiles, type WebRoot } from './web-files';
import { checkXmlManifest } from './xml-manifest';

// The offline validator: Microsoft's JSON schema plus our cross-reference
// checks. It returns every problem it finds instead of stopping at the first,
// so one run tells a developer everything that needs fixing.

export interface PackageContents {
  /** The app package's files by path inside the zip (manifest.json, icons, localization). */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The add-in-only manifest, cross-checked against manifest.json when given. */
  readonly xmlManifest?: string;
}

export interface ValidateOptions {
  /** The origin the API serves pages and icons from; URLs on it must resolve to built files. */
  readonly publicBaseUrl: string;
  /** URL prefix → directory mapping; defaults to addin/dist, teams-app/dist and manifest/icons. */
  readonly webRoots?: readonly WebRoot[];
}

export async function validatePackage(pkg: PackageContents, options: ValidateOptions): Promise<ValidationProblem[]> {
  const data = pkg.files.get(MANIFEST_FILE);
  if (!data) return [problem('schema', MANIFEST_FILE, 'is missing from the root of the app package')];
  let manifest: unknown;
  try {
    manifest = JSON.parse(data.toString('utf8'));
  } catch (err) {
    return [problem('schema', MANIFEST_FILE, `is not valid JSON (${(err as Error).message})`)];
  }

  const web = new WebFiles(options.publicBaseUrl, options.webRoots ?? DEFAULT_WEB_ROOTS);
  return [
    ...(await checkManifestSchema(manifest)),
    ...checkVersion(manifest),
    ...checkDistinctIds(manifest),
    ...checkActions(manifest, web),
    ...checkEventRuntime(manifest, web),
    ...checkUrls(manifestUrls(manifest), web),
    ...checkValidDomains(manifest, options.publicBaseUrl),
    ...checkPackageIcons(manifest, pkg.files),
    ...checkUrlIcons(manifest, web),
    ...(await checkLocalization(manifest, pkg.files)),
    ...(pkg.xmlManifest === undefined ? [] : checkXmlManifest(pkg.xmlManifest, manifest, options.publicBaseUrl, web)),
  ];
}

export { DEFAULT_WEB_ROOTS, type WebRoot } from './web-files';
export { type CheckName, type ValidationProblem, PackageValidationError, formatProblems } from './problem';
