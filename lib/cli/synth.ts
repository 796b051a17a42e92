import * as path from 'path';
import { formatByRelease } from '../synth/validate';
import { synthesize } from '../synth/synthesize';
import { defineCommand } from './command';
import { APP_FLAG, VALUES_FLAGS, profileFlag } from './flags';

/**
 * `chartwright synth`: the library's synth pipeline (`synthesize`); its flags
 * are the pipeline's options one to one (`--env` → `env`, `--out` → `out`…).
 */
export const synthCommand = defineCommand({
  name: 'synth',
  summary: 'write manifests for each environment to `<out>/<env>/`',
  description: `
Writes the manifests of each environment to \`<out>/<env>/\`: \`namespaces.yaml\` with the environment's Namespaces, one \`<release>.k8s.yaml\` per release, in install order, and a \`kustomization.yaml\` listing them in that order; CustomResourceDefinitions go to \`crds/\`, a stage applied first (see [Concepts](concepts.md#what-synth-does-with-a-packages-objects) and [Deploying](deploying.md)).

While it builds, it type-checks the project (the platform entry and what it imports, with the project's \`tsconfig.json\`) in a worker thread, and a type error fails the synth before anything is written: a misspelled prop the compiler rejects is not built into the output. The check is incremental and cached in \`node_modules/.cache/chartwright/\`; \`--no-typecheck\` skips it (see [Performance](performance.md#synths-type-check) for what it costs).

It prints \`dist/<env>: N objects\` for each environment written, and the validation warnings of each on stderr, grouped by release.

### Output

Output is all or nothing: each environment, once rendered and validated, is written to a temporary folder inside \`<out>\` (\`.chartwright-*\`), and the environments are swapped into \`<out>/<env>/\` only when all of them succeeded. A failed synth removes the temporary folder and leaves the previous output exactly as it was. Environments not named with \`--env\` are left alone.
`,
  flags: [
    APP_FLAG,
    { name: 'env', value: 'NAME', description: 'an environment to write', repeatable: true, default: 'every environment that is not abstract' },
    { name: 'out', value: 'DIR', description: 'the output folder', default: "`dist` in the project's root (the nearest folder up with a package.json), so synth works from any folder of the project" },
    {
      name: 'profile',
      value: 'NAME',
      description: 'the validation profile for every environment: `dev` or `prod` (see [Validation](validation.md#profiles))',
      default: "each environment's `profile`, else `dev`",
    },
    {
      name: 'no-typecheck',
      description: 'do not type-check the project first (see [Performance](performance.md#synths-type-check)); `CHARTWRIGHT_TYPECHECK=0` in the environment does the same',
      default: 'type-check: a type error fails the synth and nothing is written',
    },
    { name: 'timings', description: 'print on stderr where the time went: load, build, render, validate, yaml, write' },
    ...VALUES_FLAGS,
    { name: 'release', value: 'NAME', description: 'a release `--values` and `--set` are for', repeatable: true, default: 'the only release' },
  ],
  examples: [
    { description: 'write every environment to dist/', command: 'chartwright synth' },
    { description: 'write only prod, validated as prod, into manifests/', command: 'chartwright synth --env prod --profile prod --out manifests' },
    { description: 'try a value in dev without editing a file', command: 'chartwright synth --env dev --release web --set replicas=3' },
  ],
  run({ flags }, io) {
    const result = synthesize({
      app: flags.app,
      env: flags.env,
      out: flags.out,
      profile: profileFlag(flags.profile),
      values: flags.values,
      set: flags.set,
      setJson: flags['set-json'],
      setString: flags['set-string'],
      setFile: flags['set-file'],
      release: flags.release,
      typecheck: !flags['no-typecheck'] && process.env.CHARTWRIGHT_TYPECHECK !== '0',
    });
    if (result.typecheckSkipped) io.err(`warning: no type check: ${result.typecheckSkipped}`);
    for (const [env, dir] of result.written) {
      io.out(`${path.relative(process.cwd(), dir) || dir}: ${result.objects.get(env)} objects`);
      const warnings = result.warnings.get(env) ?? [];
      if (warnings.length > 0) {
        io.err(`warning: environment "${env}": ${warnings.length} validation warning${warnings.length === 1 ? '' : 's'}\n${formatByRelease(warnings)}`);
      }
    }
    if (flags.timings) io.err(`timings: ${result.timings}`);
    return 0;
  },
});
