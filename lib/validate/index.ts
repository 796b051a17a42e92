/**
 * Validation of Kubernetes objects: strict schema (any Kubernetes minor from
 * 1.28 to the newest bundled; the newest by default), the API
 * server's checks, duplicate objects, references across objects and
 * best-practice rules, with per-object opt-outs and severity profiles.
 */
import { Finding } from './findings';
import { InputObject } from './input';
import { isRecord } from './objects';
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
  const objects = inputs.map((input) => input.obj);
  const validation = new Validation(options, collectCustomResourceDefinitions(objects), objects.some((obj) => isRecord(obj) && obj.kind === 'Namespace'));
  for (let i = 0; i < inputs.length; i++) validation.check(inputs[i]);
  return validation.finish();
}
