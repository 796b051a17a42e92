import { EXTERNAL_ANNOTATION } from '../kube/annotations';
import { HELM_HOOK, hookStageOf } from '../kube/hooks';
import type { GitOpsTool } from '../package/gitops';
import type { PackageMetadata } from '../package/package';
import { ROLLOUT_STRATEGIES } from '../rollout/values';
import { COLOR_LABEL, TRACK_LABEL, VERSION_LABEL } from '../rollout/track';
import { releaseFolder } from './gitops';
import { HOOK_DIRS } from './layout';
import type { KubeObject } from './render';

/** What the notes of a release are written from. */
export interface NotesInput {
  readonly environment: string;
  readonly release: string;
  readonly namespace?: string;
  readonly package: PackageMetadata;
  /** The release's values, validated, defaults applied. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly objects: readonly KubeObject[];
  /** What the release's own notes function wrote. */
  readonly own?: string;
  /** The GitOps controller of the environment, which decides where the tests are and who runs them. */
  readonly gitops?: GitOpsTool;
}

/**
 * A release's notes, Markdown, as synth writes them to
 * `dist/<env>/<release>.NOTES.md` (Helm's NOTES.txt): what was deployed, how
 * to reach it, what it needs from outside the output, its hooks and tests,
 * where a blue/green or canary rollout stands with the exact value changes
 * for the next step and for rolling back, then the release's own notes.
 */
export function releaseNotes(input: NotesInput): string {
  const { environment, release, package: pkg } = input;
  const out: string[] = [`# ${release} (${environment})`, ''];
  const app = pkg.appVersion ? `, application version ${pkg.appVersion}` : '';
  out.push(`Package ${pkg.name} ${pkg.version}${app}${input.namespace ? `, in namespace \`${input.namespace}\`` : ''}.`, '');
  if (input.own && input.own.trim() !== '') out.push(input.own.trim(), '');
  section(out, 'Deployed', deployed(input.objects));
  section(out, 'Endpoints', endpoints(input.objects));
  section(out, 'Needs from outside the output', externals(input.objects));
  section(out, 'Hooks and tests', hooks(input));
  section(out, 'Rollout', rollouts(input));
  return out.join('\n').replace(/\n+$/, '\n');
}

function section(out: string[], title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  out.push(`## ${title}`, '', ...lines, '');
}

const where = (o: KubeObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : `${o.metadata.name}`);

function deployed(objects: readonly KubeObject[]): string[] {
  return objects.filter((o) => hookStageOf(o) === undefined).map((o) => `- ${o.kind} \`${where(o)}\``);
}

function endpoints(objects: readonly KubeObject[]): string[] {
  const lines: string[] = [];
  for (const o of objects) {
    const spec = (o.spec ?? {}) as Record<string, any>;
    if (o.kind === 'Service' && o.apiVersion === 'v1') {
      const host = `${o.metadata.name}.${o.metadata.namespace ?? 'default'}.svc.cluster.local`;
      const ports = ((spec.ports ?? []) as any[]).map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ');
      const type = spec.type && spec.type !== 'ClusterIP' ? ` (${spec.type})` : spec.clusterIP === 'None' ? ' (headless)' : '';
      lines.push(`- Service \`${host}\`${type}: port ${ports}`);
    } else if (o.kind === 'Ingress') {
      const tlsHosts = new Set(((spec.tls ?? []) as any[]).flatMap((t) => t.hosts ?? []));
      for (const rule of (spec.rules ?? []) as any[]) {
        for (const path of (rule.http?.paths ?? []) as any[]) {
          const scheme = rule.host && tlsHosts.has(rule.host) ? 'https' : 'http';
          lines.push(`- Ingress \`${o.metadata.name}\`: ${scheme}://${rule.host ?? '<any host>'}${path.path ?? '/'}`);
        }
      }
    } else if (o.kind === 'HTTPRoute') {
      for (const host of (spec.hostnames ?? []) as string[]) lines.push(`- HTTPRoute \`${o.metadata.name}\`: ${host}`);
    }
  }
  return lines;
}

function externals(objects: readonly KubeObject[]): string[] {
  // Secrets an operator makes from objects of the output (an ExternalSecret's target)
  const madeBy = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== 'ExternalSecret') continue;
    const target = ((o.spec as any)?.target?.name as string | undefined) ?? o.metadata.name;
    madeBy.set(`Secret/${target}`, `made by the External Secrets operator from ExternalSecret \`${o.metadata.name}\``);
  }
  const lines: string[] = [];
  for (const o of objects) {
    const external = (o.metadata.annotations as Record<string, string> | undefined)?.[EXTERNAL_ANNOTATION];
    if (external === undefined) continue;
    if (external === 'true') {
      lines.push(`- ${o.kind} \`${where(o)}\` declares everything it refers to as made outside the output`);
      continue;
    }
    const what = external.split(',').map((s) => s.trim()).filter((s) => s !== '');
    lines.push(`- ${o.kind} \`${where(o)}\` uses ${what.map((w) => `\`${w}\`${madeBy.has(w) ? ` (${madeBy.get(w)})` : ' (must exist before it starts)'}`).join(', ')}`);
  }
  return lines;
}

function hooks({ environment, release, objects, gitops }: NotesInput): string[] {
  const lines: string[] = [];
  for (const o of objects) {
    const stage = hookStageOf(o);
    if (stage === undefined) continue;
    const helm = (o.metadata.annotations as Record<string, string> | undefined)?.[HELM_HOOK];
    lines.push(`- ${o.kind} \`${where(o)}\`: ${stage === 'test' ? 'a test' : `a hook (${helm})`}, in the \`${HOOK_DIRS[stage]}/\` stage for kubectl and Flux`);
  }
  if (lines.some((l) => l.includes('a test'))) {
    const folder = gitops === 'flux' ? `dist/${environment}/${releaseFolder(release)}/tests` : `dist/${environment}/tests`;
    lines.push(
      '',
      gitops === 'argocd'
        ? 'Argo CD runs the tests after each sync (PostSync hooks); a failed test fails the sync.'
        : `Run the tests after a deploy: \`kubectl apply --server-side -k ${folder}\`, then \`kubectl wait --for=condition=Complete job -A -l chartwright.dev/hook=test,app.kubernetes.io/instance=${release}\`; \`helm test ${release}\` with Helm.`,
    );
  }
  return lines;
}

/** Rollout values found in a release's values, by their path. */
function findRollouts(values: unknown, path: string[] = [], found: Array<{ path: string; rollout: Record<string, any> }> = []): typeof found {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return found;
  const v = values as Record<string, unknown>;
  if ((ROLLOUT_STRATEGIES as readonly unknown[]).includes(v.strategy) && typeof v.blueGreen === 'object' && typeof v.canary === 'object') {
    found.push({ path: path.join('.'), rollout: v });
    return found;
  }
  for (const [key, child] of Object.entries(v)) findRollouts(child, [...path, key], found);
  return found;
}

/** The version label of the Deployment of a track (`chartwright.dev/color: blue`, `chartwright.dev/track: canary`). */
function trackVersion(objects: readonly KubeObject[], label: string, value: string): string | undefined {
  const deployment = objects.find((o) => o.kind === 'Deployment' && (o.metadata.labels as Record<string, string> | undefined)?.[label] === value);
  return (deployment?.metadata.labels as Record<string, string> | undefined)?.[VERSION_LABEL];
}

/** The canary weights notes suggest, one step at a time. */
const CANARY_STEPS = [10, 25, 50, 100];

function rollouts(input: NotesInput): string[] {
  const lines: string[] = [];
  // the change as a value; to keep it, put it in the release's values file of the environment
  const set = (assignment: string) => `\`${assignment}\` (\`chartwright synth --env ${input.environment} --release ${input.release} --set ${assignment}\`)`;
  for (const { path, rollout } of findRollouts(input.values)) {
    const at = path ? `${path}.` : '';
    if (rollout.strategy === 'blueGreen') {
      const active: string = rollout.blueGreen.activeColor;
      const idle = active === 'blue' ? 'green' : 'blue';
      const activeVersion = trackVersion(input.objects, COLOR_LABEL, active);
      const idleVersion = trackVersion(input.objects, COLOR_LABEL, idle);
      if (activeVersion === idleVersion) {
        lines.push(`Blue/green (\`${at}blueGreen\`): traffic on ${active}; both colours run ${activeVersion}. Stage: steady.`);
        lines.push(`- Next: put the new version on the idle colour: ${set(`${at}blueGreen.${idle}.version=<new version>`)}, then smoke-test it through the preview.`);
        lines.push(`- Rollback: nothing to roll back.`);
      } else {
        lines.push(`Blue/green (\`${at}blueGreen\`): traffic on ${active} (${activeVersion}); the idle ${idle} runs ${idleVersion}. Stage: ready to switch.`);
        lines.push(`- Next: switch traffic to ${idle} (${idleVersion}): ${set(`${at}blueGreen.activeColor=${idle}`)}.`);
        lines.push(`- Rollback (after switching): ${set(`${at}blueGreen.activeColor=${active}`)} sends traffic back to ${activeVersion}.`);
      }
    } else if (rollout.strategy === 'canary') {
      const c = rollout.canary;
      const stable = trackVersion(input.objects, TRACK_LABEL, 'stable');
      const canary = trackVersion(input.objects, TRACK_LABEL, 'canary');
      if (c.promote) {
        lines.push(`Canary (\`${at}canary\`): promoted; every pod runs ${c.version}. Stage: promoted.`);
        lines.push(`- Next: make ${c.version} the package's version and unset \`${at}canary.version\` and \`${at}canary.promote\`.`);
        lines.push(`- Rollback: ${set(`${at}canary.promote=false`)} brings the stable version back beside the canary.`);
      } else if (canary === undefined) {
        lines.push(`Canary (\`${at}canary\`): no canary runs; every pod runs ${stable ?? 'the stable version'}. Stage: stable.`);
        lines.push(`- Next: start a canary: ${set(`${at}canary.version=<new version>`)} (it gets ${c.weight}% of requests).`);
        lines.push(`- Rollback: nothing to roll back.`);
      } else {
        const next = CANARY_STEPS.find((w) => w > c.weight);
        lines.push(`Canary (\`${at}canary\`): ${canary} gets ${c.weight}% of requests, ${stable} the rest. Stage: canary at ${c.weight}%.`);
        lines.push(
          next === undefined
            ? `- Next: promote: ${set(`${at}canary.promote=true`)}.`
            : `- Next: ${set(`${at}canary.weight=${next}`)}, or promote: ${set(`${at}canary.promote=true`)}.`,
        );
        lines.push(`- Rollback: ${set(`${at}canary.weight=0`)} takes the canary out of traffic; unset \`${at}canary.version\` to remove it.`);
      }
    }
  }
  return lines;
}
