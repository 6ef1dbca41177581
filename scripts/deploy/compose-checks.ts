// Structural checks of docker-compose.yml (no Docker engine runs here and no Compose JSON schema is
// installed): every service can be built or pulled, build targets exist in the Dockerfile,
// dependencies resolve and can start under the same profiles, health checks exist where
// dependencies wait on them, and the profiles give the intended default stack.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { envSchema } from '../../libs/config/config.schema.js';

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: unknown;
  profiles?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  environment?: Record<string, unknown> | string[];
  volumes?: unknown[];
  deploy?: { resources?: { reservations?: { devices?: { capabilities?: string[] }[] } } };
}
export interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What a plain `docker compose up` runs, and what each profile adds (docs/deploy.md). */
export const INTENDED_PROFILES: Record<string, string[]> = {
  '': ['api', 'migrate', 'postgres', 'redis', 'worker'],
  gpu: ['vllm', 'worker-gpu'],
  edge: ['worker-edge'],
};
const MUST_HAVE_HEALTHCHECK = ['postgres', 'redis', 'api', 'vllm'];
const TOP_LEVEL_KEYS = new Set(['name', 'services', 'volumes', 'networks', 'configs', 'secrets', 'include', 'version']);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
const KNOWN_ENV = new Set(Object.keys(envSchema.shape));

const hasHealthcheck = (service: ComposeService | undefined) =>
  Boolean(service?.healthcheck?.test) && !service?.healthcheck?.disable;
const profileKey = (service: ComposeService) => [...(service.profiles ?? [])].sort().join(',');

function dependencies(service: ComposeService): [string, string][] {
  const raw = service.depends_on ?? [];
  if (Array.isArray(raw)) return raw.map((name) => [name, 'service_started']);
  return Object.entries(raw).map(([name, spec]) => [name, spec?.condition ?? 'service_started']);
}

function dockerfileStages(path: string): Set<string> {
  const stages = new Set<string>();
  for (const match of readFileSync(path, 'utf8').matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim))
    stages.add(match[1].toLowerCase());
  return stages;
}

function checkBuild(name: string, service: ComposeService, baseDir: string, problems: string[]): void {
  if (!service.image && !service.build) problems.push(`service ${name}: needs image or build`);
  if (service.image && !service.image.includes(':') && !service.build)
    problems.push(`service ${name}: pin the image to a tag (${service.image})`);
  if (service.image?.endsWith(':latest')) problems.push(`service ${name}: pin the image to a version, not :latest`);
  if (!service.build) return;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = join(baseDir, build.context ?? '.');
  const dockerfile = join(context, build.dockerfile ?? 'Dockerfile');
  if (!existsSync(dockerfile)) {
    problems.push(`service ${name}: Dockerfile ${dockerfile} does not exist`);
    return;
  }
  if (build.target && !dockerfileStages(dockerfile).has(build.target.toLowerCase()))
    problems.push(`service ${name}: build target ${build.target} is no stage of ${build.dockerfile}`);
}

function checkDependencies(
  name: string,
  service: ComposeService,
  services: Record<string, ComposeService>,
  problems: string[],
): void {
  for (const [target, condition] of dependencies(service)) {
    const dependency = services[target];
    if (!dependency) {
      problems.push(`service ${name}: depends_on ${target}, which is not a service`);
      continue;
    }
    if (!CONDITIONS.has(condition)) problems.push(`service ${name}: unknown depends_on condition ${condition}`);
    if (condition === 'service_healthy' && !hasHealthcheck(dependency))
      problems.push(`service ${name}: waits for ${target} to be healthy, but ${target} has no health check`);
    // A dependency must be enabled whenever the dependent is: its profiles must be a subset.
    const mine = new Set(service.profiles ?? []);
    const theirs = dependency.profiles ?? [];
    if (theirs.length > 0 && !(mine.size > 0 && [...mine].every((p) => theirs.includes(p))))
      problems.push(`service ${name}: depends on ${target}, which is only in profile(s) ${theirs.join(', ')}`);
  }
}

function checkEnvironment(name: string, service: ComposeService, problems: string[]): void {
  if (!service.build) return; // only StepGrade's own image reads StepGrade settings
  const env = service.environment ?? {};
  const keys = Array.isArray(env) ? env.map((entry) => String(entry).split('=')[0]) : Object.keys(env);
  for (const key of keys)
    if (!KNOWN_ENV.has(key))
      problems.push(`service ${name}: environment ${key} is not a StepGrade setting (libs/config/config.schema.ts)`);
  if (!Array.isArray(env))
    for (const [key, value] of Object.entries(env))
      if (value === '' || value === null)
        problems.push(`service ${name}: ${key} is empty, which fails config validation; leave it unset`);
}

function checkNamedVolumes(
  name: string,
  service: ComposeService,
  declared: Record<string, unknown>,
  problems: string[],
): void {
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : ((volume as { source?: string }).source ?? '');
    const isPath = source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
    if (source && !isPath && !(source in declared))
      problems.push(`service ${name}: named volume ${source} is not declared under volumes`);
  }
}

function checkProfiles(services: Record<string, ComposeService>, problems: string[]): void {
  const actual: Record<string, string[]> = {};
  for (const [name, service] of Object.entries(services)) (actual[profileKey(service)] ??= []).push(name);
  for (const key of new Set([...Object.keys(INTENDED_PROFILES), ...Object.keys(actual)])) {
    const want = [...(INTENDED_PROFILES[key] ?? [])].sort().join(', ');
    const have = [...(actual[key] ?? [])].sort().join(', ');
    if (want !== have) problems.push(`profile "${key || '(default)'}" runs [${have}], intended [${want}]`);
  }
}

function checkSpecifics(services: Record<string, ComposeService>, problems: string[]): void {
  const redisCommand = JSON.stringify(services.redis?.command ?? '');
  if (services.redis && !redisCommand.includes('noeviction'))
    problems.push('service redis: must run with --maxmemory-policy noeviction (BullMQ)');
  const vllm = services.vllm;
  if (vllm) {
    const devices = vllm.deploy?.resources?.reservations?.devices ?? [];
    if (!devices.some((device) => device.capabilities?.includes('gpu')))
      problems.push('service vllm: needs a GPU device reservation');
    if (!JSON.stringify(vllm.command ?? '').includes('deepseek_r1'))
      problems.push('service vllm: must run --reasoning-parser deepseek_r1');
  }
}

/** Every structural problem in a parsed compose file; `baseDir` resolves build contexts. */
export function checkCompose(compose: ComposeFile, baseDir: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(compose))
    if (!TOP_LEVEL_KEYS.has(key) && !key.startsWith('x-')) problems.push(`unknown top-level key ${key}`);
  const services = compose.services ?? {};
  if (Object.keys(services).length === 0) return [...problems, 'no services'];
  for (const [name, service] of Object.entries(services)) {
    checkBuild(name, service, baseDir, problems);
    checkDependencies(name, service, services, problems);
    checkEnvironment(name, service, problems);
    checkNamedVolumes(name, service, compose.volumes ?? {}, problems);
  }
  for (const name of MUST_HAVE_HEALTHCHECK)
    if (services[name] && !hasHealthcheck(services[name])) problems.push(`service ${name}: needs a health check`);
  checkProfiles(services, problems);
  checkSpecifics(services, problems);
  return problems;
}

export const composeBaseDir = (composePath: string) => dirname(composePath);
