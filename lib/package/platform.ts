import { UserError, suggestion } from '../errors';
import { DNS1123_LABEL } from '../kube/names';
import { kubeMinor, kubeVersions } from '../validate/schema';
import { ProfileName, isProfile } from '../validate/rules';
import { POD_SECURITY_LEVELS, PodSecurityLevel, isPodSecurityLevel } from '../kube/pod-security';
import { GitOpsSettings, checkGitOpsSettings } from './gitops';
import { PackageClass, ValuesInput } from './package';
import { orderReleases } from './phases';

const PLATFORM_SYMBOL = Symbol.for('chartwright.Platform');

/** One release of a package in an environment: Helm's `helm install NAME CHART`. */
export interface ReleaseSpec<V = any> {
  /**
   * The package to release. May be left out in an environment that extends
   * another, to change only the release's namespace or values.
   * @default - the package of the same release in the base environment; required in an environment that extends none
   */
  readonly package?: PackageClass<V>;
  /**
   * The namespace of the release's objects.
   * @default - the environment's namespace
   */
  readonly namespace?: string;
  /**
   * Values for this release in this environment. In an extending
   * environment they are merged over the base environment's.
   * @default - the package defaults
   */
  readonly values?: Record<string, unknown>;
  /**
   * The folder of the release's values files, relative to the platform
   * entry's folder: `values.yaml`, then `values.<env>.yaml` for each
   * environment from the base down, each merged over the one before.
   * @default - a folder named after the release
   */
  readonly valuesDir?: string;
  /**
   * Changes to the release's rendered objects, applied in order before
   * validation (Helm's post-renderer, checked): each names one object by kind
   * and name and gives a JSON merge patch or JSON patch operations. In an
   * extending environment they come after the base environment's.
   * @default - none
   */
  readonly patches?: readonly ReleasePatch[];
  /**
   * Releases of the environment this one deploys after, beyond what its
   * package includes: a web app after the database release it migrates.
   * The environment's deploy order, its output files and its GitOps stages
   * (Argo CD sync waves, Flux `dependsOn`) follow from it.
   * @default - the release's own place in the environment's order
   */
  readonly runsAfter?: readonly string[];
  /**
   * Notes on the release, given its values and objects: how to reach it,
   * what to do next. Synth writes them, after what it finds itself (the
   * objects, endpoints, external objects and rollout stage), to
   * `dist/<env>/<release>.NOTES.md`: Helm's NOTES.txt.
   * @default - only what synth finds itself
   */
  readonly notes?: (release: ReleaseNotesInput) => string;
}

/** What a release's notes function is given. */
export interface ReleaseNotesInput {
  /** The release name. */
  readonly name: string;
  /** The environment. */
  readonly environment: string;
  /**
   * The namespace of the release's objects.
   * @default - none: the release has no namespace of its own or its environment's
   */
  readonly namespace?: string;
  /** The values the release was built with: validated, defaults applied. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The release's objects as rendered, in install order. */
  readonly objects: readonly Readonly<Record<string, any>>[];
}

/** One patch of a release's objects: `{ target: { kind: 'Deployment', name: 'web' }, merge: { spec: { paused: true } } }`. */
export interface ReleasePatch {
  /** The object to change: exactly one of the release's objects must match. */
  readonly target: PatchTarget;
  /**
   * A JSON merge patch (RFC 7386): maps merge, `null` removes a key, lists
   * and other values replace. Give this or `json`.
   * @default - no merge patch
   */
  readonly merge?: Record<string, unknown>;
  /**
   * JSON patch operations (RFC 6902) on JSON pointers such as
   * `/spec/template/spec/containers/0/args/-`. Give this or `merge`.
   * @default - no JSON patch
   */
  readonly json?: readonly JsonPatchOperation[];
}

/** Which object a patch changes. */
export interface PatchTarget {
  /** The kind, such as `Deployment`. */
  readonly kind: string;
  /** The object's name (`metadata.name`) as rendered, such as `web-server`. */
  readonly name: string;
  /** The namespace, when the name alone matches several objects. @default - any */
  readonly namespace?: string;
  /** The API version, when the kind and name alone match several objects. @default - any */
  readonly apiVersion?: string;
}

/** A JSON patch operation (RFC 6902). */
export type JsonPatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly from: string; readonly path: string };

/**
 * What a release of package class `C` may be given as values: any part of
 * its schema's input, and under each dependency's key (its static
 * `dependencies`) the same for the dependency, with `enabled` for a
 * dependency's on/off switch (its `condition`) and `null` to clear it.
 */
export type ReleaseValues<C> = C extends PackageClass<infer S> ? ValuesInput<S> & DependencyValues<C> : never;

/** The values of a package's dependencies, by key; see {@link ReleaseValues}. */
export type DependencyValues<C> = C extends { readonly dependencies: infer D }
  ? { [K in keyof D]?: (D[K] extends { readonly package: infer P } ? ReleaseValues<P> & { enabled?: boolean } : never) | null }
  : unknown;

/**
 * A release of `pkg`, with its values typed by the package's schema and its
 * dependencies' schemas:
 * `releases: { web: release(WebService, { values: { replicas: 3 } }) }`.
 */
export function release<C extends PackageClass>(pkg: C, options: Omit<ReleaseSpec, 'package' | 'values'> & { values?: ReleaseValues<C> } = {}): ReleaseSpec {
  return { ...options, package: pkg, values: options.values as Record<string, unknown> | undefined };
}

/** An environment: dev, staging, prod… */
export interface EnvironmentSpec {
  /**
   * The environment this one starts from: its releases, namespaces and
   * values, which this one adds to and overrides.
   * @default - none
   */
  readonly extends?: string;
  /**
   * A base that other environments extend but that is not synthesized itself.
   * @default false
   */
  readonly abstract?: boolean;
  /**
   * The namespace of releases that name none.
   * @default - the base environment's; none (the default namespace) at the top
   */
  readonly namespace?: string;
  /**
   * The releases, by release name (a DNS-1123 label), in the order they are
   * written out, each after the releases it `runsAfter`. `null` removes a
   * release inherited from the base.
   * @default - none besides the base's
   */
  readonly releases?: Record<string, ReleaseSpec | null>;
  /**
   * The validation profile: `dev` reports best-practice findings as
   * warnings, `prod` as errors, `strict` as errors and applies the rules
   * only it applies, such as `requests-equal-limits` (see docs/validation.md, "Profiles").
   * @default - the base environment's; 'dev' at the top
   */
  readonly profile?: ProfileName;
  /**
   * Objects made outside this platform that its objects may refer to
   * (`Secret/db-credentials`, `ConfigMap/namespace/shared`).
   * @default - the base environment's; none at the top
   */
  readonly external?: readonly string[];
  /**
   * The Kubernetes version the environment's cluster runs, such as `'1.32'`:
   * synth validates against its schema, so a field it does not have yet is
   * an error and an apiVersion a newer version removes is a finding. Any
   * minor from 1.28 to the newest bundled (`chartwright validate --help`).
   * @default - the base environment's; the newest bundled Kubernetes version at the top
   */
  readonly kubeVersion?: string;
  /**
   * Whether synth writes a Namespace object for each namespace the releases
   * use (`namespaces.yaml`, applied first), so `kubectl apply -k` works on an
   * empty cluster. `false` when the namespaces are made elsewhere. Namespaces
   * that a release makes itself, and `default`, `kube-system`, `kube-public`
   * and `kube-node-lease`, are never written.
   * @default - the base environment's; true at the top
   */
  readonly createNamespaces?: boolean;
  /**
   * The Pod Security Admission level (`pod-security.kubernetes.io/enforce`
   * and `warn`) of the Namespace objects synth writes: `restricted` is what
   * the library's secure defaults meet; `baseline` or `privileged` for
   * node agents that need host access. With `createNamespaces: false`, the
   * level the namespaces made elsewhere enforce. Validation checks every pod
   * against it (rule `pod-security`): a pod that breaks it is an error.
   * @default - the base environment's; 'restricted' at the top
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * A GitOps controller that deploys the environment's folder: synth then
   * writes, under `dist/<env>/argocd/` or `dist/<env>/flux/`, the objects that
   * tell it to (Argo CD Applications; a Flux GitRepository and
   * Kustomizations), in stages from the environment's order, and the
   * releases in folders of their own (see docs/deploying.md).
   * @default - the base environment's; none at the top
   */
  readonly gitops?: GitOpsSettings;
}

export interface PlatformProps {
  /** The environments, by name (a DNS-1123 label). */
  readonly environments: Record<string, EnvironmentSpec>;
}

/** A release with its environment's inheritance resolved. */
export interface ResolvedRelease {
  readonly name: string;
  readonly package: PackageClass;
  readonly namespace?: string;
  /** The folder of the release's values files, relative to the platform entry's folder. */
  readonly valuesDir: string;
  /** The values environments give the release, base first. */
  readonly values: readonly { readonly environment: string; readonly data: Record<string, unknown> }[];
  /** The patches environments give the release, base first. */
  readonly patches: readonly { readonly environment: string; readonly patch: ReleasePatch }[];
  /** The releases this one deploys after. */
  readonly runsAfter: readonly string[];
  /** The release's notes function, if it has one. */
  readonly notes?: (release: ReleaseNotesInput) => string;
}

/** An environment with its inheritance resolved. */
export interface ResolvedEnvironment {
  readonly name: string;
  /** The environment and its bases, base first. */
  readonly chain: readonly string[];
  readonly releases: readonly ResolvedRelease[];
  /** The validation profile, inherited from the base if not set. */
  readonly profile?: ProfileName;
  /** Objects made outside the platform, inherited from the base if not set. */
  readonly external?: readonly string[];
  /** The Kubernetes minor to validate against (such as "1.32"), inherited from the base if not set; undefined: the newest bundled. */
  readonly kubeVersion?: string;
  /** Whether synth writes the Namespace objects of the releases' namespaces. */
  readonly createNamespaces: boolean;
  /** The Pod Security Admission level of those Namespace objects. */
  readonly podSecurity: PodSecurityLevel;
  /** The GitOps controller that deploys the environment, if any. */
  readonly gitops?: GitOpsSettings;
}

/**
 * The platform: every environment and the releases in it. The entry file
 * (`apps/main.ts`) exports one as its default export.
 */
export class Platform {
  /** Whether `x` is a platform (works across copies of this library). */
  static isPlatform(x: unknown): x is Platform {
    return typeof x === 'object' && x !== null && PLATFORM_SYMBOL in x;
  }

  private readonly specs: Record<string, EnvironmentSpec>;

  constructor(props: PlatformProps) {
    Object.defineProperty(this, PLATFORM_SYMBOL, { value: true });
    if (!props || typeof props.environments !== 'object' || props.environments === null) {
      throw new UserError('new Platform(): "environments" is required, such as { environments: { dev: { releases: {...} } } }');
    }
    checkKeys('new Platform()', props, PLATFORM_KEYS);
    this.specs = props.environments;
    for (const [name, spec] of Object.entries(this.specs)) {
      checkName(`environment "${name}"`, name);
      checkKeys(`environment "${name}"`, spec, ENVIRONMENT_KEYS);
      if (spec.extends !== undefined && !(spec.extends in this.specs)) {
        throw new UserError(`environment "${name}" extends "${spec.extends}", which is not an environment${suggestion(spec.extends, Object.keys(this.specs))}`);
      }
      for (const [release, releaseSpec] of Object.entries(spec.releases ?? {})) {
        checkName(`environment "${name}": release "${release}"`, release);
        if (releaseSpec === null) continue;
        checkKeys(`environment "${name}": release "${release}"`, releaseSpec, RELEASE_KEYS);
        (releaseSpec.patches ?? []).forEach((patch, i) => {
          checkKeys(`environment "${name}": release "${release}": patches[${i}]`, patch, PATCH_KEYS);
          if (patch.target) checkKeys(`environment "${name}": release "${release}": patches[${i}].target`, patch.target, TARGET_KEYS);
        });
      }
      if (spec.profile !== undefined && (typeof spec.profile !== 'string' || !isProfile(spec.profile))) {
        throw new UserError(`environment "${name}": profile "${String(spec.profile)}" is not a validation profile; use 'dev', 'prod' or 'strict'`);
      }
      if (spec.kubeVersion !== undefined && (typeof spec.kubeVersion !== 'string' || kubeMinor(spec.kubeVersion) === undefined)) {
        throw new UserError(`environment "${name}": kubeVersion ${JSON.stringify(spec.kubeVersion)} is not a Kubernetes version validation knows; use one of ${kubeVersions().map((v) => `'${v}'`).join(', ')}`);
      }
      if (spec.podSecurity !== undefined && !isPodSecurityLevel(spec.podSecurity)) {
        throw new UserError(
          `environment "${name}": podSecurity "${String(spec.podSecurity)}" is not a Pod Security level; use ${POD_SECURITY_LEVELS.map((l) => `'${l}'`).join(', ')}`,
        );
      }
      if (spec.createNamespaces !== undefined && typeof spec.createNamespaces !== 'boolean') {
        throw new UserError(`environment "${name}": createNamespaces must be true or false, not ${JSON.stringify(spec.createNamespaces)}`);
      }
      if (spec.gitops !== undefined) checkGitOpsSettings(`environment "${name}"`, spec.gitops);
      for (const [release, releaseSpec] of Object.entries(spec.releases ?? {})) {
        if (releaseSpec?.runsAfter !== undefined && (!Array.isArray(releaseSpec.runsAfter) || releaseSpec.runsAfter.some((r) => typeof r !== 'string'))) {
          throw new UserError(`environment "${name}": release "${release}": runsAfter must be a list of release names, such as ['database']`, { field: 'runsAfter', given: releaseSpec.runsAfter });
        }
        if (releaseSpec?.notes !== undefined && typeof releaseSpec.notes !== 'function') {
          throw new UserError(`environment "${name}": release "${release}": notes must be a function of the release, such as (release) => \`Open https://...\``, { field: 'notes' });
        }
      }
      this.chain(name); // rejects cycles early
    }
    if (this.environmentNames().length === 0) {
      throw new UserError('new Platform(): no environment to synthesize: declare at least one environment that is not abstract');
    }
  }

  /** The environments that are synthesized, in declaration order. */
  environmentNames(): string[] {
    return Object.entries(this.specs)
      .filter(([, spec]) => !spec.abstract)
      .map(([name]) => name);
  }

  /** The environments that are bases only (`abstract`), in declaration order. */
  abstractEnvironmentNames(): string[] {
    return Object.entries(this.specs)
      .filter(([, spec]) => spec.abstract)
      .map(([name]) => name);
  }

  /** An environment with what it inherits resolved. */
  environment(name: string): ResolvedEnvironment {
    if (!(name in this.specs) || this.specs[name].abstract) {
      const known = this.environmentNames();
      throw new UserError(`no environment "${name}"${suggestion(name, known)}; the environments are: ${known.join(', ')}`);
    }
    const merged = new Map<
      string,
      {
        package?: PackageClass;
        namespace?: string;
        valuesDir?: string;
        values: ResolvedRelease['values'];
        patches: ResolvedRelease['patches'];
        runsAfter?: readonly string[];
        notes?: ReleaseSpec['notes'];
      }
    >();
    let envNamespace: string | undefined;
    let profile: ProfileName | undefined;
    let external: readonly string[] | undefined;
    let kubeVersion: string | undefined;
    let createNamespaces = true;
    let podSecurity: PodSecurityLevel = 'restricted';
    let gitops: GitOpsSettings | undefined;
    const chain = this.chain(name);
    for (const envName of chain) {
      const spec = this.specs[envName];
      envNamespace = spec.namespace ?? envNamespace;
      profile = spec.profile ?? profile;
      external = spec.external ?? external;
      kubeVersion = spec.kubeVersion !== undefined ? kubeMinor(spec.kubeVersion) : kubeVersion;
      createNamespaces = spec.createNamespaces ?? createNamespaces;
      podSecurity = spec.podSecurity ?? podSecurity;
      gitops = spec.gitops ?? gitops;
      for (const [releaseName, release] of Object.entries(spec.releases ?? {})) {
        if (release === null) {
          merged.delete(releaseName);
          continue;
        }
        const entry = merged.get(releaseName) ?? { values: [], patches: [] };
        merged.set(releaseName, {
          package: release.package ?? entry.package,
          namespace: release.namespace ?? entry.namespace,
          valuesDir: release.valuesDir ?? entry.valuesDir,
          values: release.values ? [...entry.values, { environment: envName, data: release.values }] : entry.values,
          patches: [...entry.patches, ...(release.patches ?? []).map((patch) => ({ environment: envName, patch }))],
          runsAfter: release.runsAfter ?? entry.runsAfter,
          notes: release.notes ?? entry.notes,
        });
      }
    }
    const releases = [...merged].map(([releaseName, entry]): ResolvedRelease => {
      if (!entry.package) {
        throw new UserError(`environment "${name}": release "${releaseName}" names no package: set "package" where the release is first declared`);
      }
      return {
        name: releaseName,
        package: entry.package,
        namespace: entry.namespace ?? envNamespace,
        valuesDir: entry.valuesDir ?? releaseName,
        values: entry.values,
        patches: entry.patches,
        runsAfter: entry.runsAfter ?? [],
        notes: entry.notes,
      };
    });
    return { name, chain, releases: orderReleases(name, releases), profile, external, kubeVersion, createNamespaces, podSecurity, gitops };
  }

  /** The environment and its bases, base first. */
  private chain(name: string): string[] {
    const chain: string[] = [];
    for (let current: string | undefined = name; current !== undefined; current = this.specs[current].extends) {
      if (chain.includes(current)) {
        throw new UserError(`environment "${name}": "extends" forms a cycle: ${[...chain, current].join(' → ')}`);
      }
      chain.push(current);
    }
    return chain.reverse();
  }
}

/*
 * The keys of each part of the platform spec, typed so the compiler keeps
 * them complete: a misspelled key (`extend: 'dev'`) is an error at run time
 * too, where it would otherwise be ignored.
 */
const PLATFORM_KEYS: Record<keyof PlatformProps, true> = { environments: true };
const ENVIRONMENT_KEYS: Record<keyof EnvironmentSpec, true> = {
  extends: true,
  abstract: true,
  namespace: true,
  releases: true,
  profile: true,
  external: true,
  createNamespaces: true,
  podSecurity: true,
  gitops: true,
  kubeVersion: true,
};
const RELEASE_KEYS: Record<keyof ReleaseSpec, true> = { package: true, namespace: true, values: true, valuesDir: true, patches: true, runsAfter: true, notes: true };

const PATCH_KEYS: Record<keyof ReleasePatch, true> = { target: true, merge: true, json: true };
const TARGET_KEYS: Record<keyof PatchTarget, true> = { kind: true, name: true, namespace: true, apiVersion: true };

/** Throws for a key `spec` has that `known` does not, with the closest known key. */
function checkKeys(what: string, spec: object, known: Record<string, true>): void {
  for (const key of Object.keys(spec)) {
    if (key in known || (spec as Record<string, unknown>)[key] === undefined) continue;
    const names = Object.keys(known);
    const hint = suggestion(key, names);
    throw new UserError(`${what}: unknown key "${key}"${hint || `; the keys are: ${names.join(', ')}`}`, { field: key, expected: `one of ${names.join(', ')}` });
  }
}

function checkName(what: string, name: string): void {
  if (!DNS1123_LABEL.test(name) || name.length > 63) {
    throw new UserError(`${what}: the name is not a DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`);
  }
}
