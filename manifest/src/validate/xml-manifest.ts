import { record, records, text } from '../json';
import { XML_MANIFEST_FILE } from '../render';
import { ADDIN_VERSION, GUID } from '../settings';
import { XmlError, type XmlElement, descendants, localName, parseXml, xsiType } from '../xml';
import { checkXmlEvents } from './events';
import { checkPngSize } from './icons';
import { hiddenAddinIds } from './manifest-rules';
import { type ValidationProblem, problem } from './problem';
import { type UrlRef, checkUrls } from './urls';
import type { WebFiles } from './web-files';

// The add-in-only manifest must be well-formed and agree with the unified one:
// it is the add-in the unified app hides (same id as alternates), one version
// behind by format only (1.2.3 → 1.2.3.0), with the same task pane pages and
// Entra app, distinct name, and resource ids (resid) that all resolve.

const ABSOLUTE_HTTP = /^https?:\/\//i;

function at(element: XmlElement): string {
  return `${XML_MANIFEST_FILE} line ${element.line} <${element.name}>`;
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => localName(c) === name);
}

/** Descendants that belong to this VersionOverrides, not to a nested one. */
function* ownDescendants(element: XmlElement): Generator<XmlElement> {
  for (const c of element.children) {
    if (localName(c) === 'VersionOverrides') continue;
    yield c;
    yield* ownDescendants(c);
  }
}

function unifiedTaskPanePages(manifest: unknown): Set<string> {
  const pages = new Set<string>();
  for (const extension of records(record(manifest).extensions)) {
    for (const runtime of records(extension.runtimes)) {
      const page = text(record(runtime.code).page);
      if (page && records(runtime.actions).some((a) => a.type === 'openPage')) pages.add(page);
    }
  }
  return pages;
}

function checkIdentity(root: XmlElement, manifest: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const unified = record(manifest);
  const idElement = child(root, 'Id');
  const id = idElement?.text.trim() ?? '';
  const where = idElement ? at(idElement) : XML_MANIFEST_FILE;
  if (!GUID.test(id)) problems.push(problem('xml', where, `<Id> must be a GUID, got "${id}"`));
  if (id.toLowerCase() === text(unified.id)?.toLowerCase()) {
    problems.push(problem('xml', where, 'must differ from the unified manifest id: Microsoft requires separate ids'));
  }
  const hidden = hiddenAddinIds(manifest).map((h) => h.toLowerCase());
  if (!hidden.includes(id.toLowerCase())) {
    problems.push(
      problem(
        'xml',
        where,
        `${id} is not hidden by the unified manifest (extensions[0].alternates[].hide.customOfficeAddin.officeAddinId is ${hidden.join(', ') || 'missing'}); users would see the add-in twice`,
      ),
    );
  }

  const versionElement = child(root, 'Version');
  const version = versionElement?.text.trim() ?? '';
  const unifiedVersion = text(unified.version) ?? '';
  if (ADDIN_VERSION.test(unifiedVersion) && version !== `${unifiedVersion}.0`) {
    problems.push(
      problem(
        'xml',
        versionElement ? at(versionElement) : XML_MANIFEST_FILE,
        `<Version> is "${version}" but the unified manifest is ${unifiedVersion}; expected ${unifiedVersion}.0`,
      ),
    );
  }

  const displayName = child(root, 'DisplayName');
  const shortName = text(record(unified.name).short);
  if (displayName && displayName.attributes.DefaultValue === shortName) {
    problems.push(
      problem(
        'xml',
        at(displayName),
        `must differ from the unified app name "${shortName}" so admins can tell the two versions apart`,
      ),
    );
  }
  return problems;
}

function checkAgreement(root: XmlElement, manifest: unknown, publicBaseUrl: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const origin = new URL(publicBaseUrl).origin;
  const appDomains = child(root, 'AppDomains')?.children.map((d) => d.text.trim()) ?? [];
  if (!appDomains.includes(origin)) {
    problems.push(
      problem('xml', `${XML_MANIFEST_FILE} <AppDomains>`, `must list ${origin}, the origin of the task pane`),
    );
  }

  const unifiedApp = record(record(manifest).webApplicationInfo);
  for (const info of [...descendants(root)].filter((e) => localName(e) === 'WebApplicationInfo')) {
    for (const [field, expected] of [
      ['Id', text(unifiedApp.id)],
      ['Resource', text(unifiedApp.resource)],
    ] as const) {
      const value = child(info, field)?.text.trim();
      if (value !== expected) {
        problems.push(
          problem('xml', at(info), `<${field}> is "${value}" but the unified webApplicationInfo has "${expected}"`),
        );
      }
    }
  }
  return problems;
}

/** resid references, task pane URLs and icon sizes, per VersionOverrides level. */
function checkOverrides(root: XmlElement, manifest: unknown, web: WebFiles): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const unifiedPages = unifiedTaskPanePages(manifest);
  const xmlPages = new Set<string>();
  const formSource = [...descendants(root)].find((e) => localName(e) === 'SourceLocation' && e.attributes.DefaultValue);
  if (formSource?.attributes.DefaultValue) xmlPages.add(formSource.attributes.DefaultValue);

  for (const overrides of [...descendants(root)].filter((e) => localName(e) === 'VersionOverrides')) {
    const own = [...ownDescendants(overrides)];
    const resourceRoot = child(overrides, 'Resources');
    const resources = new Map<string, XmlElement>();
    for (const element of resourceRoot ? descendants(resourceRoot) : []) {
      const id = element.attributes.id;
      if (id !== undefined && element.attributes.DefaultValue !== undefined) resources.set(id, element);
    }
    const eventPages = new Set(
      own
        .filter((e) => localName(e) === 'ExtensionPoint' && xsiType(e) === 'LaunchEvent')
        .flatMap((e) => [...descendants(e)]),
    );
    for (const element of own) {
      const resid = element.attributes.resid;
      if (resid === undefined) continue;
      const resource = resources.get(resid);
      if (!resource) {
        problems.push(
          problem(
            'xml',
            at(element),
            `resid "${resid}" is not defined in the <Resources> of this VersionOverrides (${xsiType(overrides)})`,
          ),
        );
        continue;
      }
      const url = resource.attributes.DefaultValue ?? '';
      // The event runtime's page is no task pane (events.ts checks it).
      if (localName(element) === 'SourceLocation' && !eventPages.has(element)) xmlPages.add(url);
      if (localName(element) === 'Image' && element.attributes.size) {
        const pixels = Number(element.attributes.size) * Number(element.attributes.scale ?? 1);
        const located = web.locate(url);
        if (located.kind === 'file') problems.push(...checkPngSize(at(element), url, located.data, pixels));
      }
    }
  }

  for (const page of xmlPages) {
    if (!unifiedPages.has(page)) {
      problems.push(
        problem(
          'xml',
          XML_MANIFEST_FILE,
          `task pane ${page} is not a task pane page of the unified manifest (${[...unifiedPages].join(', ')})`,
        ),
      );
    }
  }
  for (const page of unifiedPages) {
    if (!xmlPages.has(page))
      problems.push(
        problem('xml', XML_MANIFEST_FILE, `has no task pane for ${page}, which the unified manifest opens`),
      );
  }

  for (const [name, size] of [
    ['IconUrl', 64],
    ['HighResolutionIconUrl', 128],
  ] as const) {
    const element = child(root, name);
    const url = element?.attributes.DefaultValue;
    if (!element || !url) {
      problems.push(problem('xml', XML_MANIFEST_FILE, `<${name}> with a DefaultValue is required`));
      continue;
    }
    const located = web.locate(url);
    if (located.kind === 'file') problems.push(...checkPngSize(at(element), url, located.data, size));
  }
  return problems;
}

/** URLs of pages, icons and links; <AppDomain> holds an origin, not a file, and is checked above. */
function xmlUrls(root: XmlElement): UrlRef[] {
  const refs: UrlRef[] = [];
  for (const element of [root, ...descendants(root)]) {
    if (localName(element) === 'AppDomain') continue;
    for (const [name, value] of Object.entries(element.attributes)) {
      if (!name.startsWith('xmlns') && ABSOLUTE_HTTP.test(value)) refs.push({ where: at(element), url: value });
    }
    const content = element.text.trim();
    if (element.children.length === 0 && ABSOLUTE_HTTP.test(content)) refs.push({ where: at(element), url: content });
  }
  return refs;
}

export function checkXmlManifest(
  source: string,
  manifest: unknown,
  publicBaseUrl: string,
  web: WebFiles,
): ValidationProblem[] {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (err) {
    if (err instanceof XmlError)
      return [
        problem(
          'xml',
          `${XML_MANIFEST_FILE} line ${err.line}, column ${err.column}`,
          `not well-formed XML: ${err.message.replace(/^line \d+, column \d+: /, '')}`,
        ),
      ];
    throw err;
  }
  if (localName(root) !== 'OfficeApp' || xsiType(root) !== 'MailApp') {
    return [problem('xml', at(root), 'the root element must be <OfficeApp xsi:type="MailApp">')];
  }
  return [
    ...checkIdentity(root, manifest),
    ...checkAgreement(root, manifest, publicBaseUrl),
    ...checkOverrides(root, manifest, web),
    ...checkUrls(xmlUrls(root), web),
    ...checkXmlEvents(root, web),
  ];
}
