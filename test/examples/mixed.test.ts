import * as path from 'path';
import { renderEnvironment } from '../../lib';
import { loadPlatform } from '../../lib/synth/load';
import { find } from '../support/render';

const DIR = path.join(__dirname, '..', '..', 'examples', 'mixed');

function statusPage(env: string): any[] {
  const platform = loadPlatform(path.join(DIR, 'platform.ts'));
  const rendered = renderEnvironment(platform, env, { values: { root: DIR, commandLine: { files: [], sets: [], releases: ['status-page'] } } });
  return rendered.releases.find((r) => r.name === 'status-page')!.objects as any[];
}

describe('mixed example: chartwright constructs over cdk8s-plus-28 ones', () => {
  const objects = statusPage('prod');
  const cache = find(objects, 'Deployment', 'status-page-cache');
  const web = find(objects, 'Deployment', 'status-page-web');

  test("chartwright's Service and NetworkPolicy select the cdk8s-plus Deployment's pods, and only the web pods may reach them", () => {
    const podLabels = cache.spec.template.metadata.labels;
    expect(find(objects, 'Service', 'status-page-cache-service').spec.selector).toEqual(cache.spec.selector.matchLabels);
    const policy = find(objects, 'NetworkPolicy', 'status-page-cache-from-web').spec;
    expect(policy.podSelector.matchLabels).toEqual(cache.spec.selector.matchLabels);
    expect(Object.entries(policy.podSelector.matchLabels).every(([k, v]) => podLabels[k] === v)).toBe(true);
    expect(policy.ingress[0].from).toEqual([{ podSelector: { matchLabels: web.spec.selector.matchLabels } }]);
  });

  test('the web pods mount the cdk8s-plus ConfigMap and restart when it changes', () => {
    const map = find(objects, 'ConfigMap');
    const volumes = web.spec.template.spec.volumes.filter((v: any) => v.configMap).map((v: any) => v.configMap.name);
    expect(volumes).toEqual([map.metadata.name, map.metadata.name]);
    expect(web.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });
});
