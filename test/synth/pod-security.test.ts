import * as fs from 'fs';
import * as path from 'path';
import { makeProject, runCli } from '../support/project';

/**
 * A package whose pod breaks Pod Security `restricted` (hostPath, root, an
 * added capability) next to a Namespace made by the library's own construct:
 * admission would refuse every such pod, so synth must refuse the output.
 */
const PACKAGE = `
import { Construct } from 'constructs';
import { ApiObject } from 'cdk8s';
import { Namespace, Package, PackageProps } from '{{lib}}';

export class Agent extends Package<{ namespace?: boolean }> {
  static readonly metadata = { name: 'agent', version: '0.1.0' };
  constructor(scope: Construct, id: string, props: PackageProps<{ namespace?: boolean }> = {}) {
    super(scope, id, props);
    if (this.values.namespace) new Namespace(this, 'ns', { name: 'logs' });
    new ApiObject(this, 'agent', {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { namespace: 'logs' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: {
            securityContext: { runAsUser: 0 },
            containers: [{ name: 'agent', image: 'fluent/fluent-bit:3.2.2', securityContext: { capabilities: { add: ['NET_ADMIN'] } }, volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }] }],
            volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
          },
        },
      },
    });
  }
}
`;

const platform = (env: string) => `
import { Platform } from '{{lib}}';
import { Agent } from './agent';
export default new Platform({ environments: { dev: { ${env} } } });
`;

describe('synth applies Pod Security to every pod template', () => {
  const dirs: string[] = [];
  const project = (env: string) => {
    const dir = makeProject({ 'apps/agent.ts': PACKAGE, 'apps/main.ts': platform(env) });
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test('a restricted Namespace of the library and a pod that breaks it, in one output: synth fails under the dev profile and writes nothing', () => {
    const dir = project(`releases: { agent: { package: Agent, values: { namespace: true } } }`);
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error [pod-security] agent/agent');
    expect(result.stderr).toContain('namespace "logs" enforces Pod Security "restricted": unrestricted capabilities (container "agent" must set securityContext.capabilities.drop=["ALL"]; container "agent" must not include "NET_ADMIN" in securityContext.capabilities.add)');
    expect(result.stderr).toContain('namespace "logs" enforces Pod Security "restricted": restricted volume types (volume "varlog" uses restricted volume type "hostPath")');
    expect(result.stderr).toContain('namespace "logs" enforces Pod Security "restricted": runAsUser=0 (pod must not set runAsUser=0)');
    expect(result.stderr).not.toContain('Error:');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('the Namespaces synth writes for an environment carry its level, and are checked the same way', () => {
    const dir = project(`podSecurity: 'baseline', releases: { agent: { package: Agent } }`);
    const result = runCli(dir, ['synth']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('namespace "logs" enforces Pod Security "baseline": hostPath volumes (volume "varlog")');
    expect(result.stderr).not.toContain('"restricted"');
  });

  test('a namespace made elsewhere (createNamespaces: false) is checked against the level the environment declares', () => {
    const failing = runCli(project(`createNamespaces: false, podSecurity: 'baseline', releases: { agent: { package: Agent } }`), ['synth']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('namespace "logs" enforces Pod Security "baseline": hostPath volumes (volume "varlog")');
    const privileged = runCli(project(`createNamespaces: false, podSecurity: 'privileged', releases: { agent: { package: Agent } }`), ['synth']);
    expect(privileged.stderr).not.toContain('pod-security');
  });
});
