/**
 * Schemas of the custom resources the construct library makes (and the
 * Argo CD and Flux objects synth writes for GitOps), for when
 * their CustomResourceDefinition is not in the input (it is installed with
 * the controller, not with the app). They are loose: the fields the library
 * writes are type-checked, and every object below the top level keeps fields
 * it does not know, as with `x-kubernetes-preserve-unknown-fields`, so what a
 * newer version of the CRD adds passes. A CRD in the input takes precedence.
 */
import { Node, crdNode } from './schema';

type OpenApi = Record<string, unknown>;

const STRING: OpenApi = { type: 'string' };
const INTEGER: OpenApi = { type: 'integer', format: 'int32' };

/** An object that keeps unknown fields, with these known ones. */
function loose(properties: Record<string, OpenApi>, required: string[] = []): OpenApi {
  return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties, required };
}

const listOf = (items: OpenApi): OpenApi => ({ type: 'array', items });
const oneOf = (...values: string[]): OpenApi => ({ type: 'string', enum: values });

/** A custom resource: the top level is strict (apiVersion, kind, metadata and status come with it). */
function resource(spec: OpenApi): OpenApi {
  return { type: 'object', properties: { spec } };
}

/** external-secrets.io ExternalSecret (v1beta1 and v1 share these fields). */
const EXTERNAL_SECRET = resource(
  loose({
    refreshInterval: STRING,
    secretStoreRef: loose({ name: STRING, kind: oneOf('SecretStore', 'ClusterSecretStore') }),
    target: loose({
      name: STRING,
      creationPolicy: oneOf('Owner', 'Orphan', 'Merge', 'None'),
      deletionPolicy: oneOf('Delete', 'Merge', 'Retain'),
      immutable: { type: 'boolean' },
      template: loose({ type: STRING }),
    }),
    data: listOf(loose({ secretKey: STRING, remoteRef: loose({ key: STRING, property: STRING, version: STRING }, ['key']) }, ['secretKey', 'remoteRef'])),
    dataFrom: listOf(loose({})),
  }),
);

/** gateway.networking.k8s.io HTTPRoute (v1 and v1beta1 share these fields). */
const HTTP_ROUTE = resource(
  loose({
    parentRefs: listOf(loose({ group: STRING, kind: STRING, namespace: STRING, name: STRING, sectionName: STRING, port: INTEGER }, ['name'])),
    hostnames: listOf(STRING),
    rules: listOf(loose({
      matches: listOf(loose({
        path: loose({ type: oneOf('Exact', 'PathPrefix', 'RegularExpression'), value: STRING }),
        headers: listOf(loose({ type: oneOf('Exact', 'RegularExpression'), name: STRING, value: STRING }, ['name', 'value'])),
      })),
      backendRefs: listOf(loose({ group: STRING, kind: STRING, namespace: STRING, name: STRING, port: INTEGER, weight: INTEGER }, ['name'])),
    })),
  }),
);

const BOOLEAN: OpenApi = { type: 'boolean' };

/** argoproj.io Application (v1alpha1): the fields of a Git source, its destination and sync policy. */
const ARGOCD_APPLICATION = resource(
  loose(
    {
      project: STRING,
      source: loose({ repoURL: STRING, path: STRING, targetRevision: STRING, chart: STRING, directory: loose({ recurse: BOOLEAN, include: STRING, exclude: STRING }) }, ['repoURL']),
      sources: listOf(loose({ repoURL: STRING, path: STRING, targetRevision: STRING, chart: STRING, ref: STRING }, ['repoURL'])),
      destination: loose({ server: STRING, name: STRING, namespace: STRING }),
      syncPolicy: loose({
        automated: loose({ prune: BOOLEAN, selfHeal: BOOLEAN, allowEmpty: BOOLEAN, enabled: BOOLEAN }),
        syncOptions: listOf(STRING),
        retry: loose({ limit: { type: 'integer', format: 'int64' } }),
      }),
      revisionHistoryLimit: { type: 'integer', format: 'int64' },
      ignoreDifferences: listOf(loose({ group: STRING, kind: STRING, name: STRING, namespace: STRING }, ['kind'])),
    },
    ['destination', 'project'],
  ),
);

/** Flux's references to other objects by name. */
const FLUX_REFERENCE = loose({ name: STRING, namespace: STRING }, ['name']);

/** kustomize.toolkit.fluxcd.io Kustomization (v1). */
const FLUX_KUSTOMIZATION = resource(
  loose(
    {
      interval: STRING,
      retryInterval: STRING,
      timeout: STRING,
      path: STRING,
      prune: BOOLEAN,
      wait: BOOLEAN,
      force: BOOLEAN,
      suspend: BOOLEAN,
      targetNamespace: STRING,
      serviceAccountName: STRING,
      sourceRef: loose({ apiVersion: STRING, kind: oneOf('OCIRepository', 'GitRepository', 'Bucket', 'ExternalArtifact'), name: STRING, namespace: STRING }, ['kind', 'name']),
      dependsOn: listOf(FLUX_REFERENCE),
      healthChecks: listOf(loose({ apiVersion: STRING, kind: STRING, name: STRING, namespace: STRING }, ['kind', 'name'])),
    },
    ['interval', 'prune', 'sourceRef'],
  ),
);

/** source.toolkit.fluxcd.io GitRepository (v1). */
const FLUX_GIT_REPOSITORY = resource(
  loose(
    {
      url: STRING,
      interval: STRING,
      timeout: STRING,
      ref: loose({ branch: STRING, tag: STRING, semver: STRING, name: STRING, commit: STRING }),
      secretRef: FLUX_REFERENCE,
      suspend: BOOLEAN,
      ignore: STRING,
    },
    ['interval', 'url'],
  ),
);

const SCHEMAS: ReadonlyArray<[string, OpenApi]> = [
  ['argoproj.io/v1alpha1/Application', ARGOCD_APPLICATION],
  ['kustomize.toolkit.fluxcd.io/v1/Kustomization', FLUX_KUSTOMIZATION],
  ['source.toolkit.fluxcd.io/v1/GitRepository', FLUX_GIT_REPOSITORY],
  ['external-secrets.io/v1beta1/ExternalSecret', EXTERNAL_SECRET],
  ['external-secrets.io/v1/ExternalSecret', EXTERNAL_SECRET],
  ['gateway.networking.k8s.io/v1/HTTPRoute', HTTP_ROUTE],
  ['gateway.networking.k8s.io/v1beta1/HTTPRoute', HTTP_ROUTE],
];

let nodes: Map<string, Node> | undefined;

/** The schema of a custom resource the library makes, by `group/version/Kind`; undefined for others. */
export function knownResource(apiVersion: string, kind: string): Node | undefined {
  nodes ??= new Map(SCHEMAS.map(([key, schema]) => [key, crdNode(schema)]));
  return nodes.get(`${apiVersion}/${kind}`);
}
