import { SynthOptions, SynthResult, synthesize } from '../synth/synthesize';

export type { SynthOptions, SynthResult } from '../synth/synthesize';
export type { ReleaseOptions } from '../synth/load';

/**
 * `chartwright synth`: the library's synth pipeline; its flags are the
 * pipeline's options one to one (`--env` → `env`, `--out` → `out`…).
 */
export function synth(options: SynthOptions): SynthResult {
  return synthesize(options);
}
