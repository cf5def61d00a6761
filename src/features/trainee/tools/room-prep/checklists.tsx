import { memo, useId, useState, type FormEvent } from 'react';
import {
  EQUIPMENT,
  HAND_HYGIENE_MOMENT_IDS,
  HAND_HYGIENE_MOMENTS,
  PRIVACY_ITEM_IDS,
  PRIVACY_ITEMS,
  REQUIRED_EQUIPMENT,
  SUPPLIES,
  SUPPLY_IDS,
  type EquipmentId,
  type HandHygieneMoment,
  type SupplyId,
} from '../../../../domain/rooms';
import { say } from '../tool-text';
import type { PartOf } from '../tool-props';
import { Hidden, roomPart, useTr, type PanelProps, type RoomPrepContext } from './room-text';

/** Hand hygiene, naming the WHO moment or not. */
export const HandHygiene = memo(function HandHygiene({ lang, dispatch }: Omit<PanelProps<never>, 'ctx'>) {
  const tr = useTr();
  const id = useId();
  const [moment, setMoment] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen: HandHygieneMoment | undefined = HAND_HYGIENE_MOMENT_IDS.find((m) => m === moment);
    dispatch(chosen ? { type: 'room-prep.handHygiene', moment: chosen } : { type: 'room-prep.handHygiene' });
  };
  return (
    <form className="room-prep-tool__panel" onSubmit={submit}>
      <fieldset className="room-prep-tool__plain">
        <legend>{tr('tools.roomPrep.hygiene.legend')}</legend>
        <div className="room-prep-tool__field">
          <label htmlFor={`${id}-moment`}>{tr('tools.roomPrep.hygiene.moment')}</label>
          <select id={`${id}-moment`} value={moment} onChange={(e) => setMoment(e.target.value)}>
            <option value="">{tr('tools.roomPrep.hygiene.noMoment')}</option>
            {HAND_HYGIENE_MOMENT_IDS.map((m) => (
              <option key={m} value={m}>
                {HAND_HYGIENE_MOMENTS[m].number}. {say(HAND_HYGIENE_MOMENTS[m].name, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {tr('tools.roomPrep.hygiene.perform')}
        </button>
      </fieldset>
    </form>
  );
});

/** One row of a checklist table: the item, its state (flagged when something is missing) and the action on it. */
interface ChecklistRow {
  key: string;
  name: string;
  state: string;
  missing: boolean;
  action?: { label: string; run: () => void } | undefined;
}

/** A panel's table of items, their state and one action each (equipment, supplies). */
function ChecklistTable({ caption, columns, rows }: { caption: string; columns: [string, string, string]; rows: ChecklistRow[] }) {
  const id = useId();
  return (
    <section className="room-prep-tool__panel" aria-labelledby={`${id}-heading`}>
      <table className="room-prep-tool__table">
        <caption id={`${id}-heading`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className={r.missing ? 'room-prep-tool__missing' : undefined}>{r.state}</td>
              <td>
                {r.action && (
                  <button type="button" className="room-prep-tool__button" onClick={r.action.run}>
                    {r.action.label}
                    <Hidden>{r.name}</Hidden>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The specialty's equipment: what is in the room, and placing what is missing. */
/** What the equipment panel reads. */
export const EQUIPMENT_PART = roomPart('equipment', 'specialty');

export const Equipment = memo(function Equipment({ ctx, lang, dispatch }: PanelProps<PartOf<typeof EQUIPMENT_PART>>) {
  const tr = useTr();
  // The specialty's checklist, then anything else already in the room.
  const items: EquipmentId[] = [...REQUIRED_EQUIPMENT[ctx.specialty]];
  for (const e of ctx.equipment.present) if (!items.includes(e)) items.push(e);
  const place = tr('tools.roomPrep.equipment.place');
  return (
    <ChecklistTable
      caption={tr('tools.roomPrep.equipment.heading')}
      columns={[tr('tools.roomPrep.equipment.item'), tr('tools.roomPrep.equipment.status'), tr('tools.roomPrep.equipment.action')]}
      rows={items.map((e) => {
        const present = ctx.equipment.present.includes(e);
        return {
          key: e,
          name: say(EQUIPMENT[e].name, lang),
          state: present ? tr('tools.roomPrep.equipment.present') : tr('tools.roomPrep.equipment.missing'),
          missing: !present,
          action: present ? undefined : { label: place, run: () => dispatch({ type: 'room-prep.placeEquipment', equipment: e }) },
        };
      })}
    />
  );
});

function supplyLevel(ctx: Pick<RoomPrepContext, 'supplies'>, s: SupplyId): 'enough' | 'low' | 'restocked' | 'unavailable' {
  if (ctx.supplies.restocked.includes(s)) return 'restocked';
  if (ctx.supplies.unavailable.includes(s)) return 'unavailable';
  return ctx.supplies.low.includes(s) ? 'low' : 'enough';
}

/** The supplies and their level, and restocking one. */
/** What the supplies panel reads. */
export const SUPPLIES_PART = roomPart('supplies');

export const Supplies = memo(function Supplies({ ctx, lang, dispatch }: PanelProps<PartOf<typeof SUPPLIES_PART>>) {
  const tr = useTr();
  const restock = tr('tools.roomPrep.supplies.restock');
  return (
    <ChecklistTable
      caption={tr('tools.roomPrep.supplies.heading')}
      columns={[tr('tools.roomPrep.supplies.item'), tr('tools.roomPrep.supplies.level'), tr('tools.roomPrep.supplies.action')]}
      rows={SUPPLY_IDS.map((s) => {
        const level = supplyLevel(ctx, s);
        return {
          key: s,
          name: say(SUPPLIES[s].name, lang),
          state: tr(`tools.roomPrep.supplies.${level}`),
          missing: level === 'low' || level === 'unavailable',
          action: { label: restock, run: () => dispatch({ type: 'room-prep.restock', item: s }) },
        };
      })}
    />
  );
});

/** What the patient's privacy needs (gown, curtain, sheet...). */
/** What the privacy panel reads. */
export const PRIVACY_PART = roomPart('privacy');

export const Privacy = memo(function Privacy({ ctx, lang, dispatch }: PanelProps<PartOf<typeof PRIVACY_PART>>) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="room-prep-tool__panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.roomPrep.privacy.heading')}</h3>
      <ul className="room-prep-tool__privacy">
        {PRIVACY_ITEM_IDS.map((p) => {
          const done = ctx.privacy.done.includes(p);
          const name = say(PRIVACY_ITEMS[p].name, lang);
          return (
            <li key={p}>
              <span>{name}</span>{' '}
              <span className={done ? 'room-prep-tool__done' : 'room-prep-tool__muted'}>
                ({done ? tr('tools.roomPrep.privacy.prepared') : tr('tools.roomPrep.privacy.notYet')})
              </span>{' '}
              <button type="button" className="room-prep-tool__button" onClick={() => dispatch({ type: 'room-prep.privacy', item: p })}>
                {tr('tools.roomPrep.privacy.prepare')}
                <Hidden>{name}</Hidden>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
