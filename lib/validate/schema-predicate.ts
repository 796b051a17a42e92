/**
 * A fast yes-or-no to "would checkNode find nothing in this value?", for the
 * common case: almost every object is valid. Each schema node is compiled on
 * first use into a JavaScript function that reads the fields the node knows
 * by name, with the type tests inline. Validation asks it first and walks
 * checkNode, which explains what is wrong, only for the values it rejects;
 * it may reject more than checkNode reports, never less.
 */
import { QUANTITY } from '../kube/quantity';
import { DATE_TIME, INT64_MAX, INT64_MIN, Node } from './schema';
import { limitsProblem } from './schema-limits';

type Predicate = (value: unknown) => boolean;
type ObjectNode = Extract<Node, { t: 'obj' }>;

const predicates = new WeakMap<Node, Predicate>();

/** Whether `value` passes `node` without a finding (false: ask checkNode). */
export function passes(node: Node, value: unknown): boolean {
  return predicateOf(node)(value);
}

function predicateOf(node: Node): Predicate {
  let predicate = predicates.get(node);
  if (predicate === undefined) {
    predicate = compile(node);
    predicates.set(node, predicate);
  }
  return predicate;
}

/** What generated code refers to: the nodes below (compiled when first called), enum sets, patterns. */
class Refs {
  readonly values: unknown[] = [];

  /** A reference to a value, as generated code spells it. */
  add(value: unknown): string {
    this.values.push(value);
    return `R[${this.values.length - 1}]`;
  }

  /** A reference to the predicate of `node`, compiled on its first call (schemas refer to themselves). */
  predicate(node: Node): string {
    const i = this.values.length;
    this.values.push((value: unknown) => {
      const predicate = predicateOf(node);
      this.values[i] = predicate;
      return predicate(value);
    });
    return `R[${i}]`;
  }
}

const INT32 = 'Number.isInteger(c) && c >= -2147483648 && c <= 2147483647';

/** A JavaScript test of `c` for `node`, inline for leaves. */
function test(node: Node, refs: Refs): string {
  switch (node.t) {
    case 's': return "typeof c === 'string'";
    case 'b': return "typeof c === 'boolean'";
    case 'i32': return `(typeof c === 'number' && ${INT32})`;
    case 'i64': return `(typeof c === 'number' && Number.isInteger(c) && c >= ${INT64_MIN} && c <= ${INT64_MAX})`;
    case 'f': return "typeof c === 'number'";
    case 'ios': return `(typeof c === 'string' || (typeof c === 'number' && ${INT32}))`;
    case 'q': return `(typeof c === 'number' ? Number.isFinite(c) : typeof c === 'string' && ${refs.add(QUANTITY)}.test(c))`;
    case 't': return `(typeof c === 'string' && ${refs.add(DATE_TIME)}.test(c))`;
    case 'e': return `(typeof c === 'string' && ${refs.add(new Set(node.values))}.has(c))`;
    case 'any': return 'true';
    default: return `${refs.predicate(node)}(c)`;
  }
}

/**
 * An object node as reads of its known fields by name (inline caches make
 * these cheap on objects of one shape), counting the fields present; a strict
 * node then passes only when the object has no other key.
 */
function readFields(node: ObjectNode, refs: Refs): string {
  const required = new Set(node.required);
  const reads: string[] = [];
  for (const [key, sub] of node.props) {
    const k = JSON.stringify(key);
    // a deprecated field that is set fails, so that checkNode reports it (deprecated-field)
    const check = node.deprecated?.has(key) ? ' return false;' : sub.t === 'any' ? '' : ` if (!(${test(sub, refs)})) return false;`;
    reads.push(required.has(key)
      ? `c = v[${k}]; if (c === undefined || c === null) return false; n++;${check}`
      : `c = v[${k}]; if (c !== undefined) { n++; if (c !== null) {${check} } }`);
  }
  const missing = node.required.filter((key) => !node.props.has(key)).map(requireField);
  return `
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    let n = 0, c;
    ${reads.join('\n    ')}
    ${missing.join('\n    ')}
    ${node.strict ? 'for (const k in v) if (--n < 0) return false;' : ''}
    return true;`;
}

/** An object node as a loop over the object's keys with a switch on them (for field names an object inherits, such as "constructor"). */
function switchOnKeys(node: ObjectNode, refs: Refs): string {
  const cases: string[] = [];
  for (const [key, sub] of node.props) {
    cases.push(node.deprecated?.has(key) ? `case ${JSON.stringify(key)}: if (c !== null && c !== undefined) return false; break;` : sub.t === 'any' ? `case ${JSON.stringify(key)}: break;` : `case ${JSON.stringify(key)}: if (c !== null && c !== undefined && !(${test(sub, refs)})) return false; break;`);
  }
  const required = node.required.map(requireField);
  return `
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    let c;
    for (const k in v) {
      c = v[k];
      switch (k) {
        ${cases.join('\n        ')}
        default: ${node.strict ? 'return false;' : 'break;'}
      }
    }
    ${required.join('\n    ')}
    return true;`;
}

/** A test that an object has a required field set (as its own: not "constructor" from its prototype). */
function requireField(key: string): string {
  const k = JSON.stringify(key);
  return `c = Object.hasOwn(v, ${k}) ? v[${k}] : undefined; if (c === undefined || c === null) return false;`;
}

/** A field name that no plain object has before it is set (unlike "constructor" or "__proto__"). */
function plainKey(key: string): boolean {
  return !(key in Object.prototype);
}

function compile(node: Node): Predicate {
  const refs = new Refs();
  let body: string;
  switch (node.t) {
    case 'obj':
      body = node.props.size > 0 && [...node.props.keys()].every(plainKey) ? readFields(node, refs) : switchOnKeys(node, refs);
      break;
    case 'arr':
      body = node.of.t === 'any'
        ? 'return Array.isArray(v);'
        : `if (!Array.isArray(v)) return false;
           for (let i = 0; i < v.length; i++) { const c = v[i]; if (!(${test(node.of, refs)})) return false; }
           return true;`;
      break;
    case 'map':
      body = `if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        ${node.of.t === 'any' ? '' : `for (const k in v) { const c = v[k]; if (!(${test(node.of, refs)})) return false; }`}
        return true;`;
      break;
    case 'lim':
      return (value) => passes(node.of, value) && limitsProblem(node.limits, value) === undefined;
    default:
      body = `const c = v; return ${test(node, refs)};`;
  }
  // field names (from the schema or a CRD) enter the code as JSON string literals only; values stay in R
  return new Function('R', `return function (v) {${body}\n};`)(refs.values) as Predicate;
}
