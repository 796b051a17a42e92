import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkQuantity, problem, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export interface ResourceQuotaProps {
  /** The ResourceQuota's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /**
   * Hard limits, by resource name as the API has them: `requests.cpu`,
   * `limits.memory`, `pods`, `persistentvolumeclaims`, `requests.storage`,
   * `count/deployments.apps`…; values are quantities.
   */
  readonly hard: Record<string, string>;
  /** Only objects in these scopes (`BestEffort`, `NotTerminating`…). @default - every object */
  readonly scopes?: string[];
}

/** A ResourceQuota: the most a namespace may request and hold. */
export class ResourceQuota extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: ResourceQuotaProps) {
    super(scope, id);
    checkPropNames(this, ResourceQuota, props, 'ResourceQuotaProps');
    this.name = props.name ?? resourceName(this, 253);
    const entries = Object.entries(props.hard ?? {});
    if (entries.length === 0) throw problem(this, 'hard is required: give at least one limit, such as { "requests.cpu": "4" }');
    for (const [key, value] of entries) checkQuantity(this, `hard["${key}"]`, value);
    this.apiObject = kubeApiObject<k8s.KubeResourceQuotaProps>(this, 'Resource', k8s.KubeResourceQuota.GVK, {
      metadata: { name: this.name },
      spec: { hard: Object.fromEntries(entries.map(([k, v]) => [k, k8s.Quantity.fromString(v)])), scopes: props.scopes },
    });
  }
}
