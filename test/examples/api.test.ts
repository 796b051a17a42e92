import * as path from 'path';
import { renderEnvironment } from '../../lib';
import { loadPlatform } from '../../lib/synth/load';
import { find } from '../support/render';

const DIR = path.join(__dirname, '..', '..', 'examples', 'api');

/** Release "api" of an environment of examples/api/platform.ts, as `chartwright synth` renders it. */
function api(env: string, ...sets: string[]): any[] {
  const platform = loadPlatform(path.join(DIR, 'platform.ts'));
  const rendered = renderEnvironment(platform, env, { values: { root: DIR, commandLine: { files: [], sets, releases: ['api'] } } });
  return rendered.releases.find((r) => r.name === 'api')!.objects as any[];
}

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('api example: PostgREST and Postgres', () => {
  const objects = api('prod');

  test('only the API pods and the migration pods match the database NetworkPolicy', () => {
    const policy = find(objects, 'NetworkPolicy', 'api-postgres-allow-clients').spec;
    const allowed = policy.ingress[0].from[0].podSelector.matchLabels;
    const db = find(objects, 'StatefulSet', 'api-postgres-server').spec.template.metadata.labels;
    expect(matches(policy.podSelector.matchLabels, db)).toBe(true);
    const pods = objects.filter((o) => o.spec?.template?.metadata?.labels).map((o) => [`${o.kind}/${o.metadata.name}`, matches(allowed, o.spec.template.metadata.labels)]);
    expect(pods.filter(([, ok]) => ok).map(([name]) => (name as string).replace(/-[0-9a-f]{8}$/, '-<hash>')).sort()).toEqual(['Deployment/api-api', 'Job/api-migrate-<hash>']);
  });

  test('the credentials come from an ExternalSecret that the API, the migration and Postgres read', () => {
    const secret = find(objects, 'ExternalSecret');
    expect(secret.spec.data).toEqual([{ secretKey: 'password', remoteRef: { key: 'prod/api/postgres' } }]);
    const refs = objects
      .flatMap((o) => o.spec?.template?.spec?.containers ?? [])
      .flatMap((c: any) => c.env ?? [])
      .filter((e: any) => e.valueFrom?.secretKeyRef)
      .map((e: any) => e.valueFrom.secretKeyRef.name);
    expect(new Set(refs)).toEqual(new Set([secret.spec.target?.name ?? secret.metadata.name]));
    expect(refs).toHaveLength(3);
  });

  test('the migration is a post-install and post-upgrade hook; an HPA and a PDB guard the API', () => {
    const job = find(objects, 'Job');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(find(objects, 'HorizontalPodAutoscaler').spec).toMatchObject({ minReplicas: 3, maxReplicas: 20, scaleTargetRef: { name: 'api-api' } });
    expect(find(objects, 'PodDisruptionBudget', 'api-api')).toBeDefined();
  });
});
