import { UsageError } from '../errors';
import { exportHelmChart } from '../export';
import { defineCommand } from './command';
import { APP_FLAG } from './flags';

/** `chartwright export helm`: the library's `exportHelmChart()`; the flags map to its options one to one. */
export const exportCommand = defineCommand({
  name: 'export',
  summary: 'write a release as a Helm chart whose values, release name and namespace are template expressions',
  description: `
Writes one release of the platform (or, with \`--package\`, a package on its own with its defaults) as a Helm chart folder \`<out>/<package>/\`: \`Chart.yaml\` (with \`kubeVersion\` from the environment's), \`values.yaml\` (the environment's values, each with its description as a comment; a sensitive value the environment sets is left out and the templates require it), \`values.schema.json\`, \`README.md\` with the values table, \`templates/\` (one file per object, with \`NOTES.txt\` from the release notes) and \`crds/\`. The release name, the namespace and every scalar value that reaches the output unchanged become template expressions; objects a boolean value turns off are wrapped in \`{{- if }}\`; the \`checksum/config\` annotation is computed in the template. What cannot be parameterized stays as the environment renders it and is named in a warning (see [Exporting a Helm chart](export-helm.md)).
`,
  args: [{ name: 'FORMAT', description: 'the format to export', choices: ['helm'], required: true }],
  flags: [
    { name: 'release', value: 'NAME', description: 'the release to export', default: 'none with `--package`; required otherwise' },
    { name: 'env', value: 'NAME', description: "the environment whose values become the chart's defaults", default: 'the only environment' },
    { name: 'package', value: 'FILE', description: "a package module to export without a platform, with the package's own defaults (`src/index.ts` of a package project; `FILE#Name` picks one of several exported package classes); Helm gives the release name and namespace", default: 'a release of the platform' },
    { name: 'out', value: 'DIR', description: 'the folder the chart folder is written into', default: '`charts`' },
    APP_FLAG,
  ],
  examples: [
    { description: 'the hello release with prod values as a chart in charts/hello-web/', command: 'chartwright export helm --release hello --env prod' },
    { description: 'then package it', command: 'helm package charts/hello-web' },
    { description: 'a package project (no platform) as a chart with its own defaults', command: 'chartwright export helm --package src/index.ts --out charts' },
  ],
  exitCodes: '0 written (warnings allowed), 1 an input error, 2 usage error',
  run({ flags, args }, io) {
    if (args[0] !== 'helm') throw new UsageError(`export ${args[0]}: the format to export is helm`);
    const result = exportHelmChart({ app: flags.app, release: flags.release, env: flags.env, package: flags.package, out: flags.out });
    for (const warning of result.warnings) io.err(`warning: ${warning}`);
    io.out(`wrote ${result.chart} (${result.parameterized.length} values parameterized, ${result.warnings.length} warnings)`);
    return 0;
  },
});
