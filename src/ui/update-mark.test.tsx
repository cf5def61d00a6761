// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { useUpdateMark } from './update-mark';

/** A desk with two buttons: "Act" marks the desk, "Commit" replaces the state the mark waits for. */
function Desk() {
  const [state, setState] = useState(0);
  const { root, mark } = useUpdateMark(state);
  return (
    <article ref={root} aria-label="desk">
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
  it('marks the desk busy and the focused control as acted on, until the next commit', () => {
    render(<Desk />);
    const desk = screen.getByRole('article', { name: 'desk' });
    const acted = screen.getByRole('button', { name: 'Act' });
    acted.focus();
    act(() => acted.click());
    expect(desk).toHaveAttribute('aria-busy', 'true');
    expect(acted).toHaveAttribute('data-acting');

    act(() => screen.getByRole('button', { name: 'Commit 0' }).click());
    expect(desk).not.toHaveAttribute('aria-busy');
    expect(acted).not.toHaveAttribute('data-acting');
  });

  it('marks only the desk when the focus is outside it', () => {
    render(
      <>
        <button type="button">Outside</button>
        <Desk />
      </>,
    );
    const outside = screen.getByRole('button', { name: 'Outside' });
    outside.focus();
    act(() => screen.getByRole('button', { name: 'Act' }).click());
    expect(screen.getByRole('article', { name: 'desk' })).toHaveAttribute('aria-busy', 'true');
    expect(outside).not.toHaveAttribute('data-acting');
  });
});
