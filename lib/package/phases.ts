import { UserError, suggestion } from '../errors';

/** A release as the order of an environment sees it: its name and those it runs after. */
export interface OrderedRelease {
  readonly name: string;
  readonly runsAfter: readonly string[];
}

/**
 * The releases of an environment in deploy order: each after the releases
 * it runs after, otherwise in the order they are declared (a stable
 * topological sort). Throws UserError on an unknown release or a cycle.
 */
export function orderReleases<R extends OrderedRelease>(environment: string, releases: readonly R[]): R[] {
  const byName = new Map(releases.map((r) => [r.name, r]));
  for (const release of releases) {
    for (const before of release.runsAfter) {
      if (before === release.name) {
        throw new UserError(`environment "${environment}": release "${release.name}" runs after itself: remove "${before}" from its runsAfter`, { field: 'runsAfter', given: before });
      }
      if (!byName.has(before)) {
        throw new UserError(
          `environment "${environment}": release "${release.name}" runs after "${before}", which is not a release of this environment${suggestion(before, byName.keys())}`,
          { field: 'runsAfter', given: before },
        );
      }
    }
  }
  const ordered: R[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (release: R, trail: string[]): void => {
    const seen = state.get(release.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(release.name)), release.name];
      throw new UserError(`environment "${environment}": the releases' runsAfter form a cycle: ${cycle.join(' runs after ')}`, { field: 'runsAfter' });
    }
    state.set(release.name, 'visiting');
    for (const before of release.runsAfter) visit(byName.get(before)!, [...trail, release.name]);
    state.set(release.name, 'done');
    ordered.push(release);
  };
  for (const release of releases) visit(release, []);
  return ordered;
}

/**
 * How many releases deep each release sits in the graph: 0 for one that
 * runs after none, else one more than the deepest it runs after. Releases
 * of one depth may deploy side by side (one Argo CD sync wave). Takes the
 * releases in deploy order (see orderReleases).
 */
export function releaseDepths(ordered: readonly OrderedRelease[]): Map<string, number> {
  const depths = new Map<string, number>();
  for (const release of ordered) {
    depths.set(release.name, release.runsAfter.reduce((d, before) => Math.max(d, depths.get(before)! + 1), 0));
  }
  return depths;
}
