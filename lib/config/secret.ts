import * as fs from 'fs';
import * as path from 'path';
import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { contentHash } from '../internal/hash';
import { resourceName } from '../construct/names';
import { Warnings } from '../construct/warnings';
import { checkDnsSubdomain, invalid, invalidSecret, problem, show } from '../construct/checks';
import { showSecret } from '../internal/describe';
import { UserError } from '../errors';
import { CONFIG_KEY_EXPECTED } from './config-map';
import { CONFIG_DATA_LIMIT, base64Bytes, configKeyProblem, formatBytes } from '../kube/config-data';
import { ExistingSource, IConfigSource } from './source';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

/** Well-known Secret types. */
export type SecretType =
  | 'Opaque'
  | 'kubernetes.io/tls'
  | 'kubernetes.io/dockerconfigjson'
  | 'kubernetes.io/basic-auth'
  | 'kubernetes.io/ssh-auth';

export interface SecretProps {
  /** The Secret's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** The Secret's type, which says what keys it holds. @default 'Opaque' */
  readonly type?: SecretType;
  /** Text entries, key → value. Written to the manifests: see the warning. @default - none */
  readonly stringData?: Record<string, string>;
  /** Files to read at synth time, key → path. @default - none */
  readonly files?: Record<string, string>;
  /** Forbid changes to the data once the Secret exists (a change then needs a new Secret). @default false */
  readonly immutable?: boolean;
  /**
   * Say that literal data in the manifests is intended (test fixtures, data
   * that is not really secret), which silences the warning.
   * @default false
   */
  readonly allowLiteralData?: boolean;
}

/** Keys each typed Secret must hold. */
const REQUIRED_KEYS: Partial<Record<SecretType, string[]>> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/basic-auth': ['username', 'password'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export const LITERAL_SECRET_WARNING =
  'holds literal secret data, which is written in the manifests (base64 is not encryption): ' +
  'reference an existing Secret (Secret.fromName) or an ExternalSecret instead, or set allowLiteralData: true';

/**
 * A Secret made from literals or files: opaque, TLS, docker-registry or
 * basic-auth. Literal data lands in the manifests, so each such Secret
 * records a warning; prefer `Secret.fromName()` for a Secret made outside
 * the repo, or an `ExternalSecret`.
 */
export class Secret extends Resource<KubeApiObject> implements IConfigSource {
  /** A Secret that exists in the cluster already; nothing secret lives in the repo. */
  static fromName(name: string): IConfigSource {
    return new ExistingSource('Secret', name);
  }

  /** A kubernetes.io/tls Secret from PEM text. */
  static tls(scope: Construct, id: string, props: { cert: string; key: string; name?: string; allowLiteralData?: boolean }): Secret {
    return new Secret(scope, id, { name: props.name, type: 'kubernetes.io/tls', stringData: { 'tls.crt': props.cert, 'tls.key': props.key }, allowLiteralData: props.allowLiteralData });
  }

  /** A kubernetes.io/dockerconfigjson Secret for `imagePullSecrets`. */
  static dockerRegistry(
    scope: Construct,
    id: string,
    props: { server: string; username: string; password: string; email?: string; name?: string; allowLiteralData?: boolean },
  ): Secret {
    // checked before the Secret exists: `auth` below would otherwise encode "user:undefined"
    const bad = (field: string, value: unknown, allowed: string) =>
      new UserError(`${scope.node.path}/${id}: ${field} ${field === 'password' ? showSecret(value) : show(value)} is not valid: expected ${allowed}`, {
        path: `${scope.node.path}/${id}`,
        field,
        given: field === 'password' ? undefined : value,
        expected: allowed,
      });
    if (typeof props.server !== 'string' || props.server === '') throw bad('server', props.server, 'a registry host such as "ghcr.io"');
    if (typeof props.username !== 'string') throw bad('username', props.username, 'a string');
    if (typeof props.password !== 'string') throw bad('password', props.password, 'a string');
    const auth = Buffer.from(`${props.username}:${props.password}`).toString('base64');
    const config = { auths: { [props.server]: { username: props.username, password: props.password, email: props.email, auth } } };
    return new Secret(scope, id, { name: props.name, type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': JSON.stringify(config) }, allowLiteralData: props.allowLiteralData });
  }

  /** A kubernetes.io/basic-auth Secret. */
  static basicAuth(scope: Construct, id: string, props: { username: string; password: string; name?: string; allowLiteralData?: boolean }): Secret {
    return new Secret(scope, id, { name: props.name, type: 'kubernetes.io/basic-auth', stringData: { username: props.username, password: props.password }, allowLiteralData: props.allowLiteralData });
  }

  override get kind(): 'Secret' {
    return 'Secret';
  }
  readonly name: string;
  readonly type: SecretType;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;
  private readonly data: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: SecretProps = {}) {
    super(scope, id);
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    this.type = props.type ?? 'Opaque';
    for (const [key, value] of Object.entries(props.stringData ?? {})) {
      this.checkKey(key, 'stringData');
      if (typeof value !== 'string') throw invalidSecret(this, `stringData["${key}"]`, value, 'a string');
      this.data[key] = Buffer.from(value, 'utf8').toString('base64');
    }
    for (const [key, file] of Object.entries(props.files ?? {})) {
      this.checkKey(key, 'files');
      try {
        this.data[key] = fs.readFileSync(file).toString('base64');
      } catch (err) {
        throw problem(this, `files["${key}"]: cannot read ${JSON.stringify(file)} (${(err as NodeJS.ErrnoException).code ?? 'error'}): give a path relative to ${path.resolve('.')}`);
      }
    }
    const missing = (REQUIRED_KEYS[this.type] ?? []).filter((k) => !(k in this.data));
    if (missing.length > 0) throw problem(this, `a ${this.type} Secret needs the keys ${missing.map((k) => `"${k}"`).join(', ')}`);
    if (Object.keys(this.data).length > 0 && !props.allowLiteralData) Warnings.of(this).add(LITERAL_SECRET_WARNING);
    const bytes = Object.values(this.data).reduce((n, value) => n + base64Bytes(value), 0);
    if (bytes > CONFIG_DATA_LIMIT) throw problem(this, `the Secret holds ${formatBytes(bytes)}, and the API server takes at most ${formatBytes(CONFIG_DATA_LIMIT)}`);
    this.apiObject = kubeApiObject<k8s.KubeSecretProps>(this, 'Resource', k8s.KubeSecret.GVK, {
      metadata: { name: this.name },
      type: this.type,
      data: this.data,
      immutable: props.immutable,
    });
  }

  knownKeys(): string[] {
    return Object.keys(this.data);
  }

  contentHash(): string {
    return contentHash({ type: this.type, data: this.data });
  }

  private checkKey(key: string, field: string): void {
    if (configKeyProblem(key)) throw invalid(this, `${field} key`, key, CONFIG_KEY_EXPECTED);
    if (key in this.data) throw problem(this, `${field}: the key "${key}" is given twice`);
  }
}
