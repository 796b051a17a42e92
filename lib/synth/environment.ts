import { Platform } from '../package/platform';
import { ValuesSources } from '../package/sources';
import { Finding, ProfileName } from '../validate';
import { declaredPodSecurity } from './namespaces';
import { EnvironmentTarget, writeStagedEnvironment } from './output';
import { renderEnvironment } from './render';
import { Timings } from './timings';
import { failOnErrors, validateEnvironment } from './validate';

/** One environment rendered, validated and staged: what is left of it once its files are on disk. */
export interface StagedEnvironment {
  readonly name: string;
  /** Object count, Namespaces included. */
  readonly objects: number;
  /** Validation findings below error level, and what constructs recorded. */
  readonly warnings: readonly Finding[];
  /** The files written to its staging folder, sorted; `undefined` when none changed (nothing to swap). */
  readonly files: readonly string[] | undefined;
}

/** What staging one environment needs besides the platform. */
export interface StageEnvironmentOptions {
  /** Values files and command-line values. */
  readonly values: ValuesSources;
  /** The validation profile for every environment. @default - the environment's `profile`, else 'dev' */
  readonly profile?: ProfileName;
  /** Where to add the time of each phase. */
  readonly timings: Timings;
  /**
   * Marks the writing of the environment's files (a worker thread's, for
   * the main thread that may stop it; see ./parallel.ts): `enter` runs
   * before each file and may throw to stop, `leave` once done.
   * @default - not marked
   */
  readonly writing?: { enter(): void; leave(): void };
}

/**
 * One environment, start to end short of the commit: build and render its
 * releases, validate them (errors throw a UserError, nothing is staged),
 * and write its files to `target`. The rendered objects are dropped when it
 * returns, so a synth holds one environment at a time per thread, whatever
 * the size of the platform. The same function runs in the main thread and
 * in worker threads (./parallel.ts).
 */
export function stageEnvironment(platform: Platform, target: EnvironmentTarget, options: StageEnvironmentOptions): StagedEnvironment {
  const { timings } = options;
  const env = target.name;
  const rendered = renderEnvironment(platform, env, { values: options.values, timings });
  // validation: errors fail before anything is put in place; warnings are returned
  const resolved = platform.environment(env);
  const profile = options.profile ?? resolved.profile ?? 'dev';
  const podSecurity = declaredPodSecurity(resolved, rendered.releases);
  const findings = timings.measure('validate', () =>
    validateEnvironment(rendered, { profile, external: resolved.external, kubeVersion: resolved.kubeVersion, podSecurity }),
  );
  failOnErrors(env, profile, findings);
  const writing = options.writing;
  const files = timings.measure('write', () => {
    try {
      return writeStagedEnvironment(target, rendered, writing?.enter);
    } finally {
      writing?.leave();
    }
  });
  const objects = rendered.releases.reduce((n, r) => n + r.objects.length, rendered.namespaces.length);
  return { name: env, objects, warnings: findings, files };
}
