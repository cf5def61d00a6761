// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { memo } from 'react';
import { contextPart, useContextPart, useToolSlice, type PartOf, type ToolSnapshot } from './tool-props';

interface Ctx {
  room: { status: string };
  count: number;
}

const roomOf = (ctx: Ctx) => ctx.room;
const statusPair = (ctx: Ctx) => [ctx.room.status];
const samePair = (a: string[], b: string[]) => a[0] === b[0];
const drawn: string[] = [];
const pairs: string[][] = [];

const RoomPanel = memo(function RoomPanel({ room }: { room: Ctx['room'] }) {
  drawn.push(room.status);
  return <p>{room.status}</p>;
});

function Tool({ snapshot }: { snapshot: ToolSnapshot<Ctx> }) {
  const room = useToolSlice(snapshot, roomOf);
  const pair = useToolSlice(snapshot, statusPair, samePair);
  pairs.push(pair);
  return (
    <>
      <RoomPanel room={room} />
      <RoomPanel room={{ status: pair[0] ?? '' }} />
    </>
  );
}

const snap = (context: Ctx): ToolSnapshot<Ctx> => ({ value: 'open', context, status: 'active' });

describe('useToolSlice', () => {
  it('keeps a panel as drawn when the action changed another part of the context, and redraws it when its part changed', () => {
    drawn.length = 0;
    pairs.length = 0;
    const room = { status: 'sucia' };
    const view = render(<Tool snapshot={snap({ room, count: 0 })} />);
    expect(drawn).toEqual(['sucia', 'sucia']);
    view.rerender(<Tool snapshot={snap({ room, count: 1 })} />);
    // The first panel kept its room; the second gets a new object every render and redraws.
    expect(drawn).toEqual(['sucia', 'sucia', 'sucia']);
    // A slice `equal` calls unchanged keeps its identity.
    expect(pairs[1]).toBe(pairs[0]);
    view.rerender(<Tool snapshot={snap({ room: { status: 'limpia' }, count: 1 })} />);
    expect(drawn.slice(3)).toEqual(['limpia', 'limpia']);
    expect(view.container.textContent).toBe('limpialimpia');
  });
});

const roomPart = contextPart<Ctx>()('room');
const roomDrawn: string[] = [];

const PartPanel = memo(function PartPanel({ ctx }: { ctx: PartOf<typeof roomPart> }) {
  roomDrawn.push(ctx.room.status);
  return <p>{ctx.room.status}</p>;
});

function PartTool({ snapshot }: { snapshot: ToolSnapshot<Ctx> }) {
  return <PartPanel ctx={useContextPart(snapshot, roomPart)} />;
}

describe('useContextPart', () => {
  it('redraws a panel only when one of the keys its part names changed', () => {
    roomDrawn.length = 0;
    const room = { status: 'sucia' };
    const view = render(<PartTool snapshot={snap({ room, count: 0 })} />);
    view.rerender(<PartTool snapshot={snap({ room, count: 1 })} />);
    expect(roomDrawn).toEqual(['sucia']);
    view.rerender(<PartTool snapshot={snap({ room: { status: 'limpia' }, count: 1 })} />);
    expect(roomDrawn).toEqual(['sucia', 'limpia']);
    expect(view.container.textContent).toBe('limpia');
  });
});
