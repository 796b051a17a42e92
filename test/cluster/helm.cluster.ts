import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { HELM, describeCluster, kubectlOk, scratch } from './kube';

/** Helm is in the harness, for the tests of exported charts: it runs, and renders a chart. */
describeCluster('helm', () => {
  const helm = (args: string[], cwd?: string) => spawnSync(HELM, args, { encoding: 'utf8', timeout: 60_000, cwd });

  test('helm version runs', () => {
    const result = helm(['version', '--short']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^v3\.\d+\.\d+/);
  });

  test('helm template renders a minimal chart with its values, and the API server accepts it', () => {
    const { dir, remove } = scratch();
    try {
      const chart = path.join(dir, 'mini');
      fs.mkdirSync(path.join(chart, 'templates'), { recursive: true });
      fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: mini\nversion: 0.1.0\n');
      fs.writeFileSync(path.join(chart, 'values.yaml'), 'greeting: hello\n');
      fs.writeFileSync(
        path.join(chart, 'templates', 'config.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n  namespace: default\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
      );
      const result = helm(['template', 'demo', chart, '--set', 'greeting=hi']);
      expect(result.status).toBe(0);
      const [config] = parseAllDocuments(result.stdout).map((d) => d.toJS()).filter(Boolean);
      expect(config).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'demo-config' }, data: { greeting: 'hi' } });
      const file = path.join(dir, 'out.yaml');
      fs.writeFileSync(file, result.stdout);
      expect(kubectlOk(['apply', '--dry-run=server', '-f', file])).toContain('configmap/demo-config created (server dry run)');
    } finally {
      remove();
    }
  });
});
