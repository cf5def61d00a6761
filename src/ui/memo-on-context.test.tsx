// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { memoOnContext } from './memo-on-context';

interface Ctx {
  a: { n: number };
  b: { n: number };
}

describe('memoOnContext', () => {
  const draws: string[] = [];
  const Panel = memoOnContext(function Panel({ ctx, label }: { ctx: Ctx; label: string }) {
    draws.push(`${label}:${ctx.a.n}`);
    return <p>{`${label} ${ctx.a.n}`}</p>;
  }, ['a']);

  beforeEach(() => {
    draws.length = 0;
  });

  it('redraws when a part it reads changes, not when another part does', () => {
    const a = { n: 1 };
    const { rerender, container } = render(<Panel ctx={{ a, b: { n: 1 } }} label="x" />);
    rerender(<Panel ctx={{ a, b: { n: 2 } }} label="x" />);
    expect(draws).toEqual(['x:1']);
    rerender(<Panel ctx={{ a: { n: 3 }, b: { n: 2 } }} label="x" />);
    expect(draws).toEqual(['x:1', 'x:3']);
    expect(container).toHaveTextContent('x 3');
  });

  it('redraws when another prop changes', () => {
    const ctx = { a: { n: 1 }, b: { n: 1 } };
    const { rerender, container } = render(<Panel ctx={ctx} label="x" />);
    rerender(<Panel ctx={{ ...ctx }} label="y" />);
    expect(draws).toEqual(['x:1', 'y:1']);
    expect(container).toHaveTextContent('y 1');
  });
});
