import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { z } from 'zod';
import { UserError } from '../errors';
import { MANAGED_BY_LABELS } from '../kube/annotations';
import { DNS1123_LABEL } from '../kube/names';
import { PathPart, ValuesLayer } from '../values/layers';
import { DependencySpec, resolveValues } from '../values/resolve';
import { Schema } from '../values/schema';
import { objectName } from '../construct/name-parts';

const PACKAGE_SYMBOL = Symbol.for('chartwright.Package');

/** What a package says about itself: Helm's Chart.yaml. */
export interface PackageMetadata {
  /** The package name, a DNS-1123 label such as `web-service`. */
  readonly name: string;
  /** The package's own version, semantic versioning (`1.4.0`). */
  readonly version: string;
  /**
   * The version of the application the package deploys (`1.27.3`).
   * @default - no `app.kubernetes.io/version` label
   */
  readonly appVersion?: string;
  /**
   * One sentence on what the package deploys.
   * @default - none
   */
  readonly description?: string;
}

/** Every field optional, at every depth: what one values layer may set. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T;

/** A package's values as its code sees them: the schema's output type, or the plain type given. */
export type ValuesOf<S> = S extends Schema ? z.output<S> : S;

/** What may be given as a package's values: any part of the schema's input. */
export type ValuesInput<S> = DeepPartial<S extends Schema ? z.input<S> : S> & { global?: Record<string, unknown> };

/**
 * The dependencies of a package as its code sees them, by key, each typed as
 * its own package class's instance: `D` is the type of the class's static
 * `dependencies`. A dependency with a `condition` may be switched off, so it
 * may be missing; one without is always there. Without `D` (a package that
 * does not say), every key is a `Package<any>`.
 */
export type DependencyPackages<D> = string extends keyof D
  ? Readonly<Record<string, Package<any>>>
  : { readonly [K in keyof D as D[K] extends { readonly condition: string } ? never : K]: DependencyInstance<D[K]> } & {
      readonly [K in keyof D as D[K] extends { readonly condition: string } ? K : never]?: DependencyInstance<D[K]>;
    };

/** The instance type of one dependency's package class (`Package<any>` when the class does not say). */
export type DependencyInstance<T> = T extends { readonly package: abstract new (...args: any[]) => infer P } ? P : Package<any>;

/** Options every package takes. */
export interface PackageProps<out S = Record<string, unknown>> {
  /**
   * Values, merged over the package's defaults and over `valuesLayers`.
   * @default - the package's defaults
   */
  readonly values?: ValuesInput<S>;
  /**
   * Values as layers, lowest first, each with its source, so that an
   * invalid value is reported with the file, line and column it came from.
   * Synth passes the layers of a release here.
   * @default - none
   */
  readonly valuesLayers?: readonly ValuesLayer[];
  /**
   * The namespace of every namespaced object the package makes.
   * @default - the enclosing package's namespace; none (the default namespace) at the top
   */
  readonly namespace?: string;
  /**
   * Extra labels for every object the package makes.
   * @default - only the recommended labels
   */
  readonly labels?: Record<string, string>;
}

// The variance annotations (`in out S` here, `out S` on PackageProps and Package) spare every
// project that releases a package TypeScript's measuring them through Package's whole cdk8s
// Chart, a third of the init project's check (docs/performance.md, "Type-checking a project").
/** A package class: what a release names and what a platform team publishes. */
export interface PackageClass<in out S = any> {
  new (scope: Construct, id: string, props?: PackageProps<S>): Package<S>;
  /** The package's metadata. */
  readonly metadata: PackageMetadata;
  /**
   * The values schema: a zod object schema with a default, constraints and a
   * description per field. Without one, values are taken as given.
   * @default - no schema: values are taken as given
   */
  readonly values?: Schema;
  /** Packages this one includes, by key (Helm's subcharts); their values live under that key. @default - none */
  readonly dependencies?: Readonly<Record<string, PackageDependency>>;
}

/** A package another package includes: Helm's subchart. */
export interface PackageDependency extends DependencySpec {
  /** The package class to include. */
  readonly package: PackageClass;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function checkMetadata(cls: Function, metadata: PackageMetadata | undefined): PackageMetadata {
  const where = `package class ${cls.name || '(anonymous)'}`;
  if (!metadata || typeof metadata !== 'object') {
    throw new UserError(`${where} has no static "metadata": add \`static readonly metadata = { name: 'my-app', version: '1.0.0' }\``);
  }
  if (typeof metadata.name !== 'string' || !DNS1123_LABEL.test(metadata.name) || metadata.name.length > 53) {
    throw new UserError(`${where}: metadata.name ${JSON.stringify(metadata.name)} is not a valid package name: use lower-case letters, digits and '-', at most 53 characters, such as "web-service"`);
  }
  if (typeof metadata.version !== 'string' || !SEMVER.test(metadata.version)) {
    throw new UserError(`${where}: metadata.version ${JSON.stringify(metadata.version)} is not a semantic version such as "1.0.0"`);
  }
  return metadata;
}

/** Turns a version into a valid label value (Helm replaces '+' the same way). */
function labelValue(version: string): string {
  return version.replace(/\+/g, '_').replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/**
 * A package: what Helm calls a chart. The unit a team versions, shares on npm
 * and configures through its values.
 *
 * Subclass it, give the class a static `metadata`, and build the package's
 * objects in the constructor after `super()`. A release of the package is an
 * instance whose id is the release name; a package built inside another
 * package is a dependency (Helm's subchart).
 *
 * Objects are named `<release>-<path>` after their construct path, without
 * hash suffixes: a `Deployment` with id `server` in release `web` is `web-server`.
 */
export abstract class Package<out S = Record<string, unknown>, D = Record<string, PackageDependency>> extends Chart {
  /** Whether `x` is a package (works across copies of this library). */
  static isPackage(x: unknown): x is Package {
    return typeof x === 'object' && x !== null && PACKAGE_SYMBOL in x;
  }

  /** The package's metadata, from the class's static `metadata`. */
  readonly metadata: PackageMetadata;
  /** The values this package was built with: validated, defaults applied. */
  readonly values: ValuesOf<S>;
  /** Helm's `global`: values every package of the release sees. */
  readonly global: Record<string, unknown>;
  /**
   * The dependencies that are switched on, by key. Give the class's static
   * `dependencies` type as the second type argument
   * (`extends Package<typeof values, typeof dependencies>`) and each is typed
   * as its own package, so reading its values or constructs is checked.
   */
  readonly dependencies: DependencyPackages<D>;
  /** The release this package belongs to: the id of the outermost package. */
  readonly releaseName: string;
  /** Where this package's values sit in the release's values: [] for the release, the key path for a dependency. */
  readonly valuesPath: readonly PathPart[];

  constructor(scope: Construct, id: string, props: PackageProps<S> = {}) {
    const cls = new.target as unknown as PackageClass<S>;
    const metadata = checkMetadata(cls, cls.metadata);
    const parent = Package.enclosing(scope);
    const releaseName = parent ? parent.releaseName : id;
    const labels: Record<string, string> = {
      'app.kubernetes.io/name': metadata.name,
      'app.kubernetes.io/instance': releaseName,
      ...(metadata.appVersion ? { 'app.kubernetes.io/version': labelValue(metadata.appVersion) } : {}),
      ...MANAGED_BY_LABELS,
      'chartwright.dev/package': labelValue(`${metadata.name}-${metadata.version}`),
      ...parentLabels(parent),
      ...props.labels,
    };
    super(scope, id, {
      namespace: props.namespace ?? parent?.namespace,
      labels,
      disableResourceNameHashes: true,
    });
    Object.defineProperty(this, PACKAGE_SYMBOL, { value: true });
    this.metadata = metadata;
    this.releaseName = releaseName;
    this.valuesPath = parent ? [...parent.valuesPath, id] : [];
    const layers = [...(props.values ? [{ source: `values given to ${this.node.path}`, data: props.values as Record<string, unknown> }] : [])];
    const resolved = resolveValues(cls, [...(props.valuesLayers ?? []), ...layers], this.valuesPath);
    this.values = resolved.values as ValuesOf<S>;
    this.global = resolved.global;
    const dependencies: Record<string, Package<any>> = {};
    for (const dep of resolved.dependencies) {
      const Dependency = (dep.spec as PackageDependency).package;
      dependencies[dep.key] = new Dependency(this, dep.key, { valuesLayers: dep.layers });
    }
    this.dependencies = dependencies as DependencyPackages<D>;
  }

  /** Objects are named after their construct path below the release: `<release>-<component>`. */
  override generateObjectName(apiObject: ApiObject): string {
    return objectName(apiObject);
  }

  private static enclosing(scope: Construct): Package | undefined {
    for (let s: Construct | undefined = scope; s; s = s.node.scope as Construct | undefined) {
      if (Package.isPackage(s)) return s;
    }
    return undefined;
  }
}

/** Labels a dependency inherits from its parent: everything but what names the package itself. */
function parentLabels(parent: Package | undefined): Record<string, string> {
  if (!parent) return {};
  const own = new Set(['app.kubernetes.io/name', 'app.kubernetes.io/version', 'chartwright.dev/package']);
  return Object.fromEntries(Object.entries(parent.labels).filter(([k]) => !own.has(k)));
}
