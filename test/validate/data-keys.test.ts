import { validateObjects } from '../../lib/validate';

/**
 * ConfigMap and Secret keys, as the API server checks them
 * (test/fixtures/apiserver-corpus/env/configmap-data-key, checked against a real server).
 */
function errors(obj: object): string[][] {
  return validateObjects([{ obj, source: {} }])
    .filter((f) => f.severity === 'error')
    .map((f) => [f.rule, f.path, f.message]);
}

test('file-name keys pass, and a Secret key may be in data and stringData', () => {
  expect(errors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.properties': 'a', KEY_NAME: 'b', '.hidden': 'c' }, binaryData: { 'logo-1.png': 'AA==' } })).toEqual([]);
  expect(errors({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { token: 'eA==' }, stringData: { token: 'x' } })).toEqual([]);
});

test('keys that are not file names, and a ConfigMap key in both maps', () => {
  expect(errors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app config': 'a', '..': 'b', logo: 'c' }, binaryData: { logo: 'AA==' } })).toEqual([
    ['name-format', 'data["app config"]', 'key "app config" is not a valid ConfigMap key (letters, digits, "-", "_" and ".", at most 253)'],
    ['name-format', 'data[".."]', 'key ".." is not a valid ConfigMap key (letters, digits, "-", "_" and ".", at most 253)'],
    ['duplicate-name', 'binaryData.logo', 'key "logo" is also in data'],
  ]);
  expect(errors({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { 'a/b': 'x' } })).toEqual([
    ['name-format', 'stringData["a/b"]', 'key "a/b" is not a valid Secret key (letters, digits, "-", "_" and ".", at most 253)'],
  ]);
});
