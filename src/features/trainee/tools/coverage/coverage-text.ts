/**
 * What the coverage screen's pieces share: the workflow's names (the one import of the coverage
 * machine), the payer screen from the snapshot, amounts as typed, and the tool's `t`.
 */
import type { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/text';
import { coverageEvents, type CoverageEvent, type CoverageEventType } from '../../../../machines/coverage/events';
import { COVERAGE_ROUTES, type CoverageContext, type CoverageRoute } from '../../../../machines/coverage/types';
import type { SendResult } from '../tool-props';

export { COVERAGE_ROUTES, type CoverageContext, type CoverageRoute };

/** The schema of a coverage event's params: the workflow definition's own event table, which the run validates with. */
export const paramsOf = <T extends CoverageEventType>(type: T): (typeof coverageEvents)[T]['params'] => coverageEvents[type].params;

export type Tr = ReturnType<typeof useTranslation<'tools', 'tools.coverage'>>['t'];
export type Send = (event: CoverageEvent) => SendResult;

export type Screen = 'identifying' | 'imss' | 'institution' | 'bienestar' | 'insurer' | 'selfPay' | 'completed';

/** The payer screen and its sub-state from the snapshot value. */
export function screenOf(value: unknown): { screen: Screen; sub: string } {
  if (value === 'completed') return { screen: 'completed', sub: '' };
  const active = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).active : undefined;
  if (typeof active === 'string') return { screen: active as Screen, sub: '' };
  if (typeof active === 'object' && active !== null) {
    const [screen, sub] = Object.entries(active as Record<string, unknown>)[0] ?? ['identifying', ''];
    return { screen: screen as Screen, sub: String(sub) };
  }
  return { screen: 'identifying', sub: '' };
}

/** Reads an amount as people type it: "$1,234.50", "1234.5", " 15 000 ". NaN when it is not a number. */
export function parseAmount(text: string): number {
  const cleaned = text.replace(/[$\s,]/g, '').replace(/^MXN/i, '');
  if (cleaned === '' || !/^\d+(\.\d+)?$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** What the polite status region says after the last accepted action. */
export function statusText(c: CoverageContext, lang: Lang, t: Tr): string {
  const last = c.history.at(-1) as CoverageEventType | undefined;
  if (last === undefined) return '';
  if (last === 'coverage.lookupImss') {
    const answer = c.imss.lookups.at(-1)?.answer;
    if (answer === undefined) return '';
    if (answer === null) return t('imss.announceRejected');
    if (answer.result === 'down') return t('portal.down');
    if (answer.result === 'not-found') return t('imss.notFound');
    return t('imss.announceFound', { status: t(`imss.status.${answer.status}`) });
  }
  if (last === 'coverage.lookupPolicy') {
    const answer = c.insurer.lookups.at(-1)?.answer;
    if (answer === undefined) return '';
    if (answer.result === 'down') return t('portal.down');
    if (answer.result === 'not-found') return t('insurer.notFound');
    return t('insurer.announceFound', { insurer: answer.insurer });
  }
  return t('announce', { n: c.history.length, action: coverageEvents[last].description[lang] });
}
