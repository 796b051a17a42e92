import { Construct } from 'constructs';
import { ConfigMap, RolloutWebService, RolloutWebServiceProps, WebService, WebServiceProps } from '../../lib';
import { find, render, userError } from '../support/render';

const containers = [{ image: 'web:1.0.0', ports: [{ name: 'http', port: 8080 }] }];

describe('a prop the construct does not have is an error, with the closest prop', () => {
  test('replica for replicas in a RolloutWebService (the compiler says TS2561; synth ran on with 2 replicas)', () => {
    const props = { containers, replica: 4 } as unknown as RolloutWebServiceProps;
    expect(userError(() => render((p) => new RolloutWebService(p, 'web', props)))).toBe('shop/web: unknown prop "replica" (did you mean "replicas"?)');
  });

  test('a prop spread in from another object, which the compiler does not check', () => {
    const fromValues = { replicas: 3, healthcheckpath: '/healthz' };
    expect(userError(() => render((p) => new WebService(p, 'web', { containers, ...fromValues })))).toBe(
      'shop/web: unknown prop "healthcheckpath" (did you mean "healthCheckPath"?)',
    );
  });

  test('without a close prop, the message lists the props', () => {
    const props = { data: { a: '1' }, colour: 'blue' } as object;
    expect(userError(() => render((p) => new ConfigMap(p, 'settings', props)))).toBe('shop/settings: unknown prop "colour"; the props of ConfigMapProps are: name, data, files, immutable');
  });

  test('a prop set to undefined passes, as the compiler lets it', () => {
    const props = { containers, replicas: 3, legacy: undefined } as unknown as WebServiceProps;
    expect(find(render((p) => new WebService(p, 'web', props)), 'Deployment').spec.replicas).toBe(3);
  });

  test("a subclass's own props, passed on to super(), are the subclass's business", () => {
    interface TeamWebProps extends WebServiceProps {
      readonly team: string;
    }
    class TeamWeb extends WebService {
      constructor(scope: Construct, id: string, props: TeamWebProps) {
        super(scope, id, props);
        this.metadata.addLabel('team', props.team);
      }
    }
    expect(find(render((p) => new TeamWeb(p, 'web', { containers, team: 'shop' })), 'Deployment').metadata.labels.team).toBe('shop');
  });

  test('blue/green and canary pass on only the props of their tracks', () => {
    for (const strategy of ['blueGreen', 'canary'] as const) {
      const objects = render((p) => new RolloutWebService(p, 'web', { containers, rollout: { strategy } }));
      expect(objects.filter((o) => o.kind === 'Deployment').length).toBeGreaterThan(0);
    }
  });
});
