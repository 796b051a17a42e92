import { isRecord } from '../objects';
import { BEST_PRACTICE, PolicyRule, containerName } from './rule';

const id = 'secret-literal';

/** Names that say their value is a secret: PASSWORD, DB_PASS, API_KEY, AUTH_TOKEN, CLIENT_SECRET, PRIVATE_KEY, CREDENTIALS… */
export const SECRET_NAME = /(^|[^a-z])(pass(word|wd)?|secret|token|api[-_.]?key|private[-_.]?key|access[-_.]?key|credentials?)([^a-z]|$)/i;
/** Values that are secrets whatever they are called: a PEM private key, an AWS access key id. */
const SECRET_VALUE = /-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

/** Whether a literal is a secret: its name says so and it is not empty, or its content is one. */
function looksSecret(name: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  return SECRET_VALUE.test(value) || (SECRET_NAME.test(name) && !/^\$\(|^\/|^https?:\/\//.test(value));
}

export const secretLiteral: PolicyRule = {
  id,
  category: 'best-practice',
  severity: BEST_PRACTICE,
  what: 'no environment variable and no ConfigMap key holds what looks like a secret (a password, token or key named so, a private key, a cloud access key) as a literal',
  why:
    'A literal value is in the manifest, so in git, in the rendered output, in `kubectl get -o yaml` for everyone who can read the object, and in every log of an apply. ' +
    'A Secret keeps it out of the repository (made by an operator or a secrets manager), readable only to those granted it, and mounted or read with `secretKeyRef`.',
  fix: 'keep the value in a Secret and read it with `valueFrom.secretKeyRef` (or mount the Secret)',
  example: {
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      env:
        - name: DB_PASSWORD
          value: hunter2
`,
    passes: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
`,
  },
  // the messages never repeat the value
  checkObject(item) {
    const { obj } = item;
    if (obj.kind !== 'ConfigMap' || !isRecord(obj.data)) return;
    for (const key in obj.data) {
      if (looksSecret(key, obj.data[key])) item.report(id, ['data', key], `ConfigMap key "${key}" looks like a secret; a ConfigMap is readable to whoever may read the namespace's configuration`);
    }
  },
  checkContainer({ container, path }, { item }) {
    if (!Array.isArray(container.env)) return;
    for (let i = 0; i < container.env.length; i++) {
      const e = container.env[i];
      if (isRecord(e) && typeof e.name === 'string' && looksSecret(e.name, e.value)) {
        item.report(id, [...path, 'env', i, 'value'], `environment variable "${e.name}" of ${containerName(container)} holds a literal that looks like a secret`);
      }
    }
  },
};
