import { memo, startTransition, useId, useState, type FormEvent } from 'react';
import { CONTAINER_IDS, CONTAINERS, WASTE_ITEMS, type WasteItemId } from '../../../../domain/rpbi';
import type { Lang } from '../../../../domain/text';
import { afterThisFrame } from '../../../../ui/update-mark';
import { checkParams } from '../schema-field-errors';
import { say } from '../tool-text';
import type { PartOf } from '../tool-props';
import { Hidden, paramsOf, roomPart, useTr, type Dispatch, type PanelProps } from './room-text';

/** One row of the waste list: the item, a container picker and "Desechar". */
const WasteRow = memo(function WasteRow(props: { item: WasteItemId; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const [container, setContainer] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const name = say(WASTE_ITEMS[props.item].name, props.lang);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const params = { item: props.item, container };
    const checked = checkParams(paramsOf('room-prep.dispose'), params, { container: tr('tools.roomPrep.waste.containerRequired') });
    const found = checked.ok ? undefined : checked.errors.container;
    // Set only when it changes: a click that leaves it as it was draws nothing more.
    if (found !== error) setError(found);
    if (!checked.ok) return;
    // The disposed row leaves the list: keep keyboard focus in the list, on the next row's picker.
    const row = e.currentTarget.closest('li');
    const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector('select');
    if (props.dispatch({ type: 'room-prep.dispose', ...checked.params }).ok) {
      // Rows are reused (see Waste): this one may now stand for another piece of the same waste,
      // reset with the new view. Focus moves then too: moving it makes the browser lay the page out,
      // which would otherwise hold back the frame that acknowledges the action.
      afterThisFrame(() => {
        neighbour?.focus();
        startTransition(() => setContainer(''));
      });
    }
  };
  return (
    <li className="room-prep-tool__waste-row">
      <form onSubmit={submit} noValidate>
        <span className="room-prep-tool__waste-name" id={`${id}-name`}>
          {name}
        </span>
        <label htmlFor={`${id}-container`} className="room-prep-tool__sr-only">
          {tr('tools.roomPrep.waste.container', { item: name })}
        </label>
        <select
          id={`${id}-container`}
          value={container}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setContainer(e.target.value)}
        >
          <option value="">{tr('tools.roomPrep.waste.chooseContainer')}</option>
          {CONTAINER_IDS.map((c) => (
            <option key={c} value={c}>
              {say(CONTAINERS[c].name, props.lang)}
            </option>
          ))}
        </select>
        <button type="submit" className="room-prep-tool__button">
          {tr('tools.roomPrep.waste.dispose')}
          <Hidden>{name}</Hidden>
        </button>
        {error && (
          <p id={`${id}-error`} className="room-prep-tool__field-error">
            {error}
          </p>
        )}
      </form>
    </li>
  );
});

/** The waste left in the room, each piece with its container, and what was disposed of. */
/** What the waste panel reads. */
export const WASTE_PART = roomPart('waste');

export const Waste = memo(function Waste({ ctx, lang, dispatch }: PanelProps<PartOf<typeof WASTE_PART>>) {
  const tr = useTr();
  const id = useId();
  // Rows are keyed by occurrence counted from the end ("needle#2" is the second-to-last needle):
  // disposing removes an item's first occurrence, so every other row keeps its key, its picker and
  // its DOM (re-creating the whole list after each disposal cost a redraw of every row).
  const seen = new Map<WasteItemId, number>();
  const rows = ctx.waste.pending
    .toReversed()
    .map((item) => {
      const n = (seen.get(item) ?? 0) + 1;
      seen.set(item, n);
      return { item, key: `${item}#${n}` };
    })
    .reverse();
  return (
    <section className="room-prep-tool__panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.roomPrep.waste.heading')}</h3>
      {rows.length === 0 ? (
        <p>{tr('tools.roomPrep.waste.none')}</p>
      ) : (
        <ul className="room-prep-tool__waste">
          {rows.map((r) => (
            <WasteRow key={r.key} item={r.item} lang={lang} dispatch={dispatch} />
          ))}
        </ul>
      )}
      {ctx.waste.disposals.length > 0 && (
        <>
          <h4>{tr('tools.roomPrep.waste.disposed')}</h4>
          <ul>
            {ctx.waste.disposals.map((d, i) => (
              <li key={i}>
                {tr('tools.roomPrep.waste.disposedLine', {
                  item: say(WASTE_ITEMS[d.item].name, lang),
                  container: say(CONTAINERS[d.container].name, lang),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
