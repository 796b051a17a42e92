import { z } from 'zod';
import { PERCENT } from '../kube/int-or-percent';
import { DNS1123_SUBDOMAIN } from '../kube/names';

/**
 * The rollout of a web service as package values: which strategy, and the
 * settings of each. A package puts it in its values schema,
 *
 *     const values = z.object({ ..., rollout: rolloutValues });
 *
 * and hands `this.values.rollout` to a `RolloutWebService`, so environments
 * switch strategy, move traffic and promote releases by changing values.
 *
 * It is one object with a sub-object per strategy rather than a union of
 * one object per strategy: each key keeps its default, its type and its row
 * in the generated values table, `--set` knows each key's type, and settings
 * of one strategy stay put while an environment tries another.
 */

const countOrPercent = z.union([
  z.number().int().min(0),
  z.string().regex(PERCENT, { message: 'expected a whole number of 0 or more or a percentage from "0%" to "100%", such as "25%"' }),
]);

/** What a version may be: it becomes the pods' `app.kubernetes.io/version` label, and the image tag. */
const version = z
  .string()
  .max(63)
  .regex(/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, { message: 'expected an image tag that is also a label value: letters, digits, "-", "_" and ".", such as "1.27.4-alpine"' });

/** The strategies. */
export const ROLLOUT_STRATEGIES = ['rolling', 'recreate', 'blueGreen', 'canary'] as const;
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

/** How a canary receives its share of the requests. */
export const CANARY_TRAFFIC = ['replicas', 'nginx', 'gateway'] as const;
export type CanaryTraffic = (typeof CANARY_TRAFFIC)[number];

export const blueGreenValues = z
  .object({
    activeColor: z.enum(['blue', 'green']).default('blue').describe('The colour the Service (and so the Ingress) sends traffic to. Switching it is the release, and switching back the rollback.'),
    blue: z
      .object({ version: version.optional().describe('Version (image tag) of the blue Deployment; unset: the package version.') })
      .prefault({})
      .describe('The blue Deployment.'),
    green: z
      .object({ version: version.optional().describe('Version (image tag) of the green Deployment; unset: the package version.') })
      .prefault({})
      .describe('The green Deployment.'),
    idleReplicas: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Pods of the idle colour; unset: as many as the active one (kept warm, so switching and rolling back are instant). 0 saves the pods, but then raise it again before switching.'),
    preview: z.boolean().default(true).describe('A Service `<name>-preview` that reaches the idle colour, for smoke tests before switching.'),
    previewHost: z
      .string()
      .max(253)
      .regex(DNS1123_SUBDOMAIN, { message: 'expected a lower-case host name such as "preview.example.com"' })
      .optional()
      .describe(
        'A host for an Ingress `<name>-preview` to the preview Service, to smoke-test the idle colour from outside the cluster; same class, path, annotations and TLS as the main Ingress. Unset: no preview Ingress.',
      ),
    previewTlsSecret: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, { message: 'expected a Secret name' })
      .optional()
      .describe("An existing kubernetes.io/tls Secret for previewHost; unset: the main Ingress's, which must then cover previewHost too."),
  })
  .prefault({})
  .describe('Blue/green: two Deployments side by side, traffic on one.');

export const canaryValues = z
  .object({
    version: version.optional().describe('Version (image tag) of the canary. Unset, or equal to the package version: no canary runs.'),
    weight: z.number().int().min(0).max(100).default(10).describe('Percent of requests for the canary. 0 takes it out of traffic (the rollback).'),
    traffic: z
      .enum(CANARY_TRAFFIC)
      .default('replicas')
      .describe('How requests are split: `replicas` by pod count behind one Service, `nginx` by ingress-nginx canary annotations, `gateway` by a Gateway API HTTPRoute.'),
    replicas: z.number().int().min(0).optional().describe('Canary pods with `nginx` or `gateway` traffic; unset: 1. (With `replicas` traffic the weight decides.)'),
    header: z.string().regex(/^[A-Za-z0-9-]+$/).optional().describe('A request header that routes to the canary whatever the weight (`nginx` and `gateway` traffic).'),
    headerValue: z.string().min(1).optional().describe('The header value that routes to the canary; unset with nginx: `always` routes there and `never` away.'),
    promote: z.boolean().default(false).describe('Promote: the stable Deployment takes the canary version and the canary objects go away.'),
    gateway: z
      .object({
        name: z.string().min(1).describe('The Gateway the HTTPRoute attaches to.'),
        namespace: z.string().optional().describe("The Gateway's namespace; unset: the release's."),
        sectionName: z.string().optional().describe('The Gateway listener; unset: every listener.'),
      })
      .optional()
      .describe('The Gateway, for `gateway` traffic.'),
  })
  .prefault({})
  .describe('Canary: a stable and a canary version, a share of the traffic on the canary.');

/** The `rollout` value of a package: strategy and settings. */
export const rolloutValues = z
  .object({
    strategy: z
      .enum(ROLLOUT_STRATEGIES)
      .default('rolling')
      .describe('`rolling` replaces pods a few at a time; `recreate` stops all old pods first; `blueGreen` runs two colours and switches the Service; `canary` sends a share of traffic to a new version.'),
    maxSurge: countOrPercent.default('25%').describe('Rolling updates (also of each blue/green and canary Deployment): extra pods during an update, a count or a percent (rounded up).'),
    maxUnavailable: countOrPercent.default(0).describe('Rolling updates: pods that may be missing during an update, a count or a percent (rounded down).'),
    minReadySeconds: z.number().int().min(0).optional().describe('Seconds a new pod must be ready before it counts as available; unset: 0.'),
    progressDeadlineSeconds: z.number().int().min(1).optional().describe('Seconds without progress before the rollout is reported failed; unset: 600.'),
    blueGreen: blueGreenValues,
    canary: canaryValues,
  })
  .superRefine((v, ctx) => {
    if (v.strategy !== 'recreate' && (v.maxSurge === 0 || v.maxSurge === '0%') && (v.maxUnavailable === 0 || v.maxUnavailable === '0%')) {
      ctx.addIssue({ code: 'custom', path: ['maxSurge'], message: 'maxSurge and maxUnavailable are both 0, so an update could never make progress: allow one of them, such as maxSurge: 1' });
    }
    if (v.progressDeadlineSeconds !== undefined && v.progressDeadlineSeconds <= (v.minReadySeconds ?? 0)) {
      ctx.addIssue({ code: 'custom', path: ['progressDeadlineSeconds'], message: `must be more than minReadySeconds (${v.minReadySeconds ?? 0}), or every rollout is reported failed` });
    }
    if (v.strategy !== 'canary') return;
    const c = v.canary;
    if (c.promote && c.version === undefined) {
      ctx.addIssue({ code: 'custom', path: ['canary', 'promote'], message: 'there is nothing to promote: canary.version is not set' });
    }
    if (c.traffic === 'gateway' && !c.gateway) {
      ctx.addIssue({ code: 'custom', path: ['canary', 'gateway'], message: 'gateway traffic needs the Gateway to attach to: set canary.gateway.name (and namespace if it is in another one)' });
    }
    if (c.traffic === 'replicas' && c.header !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['canary', 'header'], message: 'routing by header needs traffic nginx or gateway; with replicas traffic every pod gets requests alike' });
    }
    if (c.traffic === 'replicas' && c.replicas !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['canary', 'replicas'], message: 'with replicas traffic the weight decides the canary pods: remove canary.replicas or use traffic nginx or gateway' });
    }
    if (c.headerValue !== undefined && c.header === undefined) {
      ctx.addIssue({ code: 'custom', path: ['canary', 'headerValue'], message: 'a header value needs canary.header, the header to match' });
    }
  })
  .prefault({})
  .describe('How new versions roll out: see the Rollouts section of the README.');

/** The rollout values as the code sees them: checked, defaults applied. */
export type RolloutValues = z.output<typeof rolloutValues>;
/** The rollout values as they may be given: every field optional. */
export type RolloutValuesInput = z.input<typeof rolloutValues>;

/** Update strategies of StatefulSets and DaemonSets, as values. */
export const UPDATE_STRATEGIES = ['rollingUpdate', 'onDelete'] as const;
export type UpdateStrategy = (typeof UPDATE_STRATEGIES)[number];

/**
 * The `rollout` value of a package around a StatefulSet: how its pods are
 * replaced, and a partition for staged rollouts. A package puts it in its
 * values schema and spreads `statefulSetStrategyProps(this.values.rollout)`
 * into its `StatefulService`; the checks that involve several settings or
 * the replicas run there, naming these values' paths.
 */
export const statefulRolloutValues = z
  .object({
    strategy: z
      .enum(UPDATE_STRATEGIES)
      .default('rollingUpdate')
      .describe('`rollingUpdate` replaces pods one at a time from the highest ordinal down; `onDelete` replaces a pod only when someone deletes it.'),
    partition: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('Staged rollout: only pods with an ordinal of at least this get a new version; the others keep the old one. 0 updates every pod, `replicas` holds every pod. With `rollingUpdate` only.'),
    maxUnavailable: countOrPercent
      .optional()
      .describe('Pods that may be down at once during an update, a count or a percent; unset: one at a time. Needs the alpha MaxUnavailableStatefulSet feature gate in Kubernetes 1.28: a warning, so an error at the prod profile.'),
    minReadySeconds: z.number().int().min(0).optional().describe('Seconds a new pod must be ready before it counts as available (and the next pod is updated); unset: 0.'),
  })
  .prefault({})
  .describe('How a new version rolls out to the StatefulSet: see the Rollouts section of the README.');

/** The StatefulSet rollout values as the code sees them: checked, defaults applied. */
export type StatefulRolloutValues = z.output<typeof statefulRolloutValues>;

/**
 * The `rollout` value of a package around a DaemonSet: how the pod of each
 * node is replaced. A package puts it in its values schema and spreads
 * `daemonSetStrategyProps(this.values.rollout)` into its `NodeAgent`; the
 * checks that involve several settings run there, naming these values' paths.
 */
export const daemonRolloutValues = z
  .object({
    strategy: z
      .enum(UPDATE_STRATEGIES)
      .default('rollingUpdate')
      .describe("`rollingUpdate` replaces each node's pod in turn; `onDelete` replaces a node's pod only when someone deletes it."),
    maxUnavailable: countOrPercent
      .optional()
      .describe('Nodes whose pod may be down at once during an update, a count or a percent of the nodes; unset: 1, or 0 when maxSurge is set.'),
    maxSurge: countOrPercent
      .optional()
      .describe('Nodes that run the new pod beside the old one during an update (the node never goes without), a count or a percent; needs maxUnavailable 0 or unset. Unset: 0.'),
    minReadySeconds: z.number().int().min(0).optional().describe('Seconds a new pod must be ready before it counts as available; unset: 0.'),
  })
  .prefault({})
  .describe('How a new version rolls out to the DaemonSet: see the Rollouts section of the README.');

/** The DaemonSet rollout values as the code sees them: checked, defaults applied. */
export type DaemonRolloutValues = z.output<typeof daemonRolloutValues>;
