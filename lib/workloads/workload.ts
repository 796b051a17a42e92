import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Resource } from '../construct/resource';
import { IPodSelector, LabelSelector, PodSelectorConfig } from '../networking/pod-selector';
import { componentName, resourceName, selectorLabels } from '../construct/names';
import { EXTERNAL_ANNOTATION } from '../kube/annotations';
import { checkLabels } from '../construct/checks';
import { PodProps, PodTemplateOptions, RenderedPodTemplate, renderPodTemplate } from './pod-template';
import { merge } from '../internal/merge';

/** Props every workload takes. */
export interface WorkloadProps extends PodProps {
  /** Extra labels on the workload object. @default - the package's labels and the component */
  readonly labels?: Record<string, string>;
  /** Annotations on the workload object. @default - none */
  readonly annotations?: Record<string, string>;
}

/** How a workload builds its pods, and who it is among the workloads of its package. */
export interface WorkloadOptions extends Omit<PodTemplateOptions, 'selector'> {
  /**
   * The component label, for a workload that is one part of a larger one
   * (the blue Deployment of a blue/green web service is component `web`, not `web-blue`).
   * @default - the construct path below the release
   */
  readonly component?: string;
  /** Labels added to the selector, such as `chartwright.dev/color: blue`. @default - none */
  readonly selectorLabels?: Record<string, string>;
}

/**
 * What every workload shares: its name (`<release>-<construct path>`), its
 * stable selector labels, and a pod template built by the shared container
 * spec, where the secure defaults live. A workload selects its pods
 * (`IPodSelector`): a Service or NetworkPolicy takes it as its selector.
 */
export abstract class Workload<T extends ApiObject = ApiObject> extends Resource<T> implements IPodSelector {
  /** The name of the workload object (and of its Service, if any). */
  readonly name: string;
  /** The component label: the construct path below the release. */
  readonly component: string;
  /** The labels that select the workload's pods. */
  readonly selector: Record<string, string>;
  /** The rendered pod template and what the pods use. */
  readonly pod: RenderedPodTemplate;

  protected constructor(scope: Construct, id: string, props: WorkloadProps, options: WorkloadOptions, maxNameLength = 63) {
    super(scope, id);
    this.name = resourceName(this, maxNameLength);
    const { component, selectorLabels: extra, ...podOptions } = options;
    this.component = component ?? componentName(this);
    this.selector = merge(selectorLabels(this), { 'app.kubernetes.io/component': this.component }, extra);
    checkLabels(this, 'labels', props.labels);
    checkLabels(this, 'selectorLabels', extra);
    this.pod = renderPodTemplate(this, props, merge<PodTemplateOptions>(podOptions, { selector: this.selector }));
  }

  /** The workload's pods, by their selector labels (cdk8s-plus `IPodSelector`). */
  toPodSelectorConfig(): PodSelectorConfig {
    return { labelSelector: LabelSelector.of({ matchLabels: this.selector }) };
  }

  /** Metadata of the object that owns the pods; it declares what the pods use from outside the output. */
  protected objectMetadata(props: WorkloadProps, name = this.name) {
    const external = this.pod.external.length > 0 ? { [EXTERNAL_ANNOTATION]: this.pod.external.join(', ') } : undefined;
    return {
      name,
      labels: { 'app.kubernetes.io/component': this.component, ...props.labels },
      annotations: external || props.annotations ? merge(external, props.annotations) : undefined,
    };
  }
}
