import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { resourceName } from '../construct/names';
import { checkOneOf, checkQuantity, problem, quantityValue, checkPropNames } from '../construct/checks';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

type Amounts = Partial<Record<'cpu' | 'memory' | 'ephemeral-storage' | 'storage', string>>;

/** Limits for one kind of object. */
export interface LimitRangeItem {
  /** The kind of object the limits apply to. @default 'Container' */
  readonly type?: 'Container' | 'Pod' | 'PersistentVolumeClaim';
  /** The limit given to containers that set none. @default - none */
  readonly default?: Amounts;
  /** The request given to containers that set none. @default - none */
  readonly defaultRequest?: Amounts;
  /** The least each object may request. @default - none */
  readonly min?: Amounts;
  /** The most each object may use. @default - none */
  readonly max?: Amounts;
}

export interface LimitRangeProps {
  /** The LimitRange's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** The limits, one item per kind of object; at least one. */
  readonly limits: LimitRangeItem[];
}

/** A LimitRange: default and bounding requests and limits in a namespace. */
export class LimitRange extends Resource<KubeApiObject> {
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;

  constructor(scope: Construct, id: string, props: LimitRangeProps) {
    super(scope, id);
    checkPropNames(this, LimitRange, props, 'LimitRangeProps');
    this.name = props.name ?? resourceName(this, 253);
    if (!props.limits?.length) throw problem(this, 'limits is required: give at least one item, such as { default: { memory: "256Mi" } }');
    const q = (field: string, a?: Amounts) => {
      if (!a) return undefined;
      return Object.fromEntries(
        Object.entries(a).map(([k, v]) => {
          checkOneOf(this, `${field} key`, k, ['cpu', 'memory', 'ephemeral-storage', 'storage']);
          checkQuantity(this, `${field}.${k}`, v);
          return [k, k8s.Quantity.fromString(v!)];
        }),
      );
    };
    const limits = props.limits.map((l, i): k8s.LimitRangeItem => {
      const f = `limits[${i}]`;
      checkOneOf(this, `${f}.type`, l.type, ['Container', 'Pod', 'PersistentVolumeClaim']);
      for (const k of Object.keys({ ...l.min, ...l.max }) as Array<keyof Amounts>) {
        const min = l.min?.[k];
        const max = l.max?.[k];
        if (min && max && quantityValue(min) > quantityValue(max)) throw problem(this, `${f}: min.${k} ${min} is more than max.${k} ${max}`);
      }
      return { type: l.type ?? 'Container', default: q(`${f}.default`, l.default), defaultRequest: q(`${f}.defaultRequest`, l.defaultRequest), min: q(`${f}.min`, l.min), max: q(`${f}.max`, l.max) };
    });
    this.apiObject = kubeApiObject<k8s.KubeLimitRangeProps>(this, 'Resource', k8s.KubeLimitRange.GVK, { metadata: { name: this.name }, spec: { limits } });
  }
}
