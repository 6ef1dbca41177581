// Reads deploy/k8s: every .yaml/.yml file, every document in it, parsed with the `yaml` package.
// A document that does not parse is reported as a problem, never skipped.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface ManifestDoc {
  /** Where the document came from, e.g. `30-api.yaml#1` (0-based document index). */
  source: string;
  object: Record<string, unknown>;
}

export interface ParsedManifests {
  docs: ManifestDoc[];
  problems: string[];
  files: string[];
}

const isYaml = (name: string) => name.endsWith('.yaml') || name.endsWith('.yml');

async function listYamlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listYamlFiles(path)));
    else if (entry.isFile() && isYaml(entry.name)) found.push(path);
  }
  return found.sort();
}

/** Parses one file's text; `file` only labels the results. Empty documents are ignored. */
export function parseManifestText(text: string, file: string): { docs: ManifestDoc[]; problems: string[] } {
  const docs: ManifestDoc[] = [];
  const problems: string[] = [];
  parseAllDocuments(text, { merge: true }).forEach((doc, index) => {
    const source = `${file}#${index}`;
    if (doc.errors.length > 0) {
      problems.push(...doc.errors.map((error) => `${source}: YAML: ${error.message}`));
      return;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${source}: a manifest must be a mapping, got ${Array.isArray(value) ? 'a list' : typeof value}`);
      return;
    }
    docs.push({ source, object: value as Record<string, unknown> });
  });
  return { docs, problems };
}

/** Every manifest under `dir`, labelled by its path relative to `dir`. */
export async function loadManifestDir(dir: string): Promise<ParsedManifests> {
  const files = await listYamlFiles(dir);
  const result: ParsedManifests = { docs: [], problems: [], files: files.map((file) => relative(dir, file)) };
  for (const file of files) {
    const parsed = parseManifestText(await readFile(file, 'utf8'), relative(dir, file));
    result.docs.push(...parsed.docs);
    result.problems.push(...parsed.problems);
  }
  return result;
}
