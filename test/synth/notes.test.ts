import { Construct } from 'constructs';
import { ApiObject } from 'cdk8s';
import { Hook, Package, PackageProps, Platform, TestJob, renderEnvironment } from '../../lib';
import { Shop } from '../rollout/fixtures';

/** The notes of release `shop` (the Shop fixture: a rollout web service) with these values. */
function shopNotes(values: Record<string, unknown>, notes?: (r: any) => string): string {
  const platform = new Platform({ environments: { prod: { namespace: 'shop', releases: { shop: { package: Shop, values, notes } } } } });
  return renderEnvironment(platform, 'prod').releases[0].notes;
}

/** The lines of the Rollout section. */
const rollout = (notes: string): string[] => notes.split('## Rollout\n\n')[1]?.trim().split('\n') ?? [];

describe('release notes', () => {
  test('what was deployed and its endpoints', () => {
    const notes = shopNotes({});
    expect(notes).toMatch(/^# shop \(prod\)\n\nPackage shop 1\.0\.0, application version 1\.0\.0, in namespace `shop`\.\n/);
    expect(notes).toContain('- Deployment `shop/shop-web`\n');
    expect(notes).toContain('- Service `shop-web.shop.svc.cluster.local`: port 80 (http)\n');
    expect(notes).toContain('- Ingress `shop-web`: http://shop.example.com/\n');
    expect(shopNotes({ tlsSecret: 'shop-tls' })).toContain('- Ingress `shop-web`: https://shop.example.com/\n');
    expect(rollout(notes)).toEqual([]); // a rolling update has no stages
  });

  test("the release's own notes, given its values and objects", () => {
    const notes = shopNotes({ replicas: 6 }, (r) => `Open https://shop.example.com: ${r.values.replicas} pods, ${r.objects.length} objects, ${r.environment}/${r.namespace}/${r.name}.`);
    expect(notes).toMatch(/\n\nOpen https:\/\/shop\.example\.com: 6 pods, \d+ objects, prod\/shop\/shop\.\n\n## Deployed/);
  });

  test('a notes function that fails or returns no text is an error naming the release', () => {
    expect(() => shopNotes({}, () => { throw new Error('no host'); })).toThrow('environment "prod", release "shop": its notes function failed: no host');
    expect(() => shopNotes({}, () => undefined as any)).toThrow('environment "prod", release "shop": its notes function returned undefined, not the notes\' text');
  });

  test('blue/green, steady: the next step puts the new version on the idle colour', () => {
    expect(rollout(shopNotes({ rollout: { strategy: 'blueGreen' } }))).toEqual([
      'Blue/green (`rollout.blueGreen`): traffic on blue; both colours run 1.0.0. Stage: steady.',
      '- Next: put the new version on the idle colour: `rollout.blueGreen.green.version=<new version>` (`chartwright synth --env prod --release shop --set rollout.blueGreen.green.version=<new version>`), then smoke-test it through the preview.',
      '- Rollback: nothing to roll back.',
    ]);
  });

  test('blue/green, a new version on the idle colour: switch, and switch back to roll back', () => {
    expect(rollout(shopNotes({ rollout: { strategy: 'blueGreen', blueGreen: { activeColor: 'green', blue: { version: '1.1.0' } } } }))).toEqual([
      'Blue/green (`rollout.blueGreen`): traffic on green (1.0.0); the idle blue runs 1.1.0. Stage: ready to switch.',
      '- Next: switch traffic to blue (1.1.0): `rollout.blueGreen.activeColor=blue` (`chartwright synth --env prod --release shop --set rollout.blueGreen.activeColor=blue`).',
      '- Rollback (after switching): `rollout.blueGreen.activeColor=green` (`chartwright synth --env prod --release shop --set rollout.blueGreen.activeColor=green`) sends traffic back to 1.0.0.',
    ]);
  });

  test('canary, none running: the next step starts one', () => {
    expect(rollout(shopNotes({ rollout: { strategy: 'canary' } }))).toEqual([
      'Canary (`rollout.canary`): no canary runs; every pod runs 1.0.0. Stage: stable.',
      '- Next: start a canary: `rollout.canary.version=<new version>` (`chartwright synth --env prod --release shop --set rollout.canary.version=<new version>`) (it gets 10% of requests).',
      '- Rollback: nothing to roll back.',
    ]);
  });

  test('canary at a weight: the next weight or promote; rollback takes it out of traffic', () => {
    const lines = rollout(shopNotes({ rollout: { strategy: 'canary', canary: { version: '1.1.0', weight: 25 } } }));
    expect(lines[0]).toBe('Canary (`rollout.canary`): 1.1.0 gets 25% of requests, 1.0.0 the rest. Stage: canary at 25%.');
    expect(lines[1]).toBe(
      '- Next: `rollout.canary.weight=50` (`chartwright synth --env prod --release shop --set rollout.canary.weight=50`), or promote: `rollout.canary.promote=true` (`chartwright synth --env prod --release shop --set rollout.canary.promote=true`).',
    );
    expect(lines[2]).toBe(
      '- Rollback: `rollout.canary.weight=0` (`chartwright synth --env prod --release shop --set rollout.canary.weight=0`) takes the canary out of traffic; unset `rollout.canary.version` to remove it.',
    );
    const full = rollout(shopNotes({ rollout: { strategy: 'canary', canary: { version: '1.1.0', weight: 100, traffic: 'nginx' } } }));
    expect(full[1]).toBe('- Next: promote: `rollout.canary.promote=true` (`chartwright synth --env prod --release shop --set rollout.canary.promote=true`).');
  });

  test('canary promoted: make it the version; rollback un-promotes', () => {
    expect(rollout(shopNotes({ rollout: { strategy: 'canary', canary: { version: '1.1.0', promote: true } } }))).toEqual([
      'Canary (`rollout.canary`): promoted; every pod runs 1.1.0. Stage: promoted.',
      "- Next: make 1.1.0 the package's version and unset `rollout.canary.version` and `rollout.canary.promote`.",
      '- Rollback: `rollout.canary.promote=false` (`chartwright synth --env prod --release shop --set rollout.canary.promote=false`) brings the stable version back beside the canary.',
    ]);
  });

  test('the external objects the release needs', () => {
    class App extends Package {
      static readonly metadata = { name: 'app', version: '1.0.0' };
      constructor(scope: Construct, id: string, props: PackageProps = {}) {
        super(scope, id, props);
        new ApiObject(this, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { annotations: { 'chartwright.dev/external': 'Secret/api-key, ConfigMap/shared' } }, data: { a: '1' } });
      }
    }
    const platform = new Platform({ environments: { prod: { namespace: 'app', releases: { app: { package: App } } } } });
    const notes = renderEnvironment(platform, 'prod').releases[0].notes;
    expect(notes).toContain('## Needs from outside the output\n\n- ConfigMap `app/app-settings` uses `Secret/api-key` (must exist before it starts), `ConfigMap/shared` (must exist before it starts)\n');
  });

  test('hooks and tests, and how to run the tests', () => {
    class App extends Package {
      static readonly metadata = { name: 'app', version: '1.0.0' };
      constructor(scope: Construct, id: string, props: PackageProps = {}) {
        super(scope, id, props);
        const job = { containers: [{ image: 'app:1.0.0' }] };
        new Hook(this, 'migrate', { on: ['preUpgrade'], job });
        new TestJob(this, 'smoke', { job });
      }
    }
    const platform = new Platform({ environments: { prod: { namespace: 'app', releases: { app: { package: App } } } } });
    const notes = renderEnvironment(platform, 'prod').releases[0].notes.replace(/-[0-9a-f]{8}`/g, '-<hash>`');
    expect(notes).toContain(
      '## Hooks and tests\n\n' +
        '- Job `app/app-migrate-<hash>`: a hook (pre-upgrade), in the `pre/` stage for kubectl and Flux\n' +
        '- Job `app/app-smoke-<hash>`: a test, in the `tests/` stage for kubectl and Flux\n\n' +
        'Run the tests after a deploy: `kubectl apply --server-side -k dist/prod/tests`',
    );
    expect(notes).not.toContain('## Deployed'); // hooks and tests are not what the release deploys

    const withGitOps = (tool: 'argocd' | 'flux') =>
      renderEnvironment(new Platform({ environments: { prod: { namespace: 'app', gitops: { tool, repoURL: 'https://git.example.com/p.git' }, releases: { app: { package: App } } } } }), 'prod')
        .releases[0].notes;
    expect(withGitOps('flux')).toContain('Run the tests after a deploy: `kubectl apply --server-side -k dist/prod/releases/app/tests`');
    expect(withGitOps('argocd')).toContain('Argo CD runs the tests after each sync (PostSync hooks); a failed test fails the sync.');
  });
});
