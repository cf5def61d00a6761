/**
 * The exam room between two patients (room-prep workflow): hand hygiene, cleaning steps in the
 * order the trainee chooses, equipment, supplies, waste and its containers, privacy, and the room
 * board's "ready". It renders only from the workflow snapshot and sends `room-prep.*` events; the
 * machine records every choice, so nothing here blocks a mistake or marks an answer as right.
 */
import { useId, useMemo } from 'react';
import { CLEANING_STEP_IDS, CLEANING_STEPS } from '../../../../domain/rooms';
import { SPECIALTY_NAMES } from '../../../../domain/clinic';
import { LiveStatus } from '../../../../ui/live-status';
import { useContextPart, type ToolProps } from '../tool-props';
import { RefusalBox } from '../refusal-box';
import { say } from '../tool-text';
import { useAnnouncement } from '../use-announcement';
import { useToolSend } from '../use-tool-send';
import { describeChange } from './announcements';
import { Equipment, EQUIPMENT_PART, HandHygiene, Privacy, PRIVACY_PART, Supplies, SUPPLIES_PART } from './checklists';
import { Containers, CONTAINERS_PART } from './containers';
import { useTr } from './room-text';
import { Waste, WASTE_PART } from './waste';
import '../tool-common.css';
import './room-prep-tool.css';

/** The room board's tool for preparing an exam room. */
export default function RoomPrepTool(props: ToolProps<'room-prep'>) {
  const tr = useTr();
  const { lang, snapshot } = props;
  const ctx = snapshot.context;
  const id = useId();
  const finished = props.snapshot.status === 'done';
  // A refusal by the desk is shown with the action's new view, after the frame that acknowledges it.
  const { dispatch, refused: sendError } = useToolSend(props.send, 'afterFrame');
  const [announcement] = useAnnouncement(ctx, (prev, next) => describeChange(prev, next, tr, lang));
  const parts = {
    waste: useContextPart(snapshot, WASTE_PART),
    containers: useContextPart(snapshot, CONTAINERS_PART),
    equipment: useContextPart(snapshot, EQUIPMENT_PART),
    supplies: useContextPart(snapshot, SUPPLIES_PART),
    privacy: useContextPart(snapshot, PRIVACY_PART),
  };

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
      <RefusalBox
        className="room-prep-tool__alert"
        title={tr('tools.roomPrep.rejectedTitle')}
        refusal={ctx.refusal}
        runRefusal={sendError && say(sendError, lang)}
        lang={lang}
      />
      <LiveStatus className="room-prep-tool__status">{announcement}</LiveStatus>

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

          <Waste ctx={parts.waste} lang={lang} dispatch={dispatch} />
          <Containers ctx={parts.containers} lang={lang} dispatch={dispatch} />
          <Equipment ctx={parts.equipment} lang={lang} dispatch={dispatch} />
          <Supplies ctx={parts.supplies} lang={lang} dispatch={dispatch} />
          <Privacy ctx={parts.privacy} lang={lang} dispatch={dispatch} />
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
