/**
 * Counts-or-percentages, as rolling updates and disruption budgets take them:
 * a whole number of pods (`1`) or a percentage of the replicas (`"25%"`).
 */

/** A percentage from "0%" to "100%". */
export const PERCENT = /^(100|[1-9]?\d)%$/;

/** What an error says a count-or-percentage should look like. */
export const INT_OR_PERCENT = 'a whole number of 0 or more, or a percentage from "0%" to "100%" such as "25%"';

/** Whether a count or percentage is zero (`0` or `"0%"`). */
export function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === '0%';
}

/**
 * The pod count a count-or-percentage comes to for `total` replicas, the way
 * the Deployment controller works it out: maxSurge rounds up, maxUnavailable
 * rounds down.
 */
export function podCount(value: number | string, total: number, round: 'up' | 'down'): number {
  if (typeof value === 'number') return value;
  const exact = (Number(value.slice(0, -1)) * total) / 100;
  return round === 'up' ? Math.ceil(exact) : Math.floor(exact);
}
