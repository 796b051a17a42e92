import * as fs from 'fs';
import * as path from 'path';
import { k8s as plus } from 'cdk8s-plus-28';
import { k8s } from '../../lib/construct/k8s';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, TARGET } = require('../../scripts/k8s-types.js') as { generate(): string; TARGET: string };

/**
 * `npx tsc --noEmit` compiles this: each entry is `true` only when the copy
 * and cdk8s-plus-28's type are assignable to each other, so an object made
 * with cdk8s-plus-28's `k8s` types is taken where chartwright's signatures
 * name the copy, and the other way round.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameAsCdk8sPlus: Record<string, true> = {
  PodSpec: true as Same<k8s.PodSpec, plus.PodSpec>,
  PodTemplateSpec: true as Same<k8s.PodTemplateSpec, plus.PodTemplateSpec>,
  Container: true as Same<k8s.Container, plus.Container>,
  Volume: true as Same<k8s.Volume, plus.Volume>,
  Probe: true as Same<k8s.Probe, plus.Probe>,
  EnvVar: true as Same<k8s.EnvVar, plus.EnvVar>,
  LabelSelector: true as Same<k8s.LabelSelector, plus.LabelSelector>,
  Subject: true as Same<k8s.Subject, plus.Subject>,
  NetworkPolicyPeer: true as Same<k8s.NetworkPolicyPeer, plus.NetworkPolicyPeer>,
  KubeDeploymentProps: true as Same<k8s.KubeDeploymentProps, plus.KubeDeploymentProps>,
  IntOrString: true as Same<k8s.IntOrString, plus.IntOrString>,
  Quantity: true as Same<k8s.Quantity, plus.Quantity>,
};

describe('lib/construct/k8s-types.ts, the part of cdk8s-plus-28 k8s types lib/ uses', () => {
  test('is what scripts/k8s-types.js writes (run `npm run k8s:types` after using another k8s type)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', '..', TARGET), 'utf8')).toBe(generate());
  });

  test("its values are cdk8s-plus-28's", () => {
    expect(k8s.KubeDeployment.GVK).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(k8s.IntOrString.fromNumber(8080)).toBeInstanceOf(plus.IntOrString);
    expect(k8s.Quantity.fromString('1Gi').value).toBe('1Gi');
  });
});
