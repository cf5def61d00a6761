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
import { Hidden, panelOf, useTr, type PanelProps, type RoomPrepContext } from './room-text';

/** Hand hygiene, naming the WHO moment or not. */
export const HandHygiene = memo(function HandHygiene({ lang, dispatch }: Omit<PanelProps, 'ctx'>) {
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

/** The specialty's equipment: what is in the room, and placing what is missing. */
export const Equipment = panelOf(function Equipment({ ctx, lang, dispatch }: PanelProps) {
  const tr = useTr();
  const id = useId();
  // The specialty's checklist, then anything else already in the room.
  const items: EquipmentId[] = [...REQUIRED_EQUIPMENT[ctx.specialty]];
  for (const e of ctx.equipment.present) if (!items.includes(e)) items.push(e);
  return (
    <section className="room-prep-tool__panel" aria-labelledby={`${id}-heading`}>
      <table className="room-prep-tool__table">
        <caption id={`${id}-heading`}>{tr('tools.roomPrep.equipment.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('tools.roomPrep.equipment.item')}</th>
            <th scope="col">{tr('tools.roomPrep.equipment.status')}</th>
            <th scope="col">{tr('tools.roomPrep.equipment.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const present = ctx.equipment.present.includes(e);
            const name = say(EQUIPMENT[e].name, lang);
            return (
              <tr key={e}>
                <th scope="row">{name}</th>
                <td className={present ? undefined : 'room-prep-tool__missing'}>
                  {present ? tr('tools.roomPrep.equipment.present') : tr('tools.roomPrep.equipment.missing')}
                </td>
                <td>
                  {!present && (
                    <button
                      type="button"
                      className="room-prep-tool__button"
                      onClick={() => dispatch({ type: 'room-prep.placeEquipment', equipment: e })}
                    >
                      {tr('tools.roomPrep.equipment.place')}
                      <Hidden>{name}</Hidden>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}, ['equipment', 'specialty']);

function supplyLevel(ctx: RoomPrepContext, s: SupplyId): 'enough' | 'low' | 'restocked' | 'unavailable' {
  if (ctx.supplies.restocked.includes(s)) return 'restocked';
  if (ctx.supplies.unavailable.includes(s)) return 'unavailable';
  return ctx.supplies.low.includes(s) ? 'low' : 'enough';
}

/** The supplies and their level, and restocking one. */
export const Supplies = panelOf(function Supplies({ ctx, lang, dispatch }: PanelProps) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="room-prep-tool__panel" aria-labelledby={`${id}-heading`}>
      <table className="room-prep-tool__table">
        <caption id={`${id}-heading`}>{tr('tools.roomPrep.supplies.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('tools.roomPrep.supplies.item')}</th>
            <th scope="col">{tr('tools.roomPrep.supplies.level')}</th>
            <th scope="col">{tr('tools.roomPrep.supplies.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SUPPLY_IDS.map((s) => {
            const level = supplyLevel(ctx, s);
            const name = say(SUPPLIES[s].name, lang);
            return (
              <tr key={s}>
                <th scope="row">{name}</th>
                <td className={level === 'low' || level === 'unavailable' ? 'room-prep-tool__missing' : undefined}>
                  {tr(`tools.roomPrep.supplies.${level}`)}
                </td>
                <td>
                  <button type="button" className="room-prep-tool__button" onClick={() => dispatch({ type: 'room-prep.restock', item: s })}>
                    {tr('tools.roomPrep.supplies.restock')}
                    <Hidden>{name}</Hidden>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}, ['supplies']);

/** What the patient's privacy needs (gown, curtain, sheet...). */
export const Privacy = panelOf(function Privacy({ ctx, lang, dispatch }: PanelProps) {
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
}, ['privacy']);
