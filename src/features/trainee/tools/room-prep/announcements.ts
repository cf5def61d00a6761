import type { Lang } from '../../../../domain/text';
import { CLEANING_STEPS, EQUIPMENT, PRIVACY_ITEMS, SUPPLIES } from '../../../../domain/rooms';
import { CONTAINERS, WASTE_ITEMS } from '../../../../domain/rpbi';
import { say } from '../tool-text';
import type { RoomPrepContext, Translate } from './room-text';

/** What the polite live region says after an accepted action (null: nothing new). */
export function describeChange(prev: RoomPrepContext, next: RoomPrepContext, tr: Translate, lang: Lang): string | null {
  if (next.history.length <= prev.history.length) return null;
  const last = next.history[next.history.length - 1];
  switch (last) {
    case 'room-prep.handHygiene':
      return tr('tools.roomPrep.announce.hygiene');
    case 'room-prep.cleanStep': {
      const step = next.cleaning.done.at(-1);
      return step ? tr('tools.roomPrep.announce.step', { step: say(CLEANING_STEPS[step].name, lang) }) : null;
    }
    case 'room-prep.dispose': {
      const d = next.waste.disposals.at(-1);
      return d
        ? tr('tools.roomPrep.announce.disposed', { item: say(WASTE_ITEMS[d.item].name, lang), container: say(CONTAINERS[d.container].name, lang) })
        : null;
    }
    case 'room-prep.replaceContainer': {
      const s = next.containers.sealed.at(-1);
      return s ? tr('tools.roomPrep.announce.replaced', { container: say(CONTAINERS[s.container].name, lang) }) : null;
    }
    case 'room-prep.restock': {
      if (next.supplies.unavailable.length > prev.supplies.unavailable.length) {
        const item = next.supplies.unavailable.at(-1);
        return item ? tr('tools.roomPrep.announce.unavailable', { item: say(SUPPLIES[item].name, lang) }) : null;
      }
      const item = next.supplies.restocked.at(-1);
      return item ? tr('tools.roomPrep.announce.restocked', { item: say(SUPPLIES[item].name, lang) }) : null;
    }
    case 'room-prep.placeEquipment': {
      const item = next.equipment.placed.at(-1);
      return item ? tr('tools.roomPrep.announce.placed', { item: say(EQUIPMENT[item].name, lang) }) : null;
    }
    case 'room-prep.privacy': {
      const item = next.privacy.done.at(-1);
      return item ? tr('tools.roomPrep.announce.privacy', { item: say(PRIVACY_ITEMS[item].name, lang) }) : null;
    }
    case 'room-prep.markReady':
      return tr('tools.roomPrep.markedReady');
    default:
      return null;
  }
}
