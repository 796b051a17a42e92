import * as fs from 'fs';
import * as path from 'path';
import { Lazy } from 'cdk8s';
import { k8s } from '../construct/k8s';
import { Construct } from 'constructs';
import { contentHash } from '../internal/hash';
import { resourceName } from '../construct/names';
import { checkDnsSubdomain, invalid, problem } from '../construct/checks';
import { ExistingSource, IConfigSource } from './source';
import { CONFIG_DATA_LIMIT, base64Bytes, configKeyProblem, formatBytes } from '../kube/config-data';
import { KubeApiObject, kubeApiObject } from '../construct/kube-api-object';
import { Resource } from '../construct/resource';

export interface ConfigMapProps {
  /** The ConfigMap's name. @default - `<release>-<construct path>` */
  readonly name?: string;
  /** Text entries, key → value. @default - none */
  readonly data?: Record<string, string>;
  /**
   * Files to read at synth time, key → path (relative to the working
   * directory). Text files go to `data`, others to `binaryData`.
   * @default - none
   */
  readonly files?: Record<string, string>;
  /**
   * Kubernetes refuses changes to the data; pods need not watch it. Change
   * the construct id (hence the name) to roll out new content.
   * @default false
   */
  readonly immutable?: boolean;
}

/** What a ConfigMap or Secret key may be, in words (see configKeyProblem). */
export const CONFIG_KEY_EXPECTED = "a key of letters, digits, '-', '_' and '.', at most 253 characters, not '.' or '..' nor starting with '..'";

/**
 * A ConfigMap from literals and files. Its keys reach containers through
 * `EnvValue.fromSource`, `envFrom` or `Volume.fromSource`, and a change of
 * content rolls the pods that read it (see `checksum/config`).
 */
export class ConfigMap extends Resource<KubeApiObject> implements IConfigSource {
  /** A ConfigMap that exists in the cluster already. */
  static fromName(name: string): IConfigSource {
    return new ExistingSource('ConfigMap', name);
  }

  override get kind(): 'ConfigMap' {
    return 'ConfigMap';
  }
  readonly name: string;
  /** The Kubernetes object. */
  readonly apiObject: KubeApiObject;
  private readonly data: Record<string, string> = {};
  private readonly binaryData: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: ConfigMapProps = {}) {
    super(scope, id);
    this.name = props.name ?? resourceName(this, 253);
    checkDnsSubdomain(this, 'name', this.name);
    for (const [key, value] of Object.entries(props.data ?? {})) this.addData(key, value);
    for (const [key, file] of Object.entries(props.files ?? {})) this.addFile(file, key);
    this.apiObject = kubeApiObject<k8s.KubeConfigMapProps>(this, 'Resource', k8s.KubeConfigMap.GVK, {
      metadata: { name: this.name },
      data: Lazy.any({ produce: () => (Object.keys(this.data).length ? this.data : undefined) }),
      binaryData: Lazy.any({ produce: () => (Object.keys(this.binaryData).length ? this.binaryData : undefined) }),
      immutable: props.immutable,
    });
    // entries may be added after construction: the size is checked when the tree is complete
    this.node.addValidation({ validate: () => this.sizeProblems() });
  }

  /** The API server refuses a ConfigMap over 1 MiB (the values, binaryData counted decoded). */
  private sizeProblems(): string[] {
    let bytes = 0;
    for (const value of Object.values(this.data)) bytes += Buffer.byteLength(value, 'utf8');
    for (const value of Object.values(this.binaryData)) bytes += base64Bytes(value);
    if (bytes <= CONFIG_DATA_LIMIT) return [];
    return [`the ConfigMap holds ${formatBytes(bytes)}, and the API server takes at most ${formatBytes(CONFIG_DATA_LIMIT)}: mount large files from a volume or an image instead`];
  }

  /** Adds a text entry. */
  addData(key: string, value: string): void {
    this.checkKey(key, 'data');
    if (typeof value !== 'string') throw invalid(this, `data["${key}"]`, value, 'a string');
    this.data[key] = value;
  }

  /** Adds a file's content; text to `data`, anything else base64 to `binaryData`. */
  addFile(file: string, key: string = path.basename(file)): void {
    this.checkKey(key, 'files');
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch (err) {
      throw problem(this, `files["${key}"]: cannot read ${JSON.stringify(file)} (${(err as NodeJS.ErrnoException).code ?? 'error'}): give a path relative to ${process.cwd()}`);
    }
    const text = content.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(content) && !text.includes('\u0000')) this.data[key] = text;
    else this.binaryData[key] = content.toString('base64');
  }

  knownKeys(): string[] {
    return [...Object.keys(this.data), ...Object.keys(this.binaryData)];
  }

  contentHash(): string {
    return contentHash({ data: this.data, binaryData: this.binaryData });
  }

  private checkKey(key: string, field: string): void {
    if (configKeyProblem(key)) throw invalid(this, `${field} key`, key, CONFIG_KEY_EXPECTED);
    if (key in this.data || key in this.binaryData) throw problem(this, `${field}: the key "${key}" is given twice`);
  }
}
