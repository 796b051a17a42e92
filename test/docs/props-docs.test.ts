import * as fs from 'fs';
import * as path from 'path';
import { constructDocs, firstSentence, propNamesSource, propsDocs } from '../support/props-docs';
import { REPO } from '../support/project';

describe('docs/reference/constructs.md', () => {
  const docs = constructDocs();
  const text = propsDocs(docs);

  test('is what the TSDoc of the props generates (run `npm run docs:props` after changing a prop or its docs)', () => {
    expect(fs.readFileSync(path.join(REPO, 'docs', 'reference', 'constructs.md'), 'utf8')).toBe(text);
  });

  test('lib/construct/prop-names.ts is what the props interfaces generate (run `npm run docs:props` after changing a prop)', () => {
    expect(fs.readFileSync(path.join(REPO, 'lib', 'construct', 'prop-names.ts'), 'utf8')).toBe(propNamesSource(docs));
  });

  test('has a section per construct with every prop, inherited ones too, and its default', () => {
    const names = docs.map((d) => d.name);
    for (const name of ['WebService', 'Deployment', 'Service', 'ConfigMap', 'Namespace', 'CanaryWebService']) expect(names).toContain(name);
    const web = docs.find((d) => d.name === 'WebService')!;
    const row = (prop: string) => web.props.find((p) => p.name === prop);
    expect(row('servicePort')).toMatchObject({ defaultText: '80', worded: false, required: false });
    expect(row('containers')).toMatchObject({ required: true }); // from PodProps
    expect(row('maxSurge')).toBeDefined(); // from DeploymentStrategyProps
    expect(row('ingress')).toMatchObject({ defaultText: 'no Ingress', worded: true });
    for (const doc of docs) {
      expect(text).toContain(`\n### ${doc.name}\n`);
      for (const prop of doc.props) {
        expect(prop.description).not.toBe('');
        if (!prop.required) expect(prop.defaultText).toBeDefined();
      }
    }
  });

  test('a description is the first sentence of the TSDoc', () => {
    expect(firstSentence('The port. Named when more than one.')).toBe('The port.');
    expect(firstSentence('Seconds, e.g. 30. More.')).toBe('Seconds, e.g. 30.');
    expect(firstSentence('A path (`a.b`) to read. More.')).toBe('A path (`a.b`) to read.');
    expect(firstSentence('Made like so:\n\n    example()\n\nMore.')).toBe('Made like so.');
  });

  test('the construct guide links only to sections the reference has', () => {
    const guide = fs.readFileSync(path.join(REPO, 'docs', 'constructs.md'), 'utf8');
    const anchors = new Set(text.split('\n').filter((l) => /^#{2,3} /.test(l)).map((l) => l.replace(/^#+ /, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    const links = [...guide.matchAll(/\(reference\/constructs\.md#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(30);
    expect(links.filter((a) => !anchors.has(a))).toEqual([]);
  });
});
