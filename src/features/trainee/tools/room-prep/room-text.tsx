/**
 * What the room's panels share: the workflow's names (the one import of the room-prep machine),
 * the tool's typed `t`, and the panels' props.
 */
import { roomPrepEvents, type RoomPrepEvent } from '../../../../machines/room-prep/events';
import type { RoomPrepContext } from '../../../../machines/room-prep/types';
import type { Lang } from '../../../../domain/text';
import { contextPart, type SendResult } from '../tool-props';
import { useToolTr, type ToolKey, type Translate as TranslateOf } from '../tool-text';

export type { RoomPrepContext };

/** The schema of a room event's params: the workflow definition's own event table, which the run validates with. */
export const paramsOf = <T extends RoomPrepEvent['type']>(type: T): (typeof roomPrepEvents)[T]['params'] => roomPrepEvents[type].params;

export type Translate = TranslateOf<ToolKey<'roomPrep'>>;
export const useTr = (): Translate => useToolTr<ToolKey<'roomPrep'>>();
export type Dispatch = (event: RoomPrepEvent) => SendResult;

/** Names a panel's part of the room's context (tool-props.ts). */
export const roomPart = contextPart<RoomPrepContext>();

/** A panel's props: its part of the room (`PartOf` its part), the language and the tool's dispatch. */
export interface PanelProps<P> {
  ctx: P;
  lang: Lang;
  dispatch: Dispatch;
}

/** Text that only screen readers get: a row button's object ("Colocar" + "Termómetro"). */
export const Hidden = ({ children }: { children: string }) => (
  <>
    {' '}
    <span className="room-prep-tool__sr-only">{children}</span>
  </>
);
