import { fleetPlatform } from './fleet';

/** Platform entry for the benchmark: CHARTWRIGHT_BENCH_SERVICES web services, in each of CHARTWRIGHT_BENCH_ENVIRONMENTS environments (1). */
export default fleetPlatform(Number(process.env.CHARTWRIGHT_BENCH_SERVICES ?? '10'), Number(process.env.CHARTWRIGHT_BENCH_ENVIRONMENTS ?? '1'));
