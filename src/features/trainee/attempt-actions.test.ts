import { parseSeed } from './attempt-actions';

describe('parseSeed', () => {
  it('reads a seed the log schema accepts', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4242')).toBe(4242);
    expect(parseSeed('2147483647')).toBe(2 ** 31 - 1);
  });

  it('ignores anything else', () => {
    for (const bad of [null, '', '-1', '1.5', '12abc', ' 7', '2147483648', '99999999999']) expect(parseSeed(bad)).toBeUndefined();
  });
});
