import { UserError } from '../errors';

/** The GitOps controllers synth writes deploy objects for. */
export const GITOPS_TOOLS = ['argocd', 'flux'] as const;
export type GitOpsTool = (typeof GITOPS_TOOLS)[number];

/**
 * How a GitOps controller deploys an environment's folder from the
 * repository the output is committed to: synth writes, beside the
 * manifests, the objects that tell Argo CD or Flux to (see
 * docs/deploying.md).
 */
export interface GitOpsSettings {
  /** The controller: `argocd` (an Application per release and stage) or `flux` (a GitRepository and a Kustomization per release and stage). */
  readonly tool: GitOpsTool;
  /** The URL of the Git repository the output is committed to, such as `https://github.com/acme/platform.git`. */
  readonly repoURL: string;
  /**
   * The revision to deploy: a branch (Flux's `ref.branch`, Argo CD's `targetRevision`).
   * @default 'main'
   */
  readonly revision?: string;
  /**
   * Where synth's output folder is in the repository, relative to its root.
   * @default 'dist'
   */
  readonly path?: string;
  /**
   * The namespace of the Applications, or of the GitRepository and Kustomizations.
   * @default 'argocd' for Argo CD, 'flux-system' for Flux
   */
  readonly namespace?: string;
  /**
   * Argo CD: the project of the Applications.
   * @default 'default'
   */
  readonly project?: string;
  /**
   * Argo CD: the API server of the cluster to deploy to.
   * @default 'https://kubernetes.default.svc' (the cluster Argo CD runs in)
   */
  readonly server?: string;
  /**
   * Flux: how often the source is fetched and the Kustomizations reconciled.
   * @default '5m'
   */
  readonly interval?: string;
  /**
   * Flux: how long a Kustomization may take to apply and become healthy (`timeout`).
   * @default '5m'
   */
  readonly timeout?: string;
}

const DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

/** Checks GitOps settings as given in an environment; throws UserError naming the setting. */
export function checkGitOpsSettings(where: string, settings: GitOpsSettings): void {
  if (typeof settings !== 'object' || settings === null) {
    throw new UserError(`${where}: gitops must be an object such as { tool: 'argocd', repoURL: 'https://github.com/acme/platform.git' }`);
  }
  if (!(GITOPS_TOOLS as readonly string[]).includes(settings.tool)) {
    throw new UserError(`${where}: gitops.tool ${JSON.stringify(settings.tool)} is not a GitOps controller; use ${GITOPS_TOOLS.map((t) => `'${t}'`).join(' or ')}`, {
      field: 'gitops.tool',
      given: settings.tool,
    });
  }
  if (typeof settings.repoURL !== 'string' || settings.repoURL.trim() === '') {
    throw new UserError(`${where}: gitops.repoURL is required: the Git repository the output is committed to, such as 'https://github.com/acme/platform.git'`, { field: 'gitops.repoURL' });
  }
  for (const key of ['interval', 'timeout'] as const) {
    const value = settings[key];
    if (value !== undefined && (typeof value !== 'string' || !DURATION.test(value))) {
      throw new UserError(`${where}: gitops.${key} ${JSON.stringify(value)} is not a duration such as '5m' or '1h30m'`, { field: `gitops.${key}`, given: value });
    }
  }
  if (settings.path !== undefined && (typeof settings.path !== 'string' || settings.path.startsWith('/') || settings.path.split('/').includes('..'))) {
    throw new UserError(`${where}: gitops.path ${JSON.stringify(settings.path)} must be a folder relative to the repository's root, such as 'dist'`, { field: 'gitops.path', given: settings.path });
  }
}
