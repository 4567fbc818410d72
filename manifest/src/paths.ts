import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Absolute locations, resolved from this file so that the CLI, the tests and
// an importing API all agree regardless of the working directory.

export const MANIFEST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(MANIFEST_ROOT, '..');
export const TEMPLATE_DIR = path.join(MANIFEST_ROOT, 'template');
export const ENV_DIR = path.join(MANIFEST_ROOT, 'env');
export const ICONS_DIR = path.join(MANIFEST_ROOT, 'icons');
export const DIST_DIR = path.join(MANIFEST_ROOT, 'dist');
