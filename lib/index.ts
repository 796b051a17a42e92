/**
 * chartwright's public API: what a user of the library names. Everything else
 * under lib/ is internal and may change in any release; tests import it from
 * its own file. test/api-report.test.ts lists this surface, with signatures,
 * in api/chartwright.api.md, so a change to it shows in review.
 *
 * The standalone validation library is also `chartwright/validate`, which
 * loads without cdk8s (see docs/contributing.md, "Public API").
 *
 * @packageDocumentation
 */

// Errors
export { UserError } from './errors';
export type { UserErrorDetails, UserErrorProblem } from './errors';

// Packages, platforms, environments and releases
export { Package } from './package/package';
export type { DeepPartial, PackageClass, PackageDependency, PackageMetadata, PackageProps, ValuesInput, ValuesOf } from './package/package';
export { Platform, release } from './package/platform';
export type { EnvironmentSpec, PlatformProps, ReleaseNotesInput, ReleaseSpec, ResolvedEnvironment, ResolvedRelease } from './package/platform';
export { GITOPS_TOOLS } from './package/gitops';
export type { GitOpsSettings, GitOpsTool } from './package/gitops';
export type { CommandLineValues, ValuesSources } from './package/sources';
export type { DependencySpec, ValuesPackageClass } from './values/resolve';
export type { PathPart, Position, ValuesLayer } from './values/layers';
export type { Schema as ValuesSchema } from './values/schema';

// Synthesis: the pipeline as a function, rendering in memory, YAML
export { synthesize } from './synth/synthesize';
export type { SynthOptions, SynthResult } from './synth/synthesize';
export type { ReleaseOptions } from './synth/load';
export { Timings } from './synth/timings';
export { renderEnvironment } from './synth/render';
export type { KubeObject, RenderOptions, RenderedEnvironment, RenderedRelease } from './synth/render';
export { toYaml, toYamlStream } from './synth/yaml';

// Reviewing a change: chartwright diff
export { compareOutputs } from './review/compare';
export type { CompareOptions } from './review/compare';
export { readOutput } from './review/read-output';
export { diffOutputs, formatText as formatDiffText, formatMarkdown as formatDiffMarkdown, formatJson as formatDiffJson, RISK_LEVELS } from './diff';
export type { DiffReport, ObjectChange, FieldChange, Risk, RiskLevel, Blame, ReleaseObjects, DiffObject, TextOptions } from './diff';

// Validation (also standalone: chartwright/validate)
export { validateObjects, readManifests, parseManifests, formatFinding, RULES, PROFILES, IGNORE_PREFIX } from './validate';
export type { Finding, InputObject, ProfileName, RuleInfo, Category, Severity, Source, ValidateOptions } from './validate';
export type { Severities } from './validate/rules/rule';

// Construct runtime: raw objects, warnings
export { KubeApiObject, kubeApiObject } from './construct/kube-api-object';
export type { KubeObjectProps } from './construct/kube-api-object';
export type { SettingNaming } from './construct/setting-naming';
export { Resource } from './construct/resource';
export type { IResource } from './construct/resource';
export { Warnings, collectWarnings } from './construct/warnings';
export type { ConstructWarning } from './construct/warnings';

// Configuration
export { ConfigMap } from './config/config-map';
export type { ConfigMapProps } from './config/config-map';
export { Secret } from './config/secret';
export type { SecretProps, SecretType } from './config/secret';
export { ExternalSecret } from './config/external-secret';
export type { ExternalSecretKey, ExternalSecretProps } from './config/external-secret';
export { EnvValue } from './config/env';
export type { EnvFromSource } from './config/env';
export { configSource } from './config/source';
export type { ConfigSource, IConfigSource, IKubeConfigObject } from './config/source';

// Storage
export { Volume, EmptyDirMedium } from './storage/volume';
export type { ConfigVolumeOptions, EmptyDirOptions, HostPathType, VolumeMount } from './storage/volume';
export { PersistentVolumeClaim } from './storage/persistent-volume-claim';
export type { AccessMode, PersistentVolumeClaimProps } from './storage/persistent-volume-claim';
export { PersistentVolume } from './storage/persistent-volume';
export type { PersistentVolumeProps, PersistentVolumeSource } from './storage/persistent-volume';
export { StorageClass } from './storage/storage-class';
export type { StorageClassProps } from './storage/storage-class';

// Workloads
export { Probe } from './workloads/probe';
export type { ContainerProbes, GrpcProbeOptions, HttpProbeOptions, PortProbeOptions, ProbeKind, ProbeOptions } from './workloads/probe';
export type { ContainerPort, ContainerProps, ProbePreset, ResourceAmount, ResourceProps } from './workloads/container';
export type { NodeAffinityRule, PodAffinityRule, SchedulingProps, Toleration, TopologySpread } from './workloads/scheduling';
export type { PodProps } from './workloads/pod-template';
export { Workload } from './workloads/workload';
export type { WorkloadOptions, WorkloadProps } from './workloads/workload';
export type { DeploymentStrategyProps } from './workloads/deployment-strategy';
export type { StatefulSetStrategyProps } from './workloads/stateful-set-strategy';
export type { DaemonSetStrategyProps } from './workloads/daemon-set-strategy';
export type { JobSpecProps } from './workloads/job-spec';
export { Deployment } from './workloads/deployment';
export type { DeploymentProps } from './workloads/deployment';
export { StatefulSet } from './workloads/stateful-set';
export type { StatefulSetOptions, StatefulSetProps, VolumeClaimTemplateProps } from './workloads/stateful-set';
export { DaemonSet } from './workloads/daemon-set';
export type { DaemonSetProps } from './workloads/daemon-set';
export { Job } from './workloads/job';
export type { JobProps } from './workloads/job';
export { CronJob } from './workloads/cron-job';
export type { CronJobProps } from './workloads/cron-job';
export { BatchJob } from './workloads/batch-job';
export type { BatchJobProps } from './workloads/batch-job';
export { ScheduledJob } from './workloads/scheduled-job';
export type { ScheduledJobProps } from './workloads/scheduled-job';
export { ReplicaSet } from './workloads/replica-set';
export type { ReplicaSetProps } from './workloads/replica-set';
export { Pod } from './workloads/pod';
export type { StandalonePodProps } from './workloads/pod';

// Patterns
export { WebService } from './patterns/web-service';
export type { WebServiceAutoscalingProps, WebServiceIngressProps, WebServiceProps } from './patterns/web-service';
export { Worker } from './patterns/worker';
export type { WorkerProps } from './patterns/worker';
export { StatefulService } from './patterns/stateful-service';
export type { StatefulServiceProps, StatefulVolumeProps } from './patterns/stateful-service';
export { NodeAgent } from './patterns/node-agent';
export type { HostMount, NodeAgentProps } from './patterns/node-agent';
export { Hook, TestJob } from './patterns/hook';
export type { HookJobProps, HookOptions, HookProps, TestJobProps } from './patterns/hook';
export { HOOK_EVENTS, HOOK_DELETE_POLICIES } from './kube/hooks';
export type { HookDeletePolicy, HookEvent } from './kube/hooks';

// Rollouts
export { RolloutWebService } from './rollout/rollout-web-service';
export type { RolloutWebServiceProps } from './rollout/rollout-web-service';
export { BlueGreenWebService } from './rollout/blue-green';
export type { BlueGreenWebServiceProps, Color } from './rollout/blue-green';
export { CanaryWebService } from './rollout/canary';
export type { CanaryWebServiceProps } from './rollout/canary';
export { RolloutTrack } from './rollout/track';
export type { RolloutTrackProps } from './rollout/track';
export { HttpRoute } from './rollout/http-route';
export type { GatewayRef, HttpRouteBackend, HttpRouteProps, HttpRouteRule } from './rollout/http-route';
export { blueGreenValues, canaryValues, daemonRolloutValues, rolloutValues, statefulRolloutValues } from './rollout/values';
export type { CanaryTraffic, DaemonRolloutValues, RolloutStrategy, RolloutValues, RolloutValuesInput, StatefulRolloutValues, UpdateStrategy } from './rollout/values';
export { daemonSetStrategyProps, statefulSetStrategyProps } from './rollout/strategy-props';
export type { ImageForVersion } from './rollout/version';

// Networking
export { LabelSelector } from './networking/pod-selector';
export type { ILabelSelector, IPodSelector, NamespaceSelection, PodSelection, PodSelectorConfig } from './networking/pod-selector';
export { Service } from './networking/service';
export type { ServicePort, ServiceProps, ServiceType } from './networking/service';
export { Ingress } from './networking/ingress';
export type { IngressPath, IngressProps, IngressRule, IngressTls } from './networking/ingress';
export { NetworkPeer, NetworkPolicy } from './networking/network-policy';
export type { DefaultDenyProps, NetworkPolicyPort, NetworkPolicyProps, NetworkPolicyRule } from './networking/network-policy';

// Scaling
export { HorizontalPodAutoscaler } from './scaling/horizontal-pod-autoscaler';
export type { HorizontalPodAutoscalerProps, ScaleTarget } from './scaling/horizontal-pod-autoscaler';
export { PodDisruptionBudget } from './scaling/pod-disruption-budget';
export type { PodDisruptionBudgetProps } from './scaling/pod-disruption-budget';

// Security
export { SECURE_DEFAULTS } from './security/defaults';
export type { ContainerSecurityProps, PodSecurityProps, SeccompProfileType } from './security/defaults';
export type { PolicyRule, RuleOptions, Verb } from './security/policy-rule';
export type { BindingSubject } from './security/subject';
export { Role } from './security/role';
export type { RoleProps } from './security/role';
export { ClusterRole } from './security/cluster-role';
export type { ClusterRoleProps } from './security/cluster-role';
export { RoleBinding } from './security/role-binding';
export type { RoleBindingProps } from './security/role-binding';
export { ClusterRoleBinding } from './security/cluster-role-binding';
export type { ClusterRoleBindingProps } from './security/cluster-role-binding';
export { ServiceAccount } from './security/service-account';
export type { IServiceAccount, ServiceAccountProps } from './security/service-account';

// Cluster policy
export { Namespace } from './policy/namespace';
export type { NamespaceProps, PodSecurityLevel } from './policy/namespace';
export { ResourceQuota } from './policy/resource-quota';
export type { ResourceQuotaProps } from './policy/resource-quota';
export { LimitRange } from './policy/limit-range';
export type { LimitRangeItem, LimitRangeProps } from './policy/limit-range';
export { PriorityClass } from './policy/priority-class';
export type { PriorityClassProps } from './policy/priority-class';
