/**
 * Schemas of the custom resources the construct library makes, for when
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

const SCHEMAS: ReadonlyArray<[string, OpenApi]> = [
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
