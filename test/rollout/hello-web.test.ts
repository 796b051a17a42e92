import * as path from 'path';
import { KubeObject, renderEnvironment } from '../../lib';
import { loadPlatform } from '../../lib/synth/load';
import { diffRenders } from '../support/diff';
import { find } from '../support/render';

const APPS = path.join(__dirname, '..', '..', 'apps');

/** Release "hello" of an environment of apps/main.ts, with its values files and these --set expressions, as `chartwright synth` renders it. */
function hello(env: string, ...sets: string[]): KubeObject[] {
  const platform = loadPlatform(path.join(APPS, 'main.ts'));
  const rendered = renderEnvironment(platform, env, { values: { root: APPS, commandLine: { files: [], sets, releases: ['hello'] } } });
  return rendered.releases.find((r) => r.name === 'hello')!.objects as KubeObject[];
}

describe('hello-web rollouts through values', () => {
  test('dev rolls by default; prod releases blue/green from values.prod.yaml', () => {
    expect(find(hello('dev'), 'Deployment').metadata.name).toBe('hello-server');
    expect(find(hello('dev'), 'Deployment').spec.strategy.type).toBe('RollingUpdate');
    const prod = hello('prod');
    expect(prod.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)).toEqual(['hello-server-blue', 'hello-server-green']);
    expect((find(prod, 'Service', 'hello-server') as any).spec.selector['chartwright.dev/color']).toBe('blue');
  });

  test('prod: a new version on green, then the switch, then the rollback, each a small diff', () => {
    const start = hello('prod');
    const staged = hello('prod', 'rollout.blueGreen.green.version=1.27.4-alpine');
    expect(diffRenders(start, staged).changed).toEqual({
      'Deployment/hello-server-green': [
        'metadata.labels["app.kubernetes.io/version"]',
        'spec.template.metadata.labels["app.kubernetes.io/version"]',
        'spec.template.spec.containers[0].image',
      ],
    });
    expect((find(staged, 'Deployment', 'hello-server-green') as any).spec.template.spec.containers[0].image).toBe('nginxinc/nginx-unprivileged:1.27.4-alpine');

    const switched = hello('prod', 'rollout.blueGreen.green.version=1.27.4-alpine', 'rollout.blueGreen.activeColor=green');
    expect(diffRenders(staged, switched)).toEqual({
      added: [],
      removed: [],
      changed: {
        'Service/hello-server': ['spec.selector["chartwright.dev/color"]'],
        'Service/hello-server-preview': ['spec.selector["chartwright.dev/color"]'],
      },
    });
    expect(diffRenders(switched, staged).changed).toEqual(diffRenders(staged, switched).changed);
  });

  test('prod: a preview host reaches the idle colour over TLS with the main certificate, and the switch leaves it alone', () => {
    const preview = 'rollout.blueGreen.previewHost=hello-preview.example.com';
    const before = hello('prod', preview);
    expect(diffRenders(hello('prod'), before)).toEqual({ added: ['Ingress/hello-server-preview'], removed: [], changed: {} });
    expect((find(before, 'Ingress', 'hello-server-preview') as any).spec.tls).toEqual([{ hosts: ['hello-preview.example.com'], secretName: 'hello-web-tls' }]);
    expect(Object.keys(diffRenders(before, hello('prod', preview, 'rollout.blueGreen.activeColor=green')).changed)).toEqual(['Service/hello-server', 'Service/hello-server-preview']);
  });

  test('dev: a canary by --set adds the canary Deployment and moves one pod to it', () => {
    const before = hello('dev', 'replicas=2');
    const after = hello('dev', 'replicas=2', 'rollout.strategy=canary', 'rollout.canary.version=1.27.4-alpine', 'rollout.canary.weight=50');
    const diff = diffRenders(before, after);
    expect(diff.added).toEqual(['Deployment/hello-server-stable', 'Deployment/hello-server-canary']);
    expect(diff.removed).toEqual(['Deployment/hello-server']);
    expect(diff.changed).toEqual({});
    expect((find(after, 'Deployment', 'hello-server-canary') as any).spec.replicas).toBe(1);
  });
});
