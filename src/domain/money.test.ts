import { formatDate, formatMoney, isoDateFromUtc, parseIsoDateUtc, roundToCents, shiftIsoDate, toCents } from './money';

describe('formatMoney', () => {
  it('writes pesos as the desk shows them in es-MX', () => {
    expect(formatMoney(1234.5)).toBe('$1,234.50');
    expect(formatMoney(150000, 'es-MX')).toBe('$150,000.00');
    expect(formatMoney(0)).toBe('$0.00');
  });

  it('uses the same "$" in English, since every amount is in pesos', () => {
    expect(formatMoney(28500, 'en')).toBe('$28,500.00');
  });

  it('rounds to cents before formatting', () => {
    expect(formatMoney(1.005)).toBe('$1.01');
    expect(formatMoney(99.994)).toBe('$99.99');
  });

  it('shows negative amounts (refunds) with a minus sign', () => {
    expect(formatMoney(-50)).toMatch(/^-\$50\.00$/);
  });
});

describe('roundToCents / toCents', () => {
  it('rounds half away from zero without binary drift', () => {
    expect(roundToCents(1.005)).toBe(1.01);
    expect(roundToCents(2.675)).toBe(2.68);
    expect(roundToCents(-1.005)).toBe(-1.01);
    expect(toCents(121500)).toBe(12150000);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });

  it('refuses amounts that are not numbers', () => {
    expect(() => toCents(Number.NaN)).toThrow(RangeError);
    expect(() => toCents(Infinity)).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('writes dates in words in es-MX', () => {
    expect(formatDate('2026-01-15')).toBe('15 de enero de 2026');
    expect(formatDate('2025-12-01', 'es-MX')).toBe('1 de diciembre de 2025');
  });

  it('writes dates in words in English', () => {
    expect(formatDate('2026-01-15', 'en')).toBe('January 15, 2026');
  });

  it('never shifts the day whatever the time zone (the date is read as UTC)', () => {
    expect(formatDate('2026-03-01')).toBe('1 de marzo de 2026');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => formatDate('15/01/2026')).toThrow(RangeError);
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('ISO date helpers', () => {
  it('round-trips a date', () => {
    expect(isoDateFromUtc(parseIsoDateUtc('2024-02-29'))).toBe('2024-02-29');
  });

  it('shifts across month and year ends', () => {
    expect(shiftIsoDate('2026-01-15', 56)).toBe('2026-03-12');
    expect(shiftIsoDate('2026-01-01', -1)).toBe('2025-12-31');
    expect(shiftIsoDate('2024-02-28', 1)).toBe('2024-02-29');
  });
});
