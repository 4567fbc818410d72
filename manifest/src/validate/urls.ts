import { record, stringsWithPaths, text } from '../json';
import { type ValidationProblem, problem } from './problem';
import type { WebFiles } from './web-files';

// Every URL a manifest names must be https, and every URL on our own origin
// must point at a file the API will actually serve (a page the front-end
// builds emit, or an icon in manifest/icons).

export interface UrlRef {
  readonly where: string;
  readonly url: string;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

/** All absolute http(s) URLs in the unified manifest (its $schema excepted). */
export function manifestUrls(manifest: unknown): UrlRef[] {
  return [...stringsWithPaths(manifest)]
    .filter(([where, value]) => where !== '$schema' && ABSOLUTE_HTTP.test(value))
    .map(([where, url]) => ({ where, url }));
}

export function checkUrls(refs: readonly UrlRef[], web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const { where, url } of refs) {
    if (!/^https:\/\//i.test(url)) {
      problems.push(problem('urls', where, `${url} must use https: Outlook and Teams refuse plain http`));
      continue;
    }
    const located = web.locate(url);
    if (located.kind === 'missing') problems.push(problem('urls', where, `${url} does not resolve: ${located.reason}`));
  }
  return problems;
}

/** Teams loads tab content only from hosts listed in validDomains. */
export function checkValidDomains(manifest: unknown, publicBaseUrl: string): ValidationProblem[] {
  const host = new URL(publicBaseUrl).host;
  const domains = record(manifest).validDomains;
  const listed = Array.isArray(domains) ? domains.map(text) : [];
  return listed.includes(host)
    ? []
    : [problem('urls', 'validDomains', `must contain "${host}", the host that serves the tab and the task pane`)];
}
