import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ICONS_DIR, REPO_ROOT } from '../paths';

// Maps URLs on the app's own origin to the files the API will serve for them,
// so the validator can prove that every page and icon a manifest names exists
// in the front-end builds (the API serves these folders; see api/src/config.ts).

export interface WebRoot {
  /** URL path prefix with leading and trailing slash, e.g. "/addin/". */
  readonly urlPrefix: string;
  /** Absolute directory whose files are served under that prefix. */
  readonly directory: string;
}

export const DEFAULT_WEB_ROOTS: readonly WebRoot[] = [
  { urlPrefix: '/addin/', directory: path.join(REPO_ROOT, 'addin/dist') },
  { urlPrefix: '/teams/', directory: path.join(REPO_ROOT, 'teams-app/dist') },
  { urlPrefix: '/icons/', directory: ICONS_DIR },
];

export type Located =
  | { readonly kind: 'external' }
  | { readonly kind: 'file'; readonly file: string; readonly data: Buffer }
  | { readonly kind: 'missing'; readonly reason: string };

function display(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

export class WebFiles {
  private readonly origin: string;
  private readonly cache = new Map<string, Located>();

  constructor(
    publicBaseUrl: string,
    private readonly roots: readonly WebRoot[] = DEFAULT_WEB_ROOTS,
  ) {
    this.origin = new URL(publicBaseUrl).origin;
  }

  isOwnOrigin(url: string): boolean {
    try {
      return new URL(url).origin === this.origin;
    } catch {
      return false;
    }
  }

  locate(url: string): Located {
    const cached = this.cache.get(url);
    if (cached) return cached;
    const located = this.resolve(url);
    this.cache.set(url, located);
    return located;
  }

  private resolve(url: string): Located {
    if (!this.isOwnOrigin(url)) return { kind: 'external' };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url).pathname);
    } catch {
      return { kind: 'missing', reason: 'its path is not valid URL encoding' };
    }
    const root = this.roots.find((r) => pathname.startsWith(r.urlPrefix));
    if (!root) {
      const served = this.roots.map((r) => r.urlPrefix).join(', ');
      return {
        kind: 'missing',
        reason: `it is on the app's origin but outside the folders the API serves (${served})`,
      };
    }
    const relative = pathname.slice(root.urlPrefix.length);
    if (relative === '' || relative.endsWith('/')) {
      return { kind: 'missing', reason: 'it names a folder, and the API serves files only (no index pages)' };
    }
    const file = path.resolve(root.directory, relative);
    if (!file.startsWith(path.resolve(root.directory) + path.sep)) {
      return { kind: 'missing', reason: `its path leaves ${display(root.directory)}` };
    }
    if (!existsSync(root.directory)) {
      return {
        kind: 'missing',
        reason: `it is served from ${display(root.directory)}, which does not exist: build the front ends first (npm run build -- --front-ends)`,
      };
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      return { kind: 'missing', reason: `${display(file)} does not exist: the build does not emit this page or file` };
    }
    return { kind: 'file', file, data: readFileSync(file) };
  }
}
