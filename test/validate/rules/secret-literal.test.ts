import { secretLiteral as rule } from '../../../lib/validate/rules/secret-literal';
import { findingsOf, pinned } from '../../support/rules';

test('secret-literal: its failing example', () => {
  expect(pinned(rule, rule.example.fails)).toEqual([
    { rule: 'secret-literal', path: "spec.containers[0].env[0].value", message: "environment variable \"DB_PASSWORD\" of container \"app\" holds a literal that looks like a secret" },
  ]);
});

test('secret-literal: its passing example passes', () => {
  expect(findingsOf(rule, rule.example.passes)).toEqual([]);
});

test('secret-literal: ConfigMap keys named as secrets and private keys under any name; never the value in the message', () => {
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  api_key: s3cr3t-value\n  cert: "-----BEGIN RSA PRIVATE KEY-----\\nMIIB\\n"\n  LOG_LEVEL: info\n  password_file: /etc/app/password\n';
  const found = findingsOf(rule, configMap);
  expect(found.map((f) => f.path)).toEqual(['data.api_key', 'data.cert']);
  expect(found.map((f) => f.message).join('\n')).not.toMatch(/s3cr3t|MIIB/);
  expect(findingsOf(rule, rule.example.fails.replace('value: hunter2', 'value: ""'))).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('DB_PASSWORD', 'DB_HOST'))).toEqual([]);
  expect(findingsOf(rule, rule.example.fails.replace('DB_PASSWORD', 'TOKEN_URL').replace('hunter2', 'https://auth.example.com/token'))).toEqual([]);
});
