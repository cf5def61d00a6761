// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { ModalDialog } from './modal-dialog';

/** A page with a button that opens a dialog of two buttons; "Volver" is the safe choice. */
function Page() {
  const [open, setOpen] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Agendar
      </button>
      {open && (
        <ModalDialog labelledBy="t" describedBy="b" initialFocus={back} onDismiss={() => setOpen(false)} backdropClassName="backdrop" className="dialog">
          <h3 id="t">Advertencia</h3>
          <p id="b">El médico ya tiene una cita a esa hora.</p>
          <button ref={back} type="button" onClick={() => setOpen(false)}>
            Volver
          </button>
          <button type="button">Agendar de todos modos</button>
        </ModalDialog>
      )}
    </>
  );
}

describe('ModalDialog', () => {
  it('is a named, described modal dialog that takes the focus on its safe choice', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Agendar' }));
    const dialog = screen.getByRole('dialog', { name: 'Advertencia' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('El médico ya tiene una cita a esa hora.');
    expect(screen.getByRole('button', { name: 'Volver' })).toHaveFocus();
  });

  it('keeps Tab inside, both ways', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Agendar' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Agendar de todos modos' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Volver' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Agendar de todos modos' })).toHaveFocus();
  });

  describe('when dismissed with Escape', () => {
    it('closes and gives the focus back to what opened it', async () => {
      const user = userEvent.setup();
      render(<Page />);
      const opener = screen.getByRole('button', { name: 'Agendar' });
      await user.click(opener);
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(opener).toHaveFocus();
    });
  });
});
