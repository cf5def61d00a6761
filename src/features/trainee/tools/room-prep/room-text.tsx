/**
 * What the room's panels share: the workflow's names (the one import of the room-prep machine),
 * the tool's typed `t`, and the panels' props.
 */
import type { ComponentType } from 'react';
import { roomPrepEvents, type RoomPrepEvent } from '../../../../machines/room-prep/events';
import type { RoomPrepContext } from '../../../../machines/room-prep/types';
import { memoOnContext } from '../../../../ui/memo-on-context';
import type { Lang } from '../../../../domain/text';
import type { SendResult, ToolEvent, ToolProps } from '../tool-props';
import { useToolTr, type ToolKey, type Translate as TranslateOf } from '../tool-text';

export type { RoomPrepContext };

/** The schema of a room event's params: the workflow definition's own event table, which the run validates with. */
export const paramsOf = (type: RoomPrepEvent['type']) => roomPrepEvents[type].params;

export type Translate = TranslateOf<ToolKey<'roomPrep'>>;
export const useTr = (): Translate => useToolTr<ToolKey<'roomPrep'>>();
export type Dispatch = (event: ToolEvent) => SendResult;

/** Reads the snapshot's context; the desk hands it over untyped. */
export const contextOf = (props: ToolProps): RoomPrepContext => props.snapshot.context as RoomPrepContext;

export interface PanelProps {
  ctx: RoomPrepContext;
  lang: Lang;
  dispatch: Dispatch;
}

/** A panel that redraws only when the parts of the room it reads (`keys`), the language or dispatch change. */
export const panelOf = (Panel: ComponentType<PanelProps>, keys: ReadonlyArray<keyof RoomPrepContext>) => memoOnContext(Panel, keys);

/** Text that only screen readers get: a row button's object ("Colocar" + "Termómetro"). */
export const Hidden = ({ children }: { children: string }) => (
  <>
    {' '}
    <span className="room-prep-tool__sr-only">{children}</span>
  </>
);
