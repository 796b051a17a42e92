import { fleetPlatform } from './fleet';

/** Platform entry for the benchmark: CHARTWRIGHT_BENCH_SERVICES web services. */
export default fleetPlatform(Number(process.env.CHARTWRIGHT_BENCH_SERVICES ?? '10'));
