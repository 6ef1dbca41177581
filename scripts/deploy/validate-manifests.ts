// `npm run deploy:validate`: validates deploy/k8s (every object against the Kubernetes and KEDA
// JSON schemas from kubernetes-models / @kubernetes-models/keda, then cross-object consistency)
// and docker-compose.yml (structure). Offline: no cluster and no Docker engine is needed, and
// none was used; a clean run here does not prove the images build or the pods start.
// Options: --k8s DIR (default deploy/k8s), --compose FILE (default docker-compose.yml).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { type ComposeFile, checkCompose, composeBaseDir } from './compose-checks.js';
import { checkConsistency } from './k8s-consistency.js';
import { KUSTOMIZATION_TYPE, typeOf, validateSchema } from './k8s-schema.js';
import { type ManifestDoc, loadManifestDir } from './manifest-files.js';

export interface ValidationReport {
  problems: string[];
  /** What was checked, for the summary line: kind -> count. */
  kinds: Record<string, number>;
}

/** A template the kustomization deliberately does not apply (filled in by the operator). */
const isTemplate = (file: string) => file.includes('.template.');

function checkKustomization(docs: ManifestDoc[], files: string[], problems: string[]): void {
  const kustomization = docs.find((doc) => typeOf(doc.object) === KUSTOMIZATION_TYPE);
  if (!kustomization) return;
  const listed = new Set((kustomization.object.resources as string[] | undefined) ?? []);
  const kustomizationFile = kustomization.source.split('#')[0];
  for (const file of listed)
    if (!files.includes(file)) problems.push(`${kustomizationFile}: resource ${file} does not exist`);
  for (const file of files) {
    if (file !== kustomizationFile && !isTemplate(file) && !listed.has(file))
      problems.push(`${kustomizationFile}: ${file} is not listed under resources`);
  }
}

/** Schema and consistency problems of in-memory manifests (what the spec feeds directly). */
export function validateManifests(docs: ManifestDoc[]): ValidationReport {
  const problems: string[] = [];
  const kinds: Record<string, number> = {};
  const objects = docs.filter((doc) => typeOf(doc.object) !== KUSTOMIZATION_TYPE);
  for (const doc of objects) {
    kinds[String(doc.object.kind)] = (kinds[String(doc.object.kind)] ?? 0) + 1;
    problems.push(...validateSchema(doc.object, doc.source));
  }
  problems.push(...checkConsistency(objects));
  return { problems, kinds };
}

export async function validateDeployDir(dir: string): Promise<ValidationReport> {
  const loaded = await loadManifestDir(dir);
  const report = validateManifests(loaded.docs);
  report.problems.unshift(...loaded.problems);
  checkKustomization(loaded.docs, loaded.files, report.problems);
  if (loaded.files.length === 0) report.problems.push(`${dir}: no YAML files`);
  return report;
}

export function validateComposeText(text: string, baseDir: string): ValidationReport {
  let compose: ComposeFile;
  try {
    // merge: Compose files use YAML merge keys (<<: *anchor), which YAML 1.2 leaves off by default.
    compose = parse(text, { merge: true }) as ComposeFile;
  } catch (error) {
    return { problems: [`YAML: ${(error as Error).message}`], kinds: {} };
  }
  if (!compose || typeof compose !== 'object') return { problems: ['not a YAML mapping'], kinds: {} };
  return { problems: checkCompose(compose, baseDir), kinds: { service: Object.keys(compose.services ?? {}).length } };
}

export async function validateComposeFile(path: string): Promise<ValidationReport> {
  return validateComposeText(await readFile(path, 'utf8'), composeBaseDir(path));
}

function optionValue(args: string[], flag: string, fallback: string): string {
  const index = args.indexOf(flag);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
}

const summary = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');

async function main(args: string[]): Promise<number> {
  const k8sDir = resolve(optionValue(args, '--k8s', 'deploy/k8s'));
  const composePath = resolve(optionValue(args, '--compose', 'docker-compose.yml'));
  const results: [string, ValidationReport][] = [
    [k8sDir, await validateDeployDir(k8sDir)],
    [composePath, await validateComposeFile(composePath)],
  ];
  let failed = false;
  for (const [what, report] of results) {
    if (report.problems.length === 0) {
      console.log(`ok   ${what}: ${summary(report.kinds)}`);
      continue;
    }
    failed = true;
    console.error(`FAIL ${what}: ${report.problems.length} problem(s)`);
    for (const problem of report.problems) console.error(`  - ${problem}`);
  }
  console.log('validated offline: no Kubernetes cluster and no Docker engine were used');
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = 1;
    },
  );
}
