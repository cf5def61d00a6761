/** Room-prep entries -> the room preparation screen (src/features/trainee/tools/room-prep/room-prep-tool.tsx). */
import { CONTAINERS, WASTE_ITEMS, type ContainerId, type WasteItemId } from '../../../src/domain/rpbi';
import {
  CLEANING_STEPS,
  EQUIPMENT,
  HAND_HYGIENE_MOMENTS,
  PRIVACY_ITEMS,
  SUPPLIES,
  type CleaningStepId,
  type EquipmentId,
  type HandHygieneMoment,
  type PrivacyItemId,
  type SupplyId,
} from '../../../src/domain/rooms';
import type { LogEntry } from '../../../src/engine/format/log';
import type { DriverContext } from './support';
import { params, pick, press, str, tr } from './support';

const P = 'tools.roomPrep';

/** Looks a name up in a catalogue, failing with the entry when the id is unknown. */
function nameOf<K extends string>(catalogue: Record<K, { name: { 'es-MX': string } }>, id: string, entry: LogEntry): string {
  const found = (catalogue as Record<string, { name: { 'es-MX': string } } | undefined>)[id];
  if (!found) throw new Error(`Unknown id "${id}" in ${JSON.stringify(entry)}`);
  return found.name['es-MX'];
}

/** Plays one room-prep entry. */
export async function roomPrep(ctx: DriverContext, entry: LogEntry): Promise<void> {
  const { page } = ctx;
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  switch (entry.type) {
    case 'room-prep.handHygiene': {
      const moment = params(entry).moment as HandHygieneMoment | undefined;
      const label = moment === undefined ? tr(`${P}.hygiene.noMoment`) : `${HAND_HYGIENE_MOMENTS[moment].number}. ${HAND_HYGIENE_MOMENTS[moment].name['es-MX']}`;
      await pick(ctx, page.getByRole('combobox', { name: tr(`${P}.hygiene.moment`), exact: true }), { label }, 'hand hygiene moment');
      return press(ctx, button(tr(`${P}.hygiene.perform`)), 'hand hygiene');
    }
    case 'room-prep.cleanStep': {
      const steps = page.getByRole('list', { name: tr(`${P}.cleaning.steps`), exact: true });
      return press(ctx, steps.getByRole('button', { name: nameOf(CLEANING_STEPS, str(entry, 'step') as CleaningStepId, entry), exact: true }), 'cleaning step');
    }
    case 'room-prep.dispose': {
      const item = nameOf(WASTE_ITEMS, str(entry, 'item') as WasteItemId, entry);
      const container = nameOf(CONTAINERS, str(entry, 'container') as ContainerId, entry);
      const select = page.getByRole('combobox', { name: tr(`${P}.waste.container`, { item }), exact: true });
      // Two pieces of the same waste have a row each: the first one is disposed first.
      const row = page.getByRole('listitem').filter({ has: select }).first();
      await pick(ctx, row.getByRole('combobox'), { label: container }, `container for ${item}`);
      return press(ctx, row.getByRole('button', { name: `${tr(`${P}.waste.dispose`)} ${item}`, exact: true }), `dispose ${item}`);
    }
    case 'room-prep.replaceContainer':
      return press(ctx, button(`${tr(`${P}.containers.replace`)} ${nameOf(CONTAINERS, str(entry, 'container') as ContainerId, entry)}`), 'replace container');
    case 'room-prep.placeEquipment':
      return press(ctx, button(`${tr(`${P}.equipment.place`)} ${nameOf(EQUIPMENT, str(entry, 'equipment') as EquipmentId, entry)}`), 'place equipment');
    case 'room-prep.restock':
      return press(ctx, button(`${tr(`${P}.supplies.restock`)} ${nameOf(SUPPLIES, str(entry, 'item') as SupplyId, entry)}`), 'restock');
    case 'room-prep.privacy':
      return press(ctx, button(`${tr(`${P}.privacy.prepare`)} ${nameOf(PRIVACY_ITEMS, str(entry, 'item') as PrivacyItemId, entry)}`), 'privacy');
    case 'room-prep.markReady':
      return press(ctx, button(tr(`${P}.markReady`)), 'mark ready');
    default:
      throw new Error(`The room-prep tool has no control for ${entry.type}`);
  }
}
