/** Kubernetes quantities (`100m`, `0.5`, `128Mi`, `1e3`): their syntax and their value. */
import { remembered } from '../internal/remembered';

export const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

const QUANTITY_SUFFIXES: Readonly<Record<string, number>> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** The value of a quantity in base units, for comparisons (`500m` → 0.5, `1Gi` → 1073741824); NaN when it is not one. */
export const quantityValue = remembered(parseQuantity, 10_000);

function parseQuantity(quantity: string): number {
  const match = QUANTITY.exec(quantity);
  if (!match) return NaN;
  const suffix = match[3] ?? '';
  if (suffix.length > 1 && suffix[1] !== 'i') return parseFloat(quantity); // an exponent: 1e3, 5E-2
  return parseFloat(quantity.slice(0, quantity.length - suffix.length)) * QUANTITY_SUFFIXES[suffix];
}
