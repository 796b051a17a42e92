'use strict';
/**
 * The YAML emitter against JSON.stringify and the yaml package, on the
 * benchmark fleet's 10,000 objects (median of several runs, side by side).
 *
 *   node bench/yaml.js
 */
require('../bin/register').register();
const { App, ApiObject } = require('cdk8s');
const YAML = require('yaml');
const { BenchFleet } = require('./fleet.ts');
const { withFastResolve } = require('../lib/construct/fast-resolve.ts');
const { toYamlStream } = require('../lib/synth/yaml.ts');
const { median } = require('./cold');

const app = new App();
const fleet = new BenchFleet(app, 'fleet', { values: { services: 2500 } });
const objects = fleet.node.findAll().filter(ApiObject.isApiObject);
const json = withFastResolve(() => objects.map((o) => o.toJson()));

function time(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const ours = time(() => toYamlStream(json), 11);
const plain = time(() => JSON.stringify(json), 11);
const lib = time(() => json.map((o) => YAML.stringify(o)).join('---\n'), 3);
console.log(`${json.length} objects: chartwright YAML ${ours.toFixed(0)} ms, JSON.stringify ${plain.toFixed(0)} ms, yaml package ${lib.toFixed(0)} ms`);
