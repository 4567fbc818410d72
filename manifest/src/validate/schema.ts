import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { isRecord } from '../json';
import { type ValidationProblem, problem } from './problem';

// JSON Schema validation with the schemas shipped inside @microsoft/app-manifest.
// The schema files are loaded from disk explicitly, so validation never
// depends on the manifest's $schema URL and never touches the network.

export const MANIFEST_VERSION = '1.30';
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const schemaDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
  `v${MANIFEST_VERSION}`,
);
const schemas = new Map<string, Promise<Schema>>();

/**
 * Escapes a "]" that closes no character class. The v1.30 localization schema has
 * patterns like "\\[\\b(…)\\b]" that are invalid in the Unicode-mode regular
 * expressions ajv compiles, so the schema would not load at all without this.
 */
function unicodeSafePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      out += inClass ? c : '\\]';
      inClass = false;
    } else {
      out += c;
    }
  }
  return out;
}

function unicodeSafe(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unicodeSafe);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (key === 'pattern' && typeof child === 'string') return [key, unicodeSafePattern(child)];
      if (key === 'patternProperties' && isRecord(child)) {
        return [
          key,
          Object.fromEntries(Object.entries(child).map(([p, s]) => [unicodeSafePattern(p), unicodeSafe(s)])),
        ];
      }
      return [key, unicodeSafe(child)];
    }),
  );
}

function loadSchema(file: string): Promise<Schema> {
  let schema = schemas.get(file);
  if (!schema) {
    schema = readFile(path.join(schemaDir, file), 'utf8').then((t) => unicodeSafe(JSON.parse(t)) as Schema);
    schemas.set(file, schema);
  }
  return schema;
}

/** "/extensions/0/runtimes/0/code/page" → "extensions[0].runtimes[0].code.page" */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

async function validate(document: unknown, schemaFile: string, subject: string): Promise<ValidationProblem[]> {
  const errors = await AppManifestUtils.validateAgainstSchema(document as Manifest, await loadSchema(schemaFile));
  return errors.map((error) => {
    // The library reports "<instancePath> <message>. Details: <params>".
    const space = error.indexOf(' ');
    const pointer = error.slice(0, space);
    const where = pointerToPath(pointer);
    return problem('schema', where ? `${subject} ${where}` : subject, error.slice(space + 1));
  });
}

export async function checkManifestSchema(manifest: unknown): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  if (isRecord(manifest)) {
    if (manifest.$schema !== SCHEMA_URL) {
      problems.push(
        problem('schema', 'manifest.json $schema', `must be ${SCHEMA_URL} (the released v${MANIFEST_VERSION} schema)`),
      );
    }
    if (manifest.manifestVersion !== MANIFEST_VERSION) {
      problems.push(problem('schema', 'manifest.json manifestVersion', `must be "${MANIFEST_VERSION}"`));
    }
  }
  problems.push(...(await validate(manifest, 'MicrosoftTeams.schema.json', 'manifest.json')));
  return problems;
}

export function checkLocalizationSchema(localization: unknown, file: string): Promise<ValidationProblem[]> {
  return validate(localization, 'MicrosoftTeams.Localization.schema.json', file).then((found) =>
    found.map((p) => ({ ...p, check: 'localization' as const })),
  );
}
