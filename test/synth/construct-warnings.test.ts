import { Construct } from 'constructs';
import { Deployment, NodeAgent, Package, PackageProps, Platform, Secret, Volume } from '../../lib';
import { renderEnvironment } from '../../lib/synth/render';
import { validateEnvironment } from '../../lib/synth/validate';
import { LITERAL_SECRET_FIX } from '../../lib/config/secret';
import { WEB } from '../support/render';

/** The findings of a package built by `build`, validated as synth validates an environment. */
function findings(build: (scope: Package) => void) {
  class App extends Package {
    static readonly metadata = { name: 'app', version: '1.0.0' };
    constructor(scope: Construct, id: string, props: PackageProps = {}) {
      super(scope, id, props);
      build(this);
    }
  }
  const platform = new Platform({ environments: { dev: { namespace: 'ns', podSecurity: 'privileged', releases: { app: { package: App } } } } });
  return validateEnvironment(renderEnvironment(platform, 'dev')).map((f) => ({ rule: f.rule, construct: f.source?.construct, message: f.message, fix: f.fix }));
}
const warningsOf = (build: (scope: Package) => void) => findings(build).filter((f) => f.rule === 'construct-warning');

describe('construct-warning', () => {
  test('each finding carries the construct\'s own fix, not the rule\'s general one', () => {
    expect(warningsOf((p) => new Secret(p, 'token', { stringData: { token: 'abc' } }))).toEqual([
      expect.objectContaining({ construct: 'app/token', message: expect.stringMatching(/^holds literal secret data/), fix: LITERAL_SECRET_FIX }),
    ]);
  });

  test('the object the construct made opts out with chartwright.dev/ignore-construct-warning and a reason', () => {
    expect(warningsOf((p) => new Secret(p, 'token', { stringData: { token: 'abc' } }).metadata.addAnnotation('chartwright.dev/ignore-construct-warning', 'a dummy token for the demo'))).toEqual([]);
    // without a reason, the opt-out does not apply (and is a finding of its own)
    const noReason = findings((p) => new Secret(p, 'token', { stringData: { token: 'abc' } }).metadata.addAnnotation('chartwright.dev/ignore-construct-warning', ''));
    expect(noReason.map((f) => f.rule)).toEqual(['construct-warning', 'ignore-annotation']);
  });

  test('an unpinned image is reported once, by rule image-tag', () => {
    const found = findings((p) => new Deployment(p, 'web', { containers: [{ ...WEB, image: 'nginx' }] }));
    expect(found.filter((f) => /"nginx"/.test(f.message)).map((f) => f.rule)).toEqual(['image-tag']);
  });

  test('a writable host path mounted through Volume.hostPath is flagged as a writable hostMounts entry is', () => {
    const volume = () => Volume.hostPath('state', '/var/lib/app');
    expect(warningsOf((p) => new Deployment(p, 'web', { containers: [{ ...WEB, mounts: [{ volume: volume(), path: '/state', readOnly: false }] }] }))).toEqual([
      { rule: 'construct-warning', construct: 'app/web', message: "containers[0].mounts[0] mounts the node's /var/lib/app writable", fix: expect.stringContaining('read-only') },
    ]);
    expect(warningsOf((p) => new Deployment(p, 'web', { containers: [{ ...WEB, mounts: [{ volume: volume(), path: '/state' }] }] }))).toEqual([]);
    expect(warningsOf((p) => new NodeAgent(p, 'agent', { containers: [WEB], hostMounts: [{ name: 'state', hostPath: '/var/lib/agent', readOnly: false }] })).map((f) => f.message)).toEqual([
      "containers[0].mounts[0] mounts the node's /var/lib/agent writable",
    ]);
  });
});
