import { Construct } from 'constructs';
import { checkInt, checkPort } from '../construct/checks';
import { Ingress } from '../networking/ingress';
import { Service } from '../networking/service';
import { PodDisruptionBudget } from '../scaling/pod-disruption-budget';
import { UserError } from '../errors';
import { WebServiceProps, webIngressProps, webTargetPort } from '../patterns/web-service';

/** What clients of a web service that runs several versions reach: the Service, its Ingress and the pods' disruption budget. */
export interface WebFront {
  readonly service: Service;
  readonly ingress?: Ingress;
  readonly disruptionBudget?: PodDisruptionBudget;
  /** The container port the Services target. */
  readonly targetPort: number | string;
}

/** Checks what a web service needs before its workloads are built: a main container with a port. */
export function checkWebContainers(scope: Construct, id: string, props: WebServiceProps): void {
  if (props.containers?.length && !props.containers[0].ports?.length) {
    throw new UserError(`${scope.node.path}/${id}: containers[0] has no ports: a web service needs the port it serves on, such as ports: [{ name: "http", port: 8080 }]`, {
      path: `${scope.node.path}/${id}`,
      field: 'containers[0].ports',
      expected: 'the port the web service serves on',
    });
  }
}

/**
 * The Service `<name>` (selecting `serviceSelector`), the Ingress `<name>` to
 * it and a PodDisruptionBudget over every pod of the web service (`selector`),
 * as WebService makes them.
 */
export function webFront(
  scope: Construct,
  props: WebServiceProps,
  ids: { name: string; component: string; selector: Record<string, string>; serviceSelector: Record<string, string>; pods: number },
): WebFront {
  checkInt(scope, 'replicas', props.replicas, { min: 0 });
  checkPort(scope, 'servicePort', props.servicePort);
  const targetPort = webTargetPort(scope, props);
  const labels = { 'app.kubernetes.io/component': ids.component };
  const service = new Service(scope, 'Service', {
    name: ids.name,
    type: props.serviceType,
    selector: ids.serviceSelector,
    labels,
    ports: [{ name: 'http', port: props.servicePort ?? 80, targetPort }],
  });
  const ingress = props.ingress ? new Ingress(scope, 'Ingress', webIngressProps(scope, props.ingress, ids.name, ids.component, service)) : undefined;
  const disruptionBudget =
    props.disruptionBudget !== false && (props.disruptionBudget !== undefined || ids.pods > 1)
      ? new PodDisruptionBudget(scope, 'DisruptionBudget', { name: ids.name, labels, selector: ids.selector, ...(props.disruptionBudget || {}) })
      : undefined;
  return { service, ingress, disruptionBudget, targetPort };
}

/**
 * A ClusterIP Service on the main one's port that selects other pods: the
 * preview Service of blue/green, the canary Service. Always ClusterIP: it is
 * for the cluster (smoke tests, the ingress controller), not for the world.
 */
export function sideService(scope: Construct, id: string, main: Service, name: string, component: string, selector: Record<string, string>, targetPort: number | string): Service {
  return new Service(scope, id, {
    name,
    selector,
    labels: { 'app.kubernetes.io/component': component },
    ports: [{ name: 'http', port: main.port().port, targetPort }],
  });
}
