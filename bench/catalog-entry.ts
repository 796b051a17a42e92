import { catalogPlatform } from './catalog';

/** Platform entry for the benchmark's catalog fleet: CHARTWRIGHT_BENCH_COPIES copies of each example app. */
export default catalogPlatform(Number(process.env.CHARTWRIGHT_BENCH_COPIES ?? '1'));
