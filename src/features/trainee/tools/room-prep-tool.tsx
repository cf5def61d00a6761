/**
 * The exam room between two patients (room-prep workflow): hand hygiene, cleaning steps in the
 * order the trainee chooses, equipment, supplies, waste and its containers, privacy, and the room
 * board's "ready". It renders only from the workflow snapshot and sends `room-prep.*` events; the
 * machine records every choice, so nothing here blocks a mistake or marks an answer as right.
 */
import { memo, startTransition, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ComponentType, type FormEvent } from 'react';
import type { CustomTypeOptions } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CLEANING_STEP_IDS,
  CLEANING_STEPS,
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
} from '../../../domain/rooms';
import { CONTAINER_IDS, CONTAINERS, MAX_FILL_PERCENT, WASTE_ITEMS, type ContainerId, type WasteItemId } from '../../../domain/rpbi';
import { SPECIALTY_NAMES } from '../../../domain/clinic';
import type { Lang, LocalizedText } from '../../../domain/text';
import type { RoomPrepContext } from '../../../machines/room-prep.machine';
import type { SendResult, ToolEvent, ToolProps } from './tool-props';
import './room-prep-tool.css';
import { memoOnContext } from '../../../ui/memo-on-context';
import { afterThisFrame } from '../../../ui/update-mark';
import { useCachedT } from '../../../ui/use-cached-t';
import { useQuietState } from '../../../ui/use-quiet-state';

const say = (text: LocalizedText, lang: Lang) => text[lang];

/** Reads the snapshot's context; the desk hands it over untyped. */
const contextOf = (props: ToolProps): RoomPrepContext => props.snapshot.context as RoomPrepContext;

/** Leaf paths of a resource subtree: 'tools.roomPrep.title' | ... */
type Leaves<T, P extends string> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
type Key = Leaves<CustomTypeOptions['resources']['tools']['tools']['roomPrep'], 'tools.roomPrep.'>;
type Translate = (key: Key, vars?: Record<string, string | number>) => string;

/**
 * i18next's `t`, typed against this tool's keys only: checking every call against the whole
 * resource tree made the type check of this file take minutes.
 */
function useTr(): Translate {
  const t = useCachedT(useTranslation('tools'));
  return t as unknown as Translate;
}
type Dispatch = (event: ToolEvent) => SendResult;

/** What the polite live region says after an accepted action (null: nothing new). */
function describeChange(prev: RoomPrepContext, next: RoomPrepContext, tr: Translate, lang: Lang): string | null {
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

/** The room board's tool for preparing an exam room. */
export default function RoomPrepTool(props: ToolProps) {
  const tr = useTr();
  const { lang } = props;
  const ctx = contextOf(props);
  const id = useId();
  const finished = props.snapshot.status === 'done';
  const [sendError, setSendError] = useState<LocalizedText | null>(null);
  // The machine keeps every refusal; the screen shows the one caused by the trainee's last action.
  const [rejectedBefore, setRejectedBefore] = useState<number | null>(null);
  const [prev, setPrev] = useState(ctx);
  const [announcement, setAnnouncement] = useState('');
  if (prev !== ctx) {
    setPrev(ctx);
    const said = describeChange(prev, ctx, tr, lang);
    if (said) setAnnouncement(said);
  }

  // One function for the tool's life, so the memoised panels below redraw only when their part of the room changes.
  const latest = useRef({ send: props.send, rejected: ctx.rejected.length });
  useLayoutEffect(() => {
    latest.current = { send: props.send, rejected: ctx.rejected.length };
  });
  const dispatch: Dispatch = useCallback((event) => {
    const before = latest.current.rejected;
    const result = latest.current.send(event);
    // Drawn with the action's new view, after the frame that acknowledges it (ui/update-mark.ts).
    afterThisFrame(() =>
      startTransition(() => {
        setRejectedBefore(before);
        setSendError(result.ok ? null : result.reason);
      }),
    );
    return result;
  }, []);

  const rejection = rejectedBefore !== null && ctx.rejected.length > rejectedBefore ? ctx.rejected[ctx.rejected.length - 1] : undefined;

  // A neutral order (alphabetical in the language on screen), so the list does not give the answer away.
  const stepsByName = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return [...CLEANING_STEP_IDS].sort((a, b) => collator.compare(say(CLEANING_STEPS[a].name, lang), say(CLEANING_STEPS[b].name, lang)));
  }, [lang]);

  return (
    <div className="room-prep-tool">
      <header className="room-prep-tool__header">
        <h2 className="room-prep-tool__title">
          {tr('tools.roomPrep.title')} — {ctx.room.name}
        </h2>
        <p className="room-prep-tool__badge">{tr('tools.roomPrep.simulation')}</p>
      </header>

      {/* The desk announces a refusal by the run; only the room's own refusals are announced here. */}
      <div className="room-prep-tool__alert" data-empty={rejection || sendError ? 'false' : 'true'}>
        <div role="alert">
          {rejection && (
            <>
              <p className="room-prep-tool__alert-title">{tr('tools.roomPrep.rejectedTitle')}</p>
              <p>{say(rejection.reason, lang)}</p>
            </>
          )}
        </div>
        {!rejection && sendError && (
          <>
            <p className="room-prep-tool__alert-title">{tr('tools.roomPrep.rejectedTitle')}</p>
            <p>{say(sendError, lang)}</p>
          </>
        )}
      </div>
      <p role="status" className="room-prep-tool__status">
        {announcement}
      </p>

      <dl className="room-prep-tool__facts">
        <div>
          <dt>{tr('tools.roomPrep.room')}</dt>
          <dd>{ctx.room.name}</dd>
        </div>
        <div>
          <dt>{tr('tools.roomPrep.specialty')}</dt>
          <dd>{say(SPECIALTY_NAMES[ctx.specialty], lang)}</dd>
        </div>
        <div>
          <dt>{tr('tools.roomPrep.board')}</dt>
          <dd className={`room-prep-tool__board room-prep-tool__board--${ctx.board}`}>{tr(`tools.roomPrep.boardStatus.${ctx.board}`)}</dd>
        </div>
        <div>
          <dt>{tr('tools.roomPrep.hands.label')}</dt>
          <dd>{tr(`tools.roomPrep.hands.${ctx.hands}`)}</dd>
        </div>
      </dl>
      {ctx.cleaning.organicMatter && !ctx.cleaning.done.includes('remove-organic-matter') && (
        <p className="room-prep-tool__notice">{tr('tools.roomPrep.organicMatter')}</p>
      )}

      <fieldset className="room-prep-tool__frame" disabled={finished}>
        <div className="room-prep-tool__layout">
          <HandHygiene lang={lang} dispatch={dispatch} />

          <section className="room-prep-tool__panel" aria-labelledby={`${id}-cleaning`}>
            <h3 id={`${id}-cleaning`}>{tr('tools.roomPrep.cleaning.heading')}</h3>
            <p className="room-prep-tool__muted" id={`${id}-cleaning-help`}>
              {tr('tools.roomPrep.cleaning.help')}
            </p>
            <ul className="room-prep-tool__steps" aria-label={tr('tools.roomPrep.cleaning.steps')}>
              {stepsByName.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className="room-prep-tool__button"
                    aria-describedby={`${id}-cleaning-help`}
                    onClick={() => dispatch({ type: 'room-prep.cleanStep', step: s })}
                  >
                    {say(CLEANING_STEPS[s].name, lang)}
                  </button>
                </li>
              ))}
            </ul>
            <h4 id={`${id}-done`}>{tr('tools.roomPrep.cleaning.done')}</h4>
            {ctx.cleaning.done.length === 0 ? (
              <p className="room-prep-tool__muted">{tr('tools.roomPrep.cleaning.noneYet')}</p>
            ) : (
              <ol aria-labelledby={`${id}-done`} className="room-prep-tool__sequence">
                {ctx.cleaning.done.map((s, i) => (
                  <li key={i}>{say(CLEANING_STEPS[s].name, lang)}</li>
                ))}
              </ol>
            )}
          </section>

          <Waste ctx={ctx} lang={lang} dispatch={dispatch} />
          <Containers ctx={ctx} lang={lang} dispatch={dispatch} />
          <Equipment ctx={ctx} lang={lang} dispatch={dispatch} />
          <Supplies ctx={ctx} lang={lang} dispatch={dispatch} />
          <Privacy ctx={ctx} lang={lang} dispatch={dispatch} />
        </div>
        <div className="room-prep-tool__finish">
          {finished && <p className="room-prep-tool__ready-note">{tr('tools.roomPrep.markedReady')}</p>}
          <button type="button" className="button button--primary" onClick={() => dispatch({ type: 'room-prep.markReady' })}>
            {tr('tools.roomPrep.markReady')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Panels
// ---------------------------------------------------------------------------------------------

interface PanelProps {
  ctx: RoomPrepContext;
  lang: Lang;
  dispatch: Dispatch;
}

/** A panel that redraws only when the parts of the room it reads (`keys`), the language or dispatch change. */
const panelOf = (Panel: ComponentType<PanelProps>, keys: ReadonlyArray<keyof RoomPrepContext>) => memoOnContext(Panel, keys);

/** Text that only screen readers get: a row button's object ("Colocar" + "Termómetro"). */
const Hidden = ({ children }: { children: string }) => (
  <>
    {' '}
    <span className="room-prep-tool__sr-only">{children}</span>
  </>
);

const HandHygiene = memo(function HandHygiene({ lang, dispatch }: Omit<PanelProps, 'ctx'>) {
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

/** One row of the waste list: the item, a container picker and "Desechar". */
const WasteRow = memo(function WasteRow(props: { item: WasteItemId; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const [container, setContainer] = useState('');
  const [error, setError] = useQuietState<string | undefined>(undefined);
  const name = say(WASTE_ITEMS[props.item].name, props.lang);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const chosen: ContainerId | undefined = CONTAINER_IDS.find((c) => c === container);
    setError(chosen ? undefined : tr('tools.roomPrep.waste.containerRequired'));
    if (!chosen) return;
    // The disposed row leaves the list: keep keyboard focus in the list, on the next row's picker.
    const row = e.currentTarget.closest('li');
    const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector('select');
    if (props.dispatch({ type: 'room-prep.dispose', item: props.item, container: chosen }).ok) {
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

const Waste = panelOf(function Waste({ ctx, lang, dispatch }: PanelProps) {
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
}, ['waste']);

const Containers = panelOf(function Containers({ ctx, lang, dispatch }: PanelProps) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="room-prep-tool__panel room-prep-tool__panel--wide" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{tr('tools.roomPrep.containers.heading')}</h3>
      <ul className="room-prep-tool__containers">
        {CONTAINER_IDS.map((c) => {
          const fill = ctx.containers.fill[c];
          const name = say(CONTAINERS[c].name, lang);
          const percent = tr('tools.roomPrep.containers.percent', { value: fill });
          return (
            <li key={c} className={`room-prep-tool__container room-prep-tool__container--${c}`}>
              <p className="room-prep-tool__container-name" id={`${id}-${c}`}>
                <span className="room-prep-tool__swatch" aria-hidden="true" />
                {name}
                <span className="room-prep-tool__muted">
                  {' '}
                  · {CONTAINERS[c].rpbi ? tr('tools.roomPrep.containers.rpbi') : tr('tools.roomPrep.containers.notRpbi')}
                </span>
              </p>
              <div
                role="meter"
                aria-label={tr('tools.roomPrep.containers.fill', { container: name })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={fill}
                aria-valuetext={percent}
                className="room-prep-tool__meter"
              >
                <div className="room-prep-tool__meter-fill" style={{ width: `${fill}%` }} />
                {CONTAINERS[c].rpbi && (
                  <div className="room-prep-tool__meter-line" style={{ left: `${MAX_FILL_PERCENT}%` }} aria-hidden="true" />
                )}
              </div>
              <p className="room-prep-tool__meter-text">
                <strong>{percent}</strong>
                {CONTAINERS[c].rpbi && (
                  <span className="room-prep-tool__muted"> · {tr('tools.roomPrep.containers.fillLine', { value: MAX_FILL_PERCENT })}</span>
                )}
              </p>
              <button
                type="button"
                className="room-prep-tool__button"
                onClick={() => dispatch({ type: 'room-prep.replaceContainer', container: c })}
              >
                {tr('tools.roomPrep.containers.replace')}
                <Hidden>{name}</Hidden>
              </button>
            </li>
          );
        })}
      </ul>
      {ctx.containers.sealed.length > 0 && (
        <>
          <h4>{tr('tools.roomPrep.containers.sealed')}</h4>
          <ul>
            {ctx.containers.sealed.map((s, i) => (
              <li key={i}>{tr('tools.roomPrep.containers.sealedLine', { container: say(CONTAINERS[s.container].name, lang), value: s.fill })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}, ['containers']);

const Equipment = panelOf(function Equipment({ ctx, lang, dispatch }: PanelProps) {
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

const Supplies = panelOf(function Supplies({ ctx, lang, dispatch }: PanelProps) {
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

const Privacy = panelOf(function Privacy({ ctx, lang, dispatch }: PanelProps) {
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
