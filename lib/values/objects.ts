/** Object helpers of values, for packages that build values by hand. */
export { getOwn, setOwn } from '../internal/objects';
/** An object that is not an array (nor null). The same as `isRecord`, under the name values code has used. */
export { isRecord as isPlainObject } from '../internal/objects';
