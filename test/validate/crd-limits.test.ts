import { parseManifests, validateObjects } from '../../lib/validate';
import { limitsOf, limitsProblem } from '../../lib/validate/schema-limits';

/**
 * A custom resource is checked against the value limits of its CRD's
 * structural schema, as the API server checks it (the case
 * test/fixtures/apiserver-corpus/custom-resources/ against a real server, with the CRD of its _setup/).
 */
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: backups.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Backup, plural: backups}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              maxProperties: 6
              properties:
                retain: {type: integer, minimum: 1, maximum: 30}
                ratio: {type: number, minimum: 0, exclusiveMinimum: true, multipleOf: 0.25}
                schedule: {type: string, pattern: '^@(daily|weekly)$'}
                bucket: {type: string, minLength: 3, maxLength: 8}
                targets: {type: array, minItems: 1, maxItems: 2, items: {type: string}}
                level: {type: integer, enum: [1, 2, 3]}
`;

function errors(spec: string): string[][] {
  const parsed = parseManifests('backup.yaml', `${CRD}---\napiVersion: example.com/v1\nkind: Backup\nmetadata: {name: nightly}\nspec:\n${spec}`);
  expect(parsed.findings).toEqual([]);
  return validateObjects(parsed.objects).filter((f) => f.severity === 'error').map((f) => [f.rule, f.path, f.message]);
}

test('values within the limits pass', () => {
  expect(errors('  retain: 30\n  ratio: 0.5\n  schedule: "@daily"\n  bucket: abc\n  targets: [a, b]\n  level: 2\n')).toEqual([]);
});

test('minimum, maximum, exclusiveMinimum, multipleOf, pattern, minLength, maxLength, minItems, maxItems, maxProperties and a number enum', () => {
  expect(errors('  retain: 0\n  ratio: 0\n  schedule: "@hourly"\n  bucket: ab\n  targets: []\n  level: 4\n  x: 1\n')).toEqual([
    ['schema-format', 'spec.retain', '0 is below the minimum 1'],
    ['schema-format', 'spec.ratio', '0 is not above the minimum 0'],
    ['schema-format', 'spec.schedule', '"@hourly" does not match the pattern ^@(daily|weekly)$'],
    ['schema-format', 'spec.bucket', '"ab" is 2 characters long; at least 3 are required'],
    ['schema-format', 'spec.targets', 'the list has 0 items; at least 1 are required'],
    ['schema-enum', 'spec.level', '4 is not one of 1, 2, 3'],
    ['schema-unknown-field', 'spec.x', 'unknown field "x"'],
    ['schema-format', 'spec', 'the mapping has 7 fields; at most 6 are allowed'],
  ]);
  expect(errors('  retain: 31\n  ratio: 0.3\n  bucket: abcdefghi\n  targets: [a, a]\n')).toEqual([
    ['schema-format', 'spec.retain', '31 is above the maximum 30'],
    ['schema-format', 'spec.ratio', '0.3 is not a multiple of 0.25'],
    ['schema-format', 'spec.bucket', 'the value is 9 characters long; at most 8 are allowed'],
  ]);
  expect(errors('  targets: [a, b, c]\n')).toEqual([['schema-format', 'spec.targets', 'the list has 3 items; at most 2 are allowed']]);
});

test('a limit on another type than the value\'s does not apply, and a wrong type is reported once, as a type', () => {
  const limits = limitsOf({ type: 'integer', minimum: 1, maximum: 3 })!;
  expect(limitsProblem(limits, 'abc')).toBeUndefined();
  expect(errors('  retain: "5"\n')).toEqual([['schema-type', 'spec.retain', 'expected an integer, found the string "5"']]);
});
