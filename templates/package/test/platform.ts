import { Platform, release } from 'chartwright';
import { Main } from '../src';

/** A platform that releases the package once, for its tests and its values docs. */
export default new Platform({
  environments: { test: { namespace: 'test', releases: { example: release(Main) } } },
});
