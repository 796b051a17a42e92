import * as path from 'path';
import { KubeObject, renderEnvironment } from '../../lib';
import { loadPlatform } from '../../lib/synth/load';
import { diffRenders } from '../support/diff';
import { find } from '../support/render';

const APPS = path.join(__dirname, '..', '..', 'apps');

/** Release "cache" of an environment of apps/main.ts with these --set expressions, as `chartwright synth` renders it. */
function cache(env: string, ...sets: string[]): KubeObject[] {
  const platform = loadPlatform(path.join(APPS, 'main.ts'));
  const rendered = renderEnvironment(platform, env, { values: { root: APPS, commandLine: { files: [], sets, releases: ['cache'] } } });
  return rendered.releases.find((r) => r.name === 'cache')!.objects as KubeObject[];
}

describe('cache: a partitioned rollout through values', () => {
  test('rollout.partition=1 holds the one Redis pod: only the partition changes', () => {
    const held = cache('prod', 'rollout.partition=1');
    expect(find(held, 'StatefulSet').spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 1 } });
    expect(diffRenders(cache('prod'), held)).toEqual({ added: [], removed: [], changed: { 'StatefulSet/cache-redis': ['spec.updateStrategy.rollingUpdate.partition'] } });
  });

  test('a new image held by the partition, then released by partition 0', () => {
    const held = cache('prod', 'rollout.partition=1', 'image=redis:7.4.2-alpine');
    const released = cache('prod', 'rollout.partition=0', 'image=redis:7.4.2-alpine');
    expect(diffRenders(held, released).changed).toEqual({ 'StatefulSet/cache-redis': ['spec.updateStrategy.rollingUpdate.partition'] });
    expect(find(held, 'StatefulSet').spec.template.spec.containers[0].image).toBe('redis:7.4.2-alpine');
  });

  test('a partition above its one replica is an error naming the value', () => {
    expect(() => cache('prod', 'rollout.partition=2')).toThrow('cache/redis: rollout.partition 2 is more than replicas 1');
  });
});
