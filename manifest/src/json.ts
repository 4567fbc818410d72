// Tiny helpers for walking manifest JSON that is typed as `unknown`: the
// validator must cope with any input, including a broken manifest.

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function record(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Every string in a JSON value with its path in the manifest's own notation (a.b[0].c). */
export function* stringsWithPaths(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringsWithPaths(item, `${path}[${i}]`);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) yield* stringsWithPaths(item, path ? `${path}.${key}` : key);
  }
}

/** Looks up a path such as "extensions[0].ribbons[1].tabs[0].label". */
export function valueAtPath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (part.startsWith('[')) {
      current = Array.isArray(current) ? current[Number(part.slice(1, -1))] : undefined;
    } else {
      current = isRecord(current) ? current[part] : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}
