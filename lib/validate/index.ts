/**
 * Validation of Kubernetes objects: strict schema (any Kubernetes minor from
 * 1.28 to the newest bundled; the newest by default), the API
 * server's checks, duplicate objects, references across objects and
 * best-practice rules, with per-object opt-outs and severity profiles.
 */
import { Finding } from './findings';
import { InputObject, Reread, customResourceDefinitions, expandInputs, parseManifests, readInput } from './input';
import { ValidateOptions, Validation, collectCustomResourceDefinitions } from './validation';

export * from './findings';
export { RULES, PROFILES, DEFAULT_PROFILE, isProfile, rulesTable } from './rules';
export type { ProfileName, RuleInfo, Category } from './rules';
export { UnreadableInputError, readManifests, parseManifests } from './input';
export type { InputObject } from './input';
export type { NamespacePodSecurity, PodSecurityLevel } from '../kube/pod-security';
export { EXTERNAL_ANNOTATION } from './crossref';
export { kubeMinor, kubeVersions, newestKubeVersion } from './schema';
export { IGNORE_PREFIX } from './validation';
export type { ValidateOptions } from './validation';

/** Validates objects as one output; returns the findings in input order. */
export function validateObjects(inputs: readonly InputObject[], options: ValidateOptions = {}): Finding[] {
  const validation = new Validation(options, collectCustomResourceDefinitions(inputs.map((input) => input.obj)));
  for (let i = 0; i < inputs.length; i++) validation.check(inputs[i]);
  return validation.finish();
}

/**
 * Reads manifest files and folders and validates them as one output, each
 * file's objects checked and dropped before the next file is read: memory
 * grows with what the checks across objects keep (entries.ts), not with the
 * input. The CustomResourceDefinitions are read first, so that a custom
 * resource is checked against its CRD wherever the CRD is. Throws
 * UnreadableInputError when a file cannot be read.
 */
export function validateFiles(paths: readonly string[], options: ValidateOptions = {}): { files: string[]; objects: number; findings: Finding[] } {
  const files = expandInputs(paths);
  const validation = new Validation(options, collectCustomResourceDefinitions(customResourceDefinitions(files)));
  const findings: Finding[] = [];
  const reread = new Reread();
  let objects = 0;
  for (const file of files) {
    const parsed = parseManifests(file, readInput(file), { reread });
    for (const f of parsed.findings) findings.push(f);
    for (const o of parsed.objects) validation.check(o);
    objects += parsed.objects.length;
  }
  for (const f of validation.finish()) findings.push(f);
  return { files, objects, findings };
}
