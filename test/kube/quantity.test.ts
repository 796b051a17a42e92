import { quantityValue } from '../../lib/construct/checks';

describe('quantityValue', () => {
  test.each([
    ['500m', 0.5], ['0.5', 0.5], ['.5', 0.5], ['+1k', 1000], ['2', 2], ['100n', 100e-9], ['3u', 3e-6],
    ['1Ki', 1024], ['128Mi', 128 * 2 ** 20], ['1Gi', 2 ** 30], ['1Ei', 2 ** 60],
    ['1M', 1e6], ['1G', 1e9], ['1E', 1e18], ['1e3', 1000], ['5E-2', 0.05], ['2e+1', 20],
  ])('%s is %d', (quantity, value) => {
    expect(quantityValue(quantity)).toBeCloseTo(value, 12);
    expect(quantityValue(quantity)).toBe(quantityValue(quantity)); // again, remembered
  });

  test('what is not a quantity has no value', () => {
    for (const q of ['', 'abc', '1 Gi', '1gi', '1Mb', 'e3']) expect(quantityValue(q)).toBeNaN();
  });

  test('orders requests against limits across suffixes', () => {
    expect(quantityValue('1500m')).toBeGreaterThan(quantityValue('1'));
    expect(quantityValue('1Gi')).toBeGreaterThan(quantityValue('1G'));
    expect(quantityValue('1E')).toBeGreaterThan(quantityValue('1P'));
  });
});
