import { validateObjects } from '../../lib/validate';

/**
 * Label selector expressions and NetworkPolicy ports and address blocks, as
 * the API server checks them (test/fixtures/apiserver-corpus/selectors and
 * network-policy, checked against a real server).
 */
function errors(obj: object): string[][] {
  return validateObjects([{ obj, source: {} }])
    .filter((f) => f.severity === 'error' && !f.rule.endsWith('-selector') && f.rule !== 'selector-match')
    .map((f) => [f.rule, f.path, f.message]);
}

const deployment = (matchExpressions: object[]) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' }, matchExpressions }, template: { metadata: { labels: { app: 'web', tier: 'a' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3' }] } } },
});
const policy = (spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: {}, ...spec } });

test('In with values and Exists without pass', () => {
  expect(errors(deployment([{ key: 'tier', operator: 'In', values: ['a'] }, { key: 'app', operator: 'Exists' }]))).toEqual([]);
});

test('In without values, Exists with values', () => {
  expect(errors(deployment([{ key: 'tier', operator: 'In', values: [] }, { key: 'app', operator: 'Exists', values: ['web'] }]))).toEqual([
    ['schema-required', 'spec.selector.matchExpressions[0].values', 'operator In needs at least one value'],
    ['schema-unknown-field', 'spec.selector.matchExpressions[1].values', 'operator Exists takes no values'],
  ]);
});

test('NetworkPolicy ports, port ranges and CIDRs', () => {
  expect(errors(policy({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 8080, endPort: 8090 }, { port: 'metrics' }] }] }))).toEqual([]);
  expect(errors(policy({
    ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/40', except: ['nope'] } }], ports: [{ port: 70000 }, { port: 8080, endPort: 80 }] }],
    egress: [{ to: [{ ipBlock: { cidr: '300.0.0.0/8' } }] }],
  }))).toEqual([
    ['port-range', 'spec.ingress[0].ports[0].port', 'port 70000 is out of range'],
    ['port-range', 'spec.ingress[0].ports[1].endPort', 'endPort 80 is below port 8080'],
    ['schema-format', 'spec.ingress[0].from[0].ipBlock.cidr', '"10.0.0.0/40" is not a CIDR'],
    ['schema-format', 'spec.ingress[0].from[0].ipBlock.except[0]', '"nope" is not a CIDR'],
    ['schema-format', 'spec.egress[0].to[0].ipBlock.cidr', '"300.0.0.0/8" is not a CIDR'],
  ]);
});
