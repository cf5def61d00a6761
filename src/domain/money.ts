import type { IsoDate } from './types';
import { DEFAULT_LANG, type Lang } from './text';

// Formatters are costly to build and the score screens format hundreds of amounts: build each once.
const moneyFormatters = new Map<Lang, Intl.NumberFormat>();
const dateFormatters = new Map<Lang, Intl.DateTimeFormat>();

/** Intl locale tag used for each app language (en follows US conventions: "January 15, 2026"). */
const INTL_LOCALE: Record<Lang, string> = { 'es-MX': 'es-MX', en: 'en-US' };

/** Rounds an amount of pesos to whole cents, half away from zero, immune to 1.005 * 100 drift. */
export function roundToCents(amount: number): number {
  return toCents(amount) / 100;
}

/** An amount of pesos as integer cents (half away from zero). */
export function toCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  // toPrecision(15) removes binary noise (100.49999999999999 -> 100.5) before rounding.
  const scaled = Number((Math.abs(amount) * 100).toPrecision(15));
  const cents = Math.round(scaled);
  return amount < 0 ? -cents : cents;
}

/**
 * An amount in MXN as the desk shows it: "$1,234.50" in both languages. Every amount in the app is in
 * pesos, so the narrow "$" is used in English too rather than "MX$".
 */
export function formatMoney(amount: number, lang: Lang = DEFAULT_LANG): string {
  let formatter = moneyFormatters.get(lang);
  if (!formatter) {
    formatter = new Intl.NumberFormat(INTL_LOCALE[lang], {
      style: 'currency',
      currency: 'MXN',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    moneyFormatters.set(lang, formatter);
  }
  return formatter.format(roundToCents(amount));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD into a UTC Date, rejecting impossible dates such as 2026-02-30. */
export function parseIsoDateUtc(date: IsoDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return d;
}

/** Writes a UTC Date back as YYYY-MM-DD. */
export function isoDateFromUtc(d: Date): IsoDate {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** The date `days` days after (or before, when negative) an ISO date (named apart from calendar.ts's addDays). */
export function shiftIsoDate(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDateUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDateFromUtc(d);
}

/** A calendar date in words: "15 de enero de 2026" (es-MX), "January 15, 2026" (en). */
export function formatDate(date: IsoDate, lang: Lang = DEFAULT_LANG): string {
  let formatter = dateFormatters.get(lang);
  if (!formatter) {
    // UTC on both sides: a date has no time zone, and the browser's own zone must not shift the day.
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormatters.set(lang, formatter);
  }
  return formatter.format(parseIsoDateUtc(date));
}
