// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { UpdateBar } from './update-bar';
import { useUpdateMark } from './update-mark';

/** A desk with two buttons: "Act" marks the desk, "Commit" replaces the state the mark waits for. */
function Desk() {
  const [state, setState] = useState(0);
  const { root, mark } = useUpdateMark(state);
  return (
    <article ref={root} aria-label="desk">
      <UpdateBar />
      <button type="button" onClick={mark}>
        Act
      </button>
      <button type="button" onClick={() => setState((n) => n + 1)}>
        Commit {state}
      </button>
    </article>
  );
}

describe('useUpdateMark', () => {
  it('marks the desk busy from an action until the next commit', () => {
    render(<Desk />);
    const desk = screen.getByRole('article', { name: 'desk' });
    expect(desk).not.toHaveAttribute('aria-busy');
    act(() => screen.getByRole('button', { name: 'Act' }).click());
    expect(desk).toHaveAttribute('aria-busy', 'true');

    act(() => screen.getByRole('button', { name: 'Commit 0' }).click());
    expect(desk).not.toHaveAttribute('aria-busy');
  });

  it('keeps the update bar out of the accessibility tree', () => {
    render(<Desk />);
    expect(document.querySelector('.update-bar')).toHaveAttribute('aria-hidden', 'true');
  });
});
