import * as fs from 'fs';
import * as path from 'path';
import { makeProject, runCli } from '../support/project';
import { describeCluster, kubectl, kubectlOk, waitEstablished } from './kube';

/** A package with a CustomResourceDefinition and a custom resource of it: the two stages, applied as the docs say. */
const PACKAGE = `
import { Construct } from 'constructs';
import { ApiObject } from 'cdk8s';
import { Package, PackageProps } from '{{lib}}';

export class Widgets extends Package {
  static readonly metadata = { name: 'widgets', version: '1.0.0' };
  constructor(scope: Construct, id: string, props: PackageProps = {}) {
    super(scope, id, props);
    new ApiObject(this, 'crd', {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.cluster-test.example.com' },
      spec: {
        group: 'cluster-test.example.com', scope: 'Namespaced',
        names: { kind: 'Gadget', plural: 'gadgets', singular: 'gadget', listKind: 'GadgetList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } }],
      },
    });
    new ApiObject(this, 'gadget', { apiVersion: 'cluster-test.example.com/v1', kind: 'Gadget', spec: { size: 3 } });
  }
}
`;

describeCluster('CustomResourceDefinitions in a first stage', () => {
  test('crds/ is applied and established, then the custom resources apply', () => {
    const dir = makeProject({
      'apps/widgets.ts': PACKAGE,
      'apps/main.ts': `import { Platform } from '{{lib}}';\nimport { Widgets } from './widgets';\nexport default new Platform({ environments: { dev: { namespace: 'gadgets', releases: { widgets: { package: Widgets } } } } });\n`,
    });
    try {
      const synth = runCli(dir, ['synth']);
      expect(synth.stderr).toBe('');
      const env = path.join(dir, 'dist', 'dev');
      expect(fs.readdirSync(path.join(env, 'crds')).sort()).toEqual(['kustomization.yaml', 'widgets.k8s.yaml']);
      // all in one apply fails: the kind is unknown until its definition is established
      expect(kubectl(['apply', '--server-side', '--dry-run=server', '-f', path.join(env, 'namespaces.yaml'), '-f', path.join(env, 'crds', 'widgets.k8s.yaml'), '-f', path.join(env, 'widgets.k8s.yaml')]).code).not.toBe(0);
      kubectlOk(['apply', '--server-side', '-k', path.join(env, 'crds')]);
      waitEstablished(['crd', '-l', 'app.kubernetes.io/managed-by=chartwright']);
      kubectlOk(['apply', '--server-side', '-k', env]);
      expect(JSON.parse(kubectlOk(['get', 'gadget', 'widgets-gadget', '-n', 'gadgets', '-o', 'json'])).spec).toEqual({ size: 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
