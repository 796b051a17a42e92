'use strict';
/**
 * Validation overhead: validating 10,000 objects (Deployment, Service,
 * Ingress and ConfigMap × 2,500) against synthesizing the same objects
 * (render + YAML emission, no disk writes). Runs alternate; prints medians
 * and the ratio (target: validation at most 25% of synth).
 *
 *   node bench/validate.js [runs]
 */
const path = require('path');
require('../bin/register').register();

const ROOT = path.resolve(__dirname, '..');
const { ApiObject } = require('cdk8s');
const lib = require(path.join(ROOT, 'lib'));
const { validateEnvironment } = require(path.join(ROOT, 'lib', 'validate', 'environment'));
const { median } = require('./cold');

const APPS = 2500;

class Many extends lib.Package {
  constructor(scope, id, props) {
    super(scope, id, props);
    for (let i = 0; i < APPS; i++) {
      const name = `app${i}`;
      const labels = { 'app.kubernetes.io/component': name };
      new ApiObject(this, `${name}-config`, { apiVersion: 'v1', kind: 'ConfigMap', data: { 'app.conf': `listen 8080\nname ${name}\n`, LOG_LEVEL: 'info' } });
      new ApiObject(this, `${name}-service`, {
        apiVersion: 'v1', kind: 'Service',
        spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      });
      new ApiObject(this, `${name}-server`, {
        apiVersion: 'apps/v1', kind: 'Deployment',
        spec: {
          replicas: 1,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              automountServiceAccountToken: false,
              securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
              containers: [{
                name: 'app', image: `ghcr.io/acme/${name}:1.0.${i}`,
                ports: [{ name: 'http', containerPort: 8080 }],
                envFrom: [{ configMapRef: { name: `many-${name}-config` } }],
                resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
                readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
                livenessProbe: { httpGet: { path: '/healthz', port: 'http' } },
                securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              }],
            },
          },
        },
      });
      new ApiObject(this, `${name}-ingress`, {
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
        spec: {
          tls: [{ hosts: [`${name}.example.com`], secretName: `${name}-tls` }],
          rules: [{ host: `${name}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `many-${name}-service`, port: { name: 'http' } } } }] } }],
        },
      });
    }
  }
}
Many.metadata = { name: 'many', version: '1.0.0', appVersion: '1.0.0' };

const platform = new lib.Platform({ environments: { bench: { namespace: 'bench', releases: { many: { package: Many } } } } });

function time(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function run(runs) {
  const synthMs = [];
  const validateMs = [];
  let first;
  let objects = 0;
  for (let i = 0; i < runs; i++) {
    const synth = time(() => {
      const env = lib.renderEnvironment(platform, 'bench');
      lib.environmentFiles(env);
      return env;
    });
    synthMs.push(synth.ms);
    const validation = time(() => validateEnvironment(synth.result, { profile: 'prod' }));
    if (first === undefined) first = validation.ms;
    validateMs.push(validation.ms);
    objects = synth.result.releases[0].objects.length;
    if (validation.result.length > 0) throw new Error(`the bench objects should be valid: ${JSON.stringify(validation.result[0])}`);
  }
  return { runs, objects, synth_ms: median(synthMs), validate_ms: median(validateMs), validate_first_ms: first };
}

if (require.main === module) {
  const r = run(Number(process.argv[2]) || 5);
  const ratio = r.validate_ms / r.synth_ms;
  console.log(`validation of ${r.objects} objects, median of ${r.runs} runs:`);
  console.log(`  synth (render + YAML)   ${r.synth_ms.toFixed(0).padStart(6)} ms`);
  console.log(`  validate (all checks)   ${r.validate_ms.toFixed(0).padStart(6)} ms  (${(ratio * 100).toFixed(1)}% of synth; target <= 25%)`);
  console.log(`  first validation        ${r.validate_first_ms.toFixed(0).padStart(6)} ms  (includes loading and compiling the schema)`);
  console.log(JSON.stringify({ objects: r.objects, synth_ms: Math.round(r.synth_ms), validate_ms: Math.round(r.validate_ms), validate_first_ms: Math.round(r.validate_first_ms), overhead: +ratio.toFixed(3) }));
}
