import { HorizontalPodAutoscaler, HorizontalPodAutoscalerProps, PodDisruptionBudget, PodDisruptionBudgetProps, WebService, Worker } from '../../lib';
import { WEB, find, render, userError } from '../support/render';

const DEPLOYMENT = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-api' };
const QUANTITY = 'a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"';

describe('HorizontalPodAutoscaler', () => {
  const hpa = (props: Partial<HorizontalPodAutoscalerProps>) => find(render((p) => new HorizontalPodAutoscaler(p, 'hpa', { target: DEPLOYMENT, maxReplicas: 5, ...props })), 'HorizontalPodAutoscaler');

  test('defaults: one to maxReplicas on 75% CPU, scaling down after 5 minutes', () => {
    const h = hpa({});
    expect(h.metadata.name).toBe('shop-hpa');
    expect(h.spec).toEqual({
      scaleTargetRef: DEPLOYMENT,
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    });
  });

  test('a memory utilization target replaces the CPU default', () => {
    expect(hpa({ memoryUtilization: 80 }).spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  test('a memory average value target, as a quantity', () => {
    expect(hpa({ memoryAverage: '400Mi' }).spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '400Mi' } } }]);
  });

  test('CPU and memory together, with a stabilization window of its own', () => {
    const h = hpa({ cpuUtilization: 60, memoryAverage: '1Gi', minReplicas: 2, scaleDownStabilizationSeconds: 0 });
    expect(h.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
    ]);
    expect(h.spec.minReplicas).toBe(2);
    expect(h.spec.behavior).toEqual({ scaleDown: { stabilizationWindowSeconds: 0 } });
  });

  test('targets a workload given as an object', () => {
    const objects = render((p) => {
      const worker = new Worker(p, 'queue', { containers: [{ image: 'q:1.0.0', liveness: false }] });
      new HorizontalPodAutoscaler(p, 'hpa', { target: worker, maxReplicas: 4 });
    });
    expect(find(objects, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-queue' });
  });

  test('a web service passes its memory target on', () => {
    const objects = render((p) => new WebService(p, 'web', { containers: [WEB], autoscaling: { maxReplicas: 6, cpuUtilization: 50, memoryUtilization: 70 } }));
    expect(find(objects, 'HorizontalPodAutoscaler').spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } },
    ]);
  });

  const build = (props: Partial<HorizontalPodAutoscalerProps>) => () => render((p) => new HorizontalPodAutoscaler(p, 'hpa', { target: DEPLOYMENT, maxReplicas: 5, ...props }));
  test.each<[string, () => unknown, string]>([
    ['minReplicas', build({ minReplicas: 0 }), 'shop/hpa: minReplicas 0 is not valid: expected a whole number of 1 or more'],
    ['maxReplicas missing', build({ maxReplicas: undefined }), 'shop/hpa: maxReplicas is required: the most replicas to scale to'],
    ['maxReplicas', build({ maxReplicas: 0 }), 'shop/hpa: maxReplicas 0 is not valid: expected a whole number of 1 or more'],
    ['maxReplicas not whole', build({ maxReplicas: 2.5 }), 'shop/hpa: maxReplicas 2.5 is not valid: expected a whole number of 1 or more'],
    ['maxReplicas below minReplicas', build({ minReplicas: 3, maxReplicas: 2 }), 'shop/hpa: maxReplicas 2 is less than minReplicas 3'],
    ['cpuUtilization', build({ cpuUtilization: 0 }), 'shop/hpa: cpuUtilization 0 is not valid: expected a whole number from 1 to 1000'],
    ['memoryUtilization', build({ memoryUtilization: 1001 }), 'shop/hpa: memoryUtilization 1001 is not valid: expected a whole number from 1 to 1000'],
    ['memoryAverage', build({ memoryAverage: '400MB' }), `shop/hpa: memoryAverage "400MB" is not valid: expected ${QUANTITY}`],
    ['both memory targets', build({ memoryUtilization: 80, memoryAverage: '400Mi' }), 'shop/hpa: set memoryUtilization or memoryAverage, not both'],
    ['scaleDownStabilizationSeconds', build({ scaleDownStabilizationSeconds: 3601 }), 'shop/hpa: scaleDownStabilizationSeconds 3601 is not valid: expected a whole number from 0 to 3600'],
    ['web service memory target', () => render((p) => new WebService(p, 'web', { containers: [WEB], autoscaling: { maxReplicas: 3, memoryUtilization: 0 } })), 'shop/web/Autoscaler: memoryUtilization 0 is not valid: expected a whole number from 1 to 1000'],
  ])('error: %s', (_, fn, message) => {
    expect(userError(fn)).toBe(message);
  });
});

describe('PodDisruptionBudget', () => {
  const pdb = (props: Partial<PodDisruptionBudgetProps>) => find(render((p) => new PodDisruptionBudget(p, 'pdb', { selector: { app: 'a' }, ...props })), 'PodDisruptionBudget');

  test('maxUnavailable 1 by default; minAvailable replaces it; the eviction policy can change', () => {
    expect(pdb({}).spec).toEqual({ selector: { matchLabels: { app: 'a' } }, maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect(pdb({ minAvailable: '50%', unhealthyPodEvictionPolicy: 'IfHealthyBudget' }).spec).toEqual({
      selector: { matchLabels: { app: 'a' } },
      minAvailable: '50%',
      unhealthyPodEvictionPolicy: 'IfHealthyBudget',
    });
    expect(pdb({ maxUnavailable: '25%' }).spec.maxUnavailable).toBe('25%');
  });

  test('selects the pods of a workload', () => {
    const objects = render((p) => {
      const worker = new Worker(p, 'queue', { containers: [{ image: 'q:1.0.0', liveness: false }] });
      new PodDisruptionBudget(p, 'pdb', { selector: worker, minAvailable: 1 });
    });
    expect(find(objects, 'PodDisruptionBudget').spec.selector.matchLabels).toEqual(find(objects, 'Deployment').spec.selector.matchLabels);
  });

  const build = (props: Partial<PodDisruptionBudgetProps>) => () => render((p) => new PodDisruptionBudget(p, 'pdb', { selector: { app: 'a' }, ...props }));
  test.each<[string, () => unknown, string]>([
    ['both', build({ minAvailable: 1, maxUnavailable: 1 }), 'shop/pdb: set minAvailable or maxUnavailable, not both'],
    ['maxUnavailable 0', build({ maxUnavailable: 0 }), 'shop/pdb: maxUnavailable 0 blocks every node drain: allow at least 1'],
    ['maxUnavailable 0%', build({ maxUnavailable: '0%' }), 'shop/pdb: maxUnavailable 0 blocks every node drain: allow at least 1'],
    ['minAvailable', build({ minAvailable: '50' }), 'shop/pdb: minAvailable "50" is not valid: expected a whole number of 0 or more, or a percentage from "0%" to "100%" such as "25%"'],
    ['maxUnavailable', build({ maxUnavailable: -1 }), 'shop/pdb: maxUnavailable -1 is not valid: expected a whole number of 0 or more, or a percentage from "0%" to "100%" such as "25%"'],
    ['unhealthyPodEvictionPolicy', build({ unhealthyPodEvictionPolicy: 'IfHealthy' as any }), 'shop/pdb: unhealthyPodEvictionPolicy "IfHealthy" is not valid: expected one of IfHealthyBudget, AlwaysAllow'],
    ['selector', build({ selector: { app: 'a b' } }), 'shop/pdb: selector["app"] "a b" is not valid: expected a label value: at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit, or empty'],
    ['web service budget', () => render((p) => new WebService(p, 'web', { containers: [WEB], disruptionBudget: { maxUnavailable: 0 } })), 'shop/web/DisruptionBudget: maxUnavailable 0 blocks every node drain: allow at least 1'],
  ])('error: %s', (_, fn, message) => {
    expect(userError(fn)).toBe(message);
  });
});
