import type { Lang } from '../../../../domain/text';
import { doctorName, longDate, type SchedulingContext, type Translate } from './agenda';

/** What the polite live region says after the agenda changed (null: nothing worth saying). */
export function describeChange(prev: SchedulingContext, next: SchedulingContext, tr: Translate, lang: Lang): string | null {
  const when = (date: string, start: string, doctorId: string) => ({
    date: longDate(date, lang),
    time: start,
    doctor: doctorName(next.clinic, doctorId),
  });
  if (next.record.changes.length > prev.record.changes.length) {
    const change = next.record.changes[next.record.changes.length - 1];
    if (!change) return null;
    switch (change.kind) {
      case 'book':
        return change.to ? tr('tools.scheduling.announce.booked', when(change.to.date, change.to.start, change.to.doctorId)) : null;
      case 'reschedule':
        return change.to ? tr('tools.scheduling.announce.rescheduled', when(change.to.date, change.to.start, change.to.doctorId)) : null;
      case 'cancel':
        return tr('tools.scheduling.announce.cancelled');
      case 'noShow':
        return tr('tools.scheduling.announce.noShow');
      case 'waitingList':
        return tr('tools.scheduling.announce.waitingList', { name: next.record.offers[next.record.offers.length - 1]?.name ?? '' });
    }
  }
  if (next.record.messages.length > prev.record.messages.length) {
    const message = next.record.messages[next.record.messages.length - 1];
    if (!message) return null;
    const channel = tr(`tools.scheduling.channels.${message.channel}`);
    return message.kind === 'confirmation'
      ? tr('tools.scheduling.announce.confirmation', { channel })
      : tr('tools.scheduling.announce.reminder', { channel });
  }
  if (next.pending && !prev.pending) return tr('tools.scheduling.announce.warning');
  if (!next.pending && prev.pending) return tr('tools.scheduling.announce.dismissed');
  if (next.searched && (!prev.searched || next.slots !== prev.slots)) {
    return tr('tools.scheduling.announce.searched', { n: next.slots.length });
  }
  if (next.selection.date !== prev.selection.date) return tr('tools.scheduling.announce.date', { date: longDate(next.selection.date, lang) });
  if (next.selection !== prev.selection) return tr('tools.scheduling.announce.filters');
  return null;
}

