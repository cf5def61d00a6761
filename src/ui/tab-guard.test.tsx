// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutsideTabGuard, TabGuard } from './tab-guard';
import type { TabClaim } from './use-tab-ownership';

const text = { elsewhere: 'Otra pestaña tiene abierto este intento', takeOver: 'Tomar el control aquí', taking: 'Tomando el control…' };
const readOnly: TabClaim = { state: 'elsewhere', revision: 0, taking: false, takeOver: () => undefined };

describe('TabGuard', () => {
  it('keeps the desk inert in a read-only tab, but what the desk puts outside the guard stays usable', async () => {
    const discard = vi.fn();
    render(
      <TabGuard claim={readOnly} text={text}>
        <button type="button">Elegir</button>
        <OutsideTabGuard>
          <button type="button" onClick={discard}>
            Descartar lo apartado
          </button>
        </OutsideTabGuard>
      </TabGuard>,
    );
    expect(screen.getByRole('button', { name: 'Elegir' }).closest('[inert]')).not.toBeNull();
    const button = await screen.findByRole('button', { name: 'Descartar lo apartado' });
    expect(button.closest('[inert]')).toBeNull();
    await userEvent.setup().click(button);
    expect(discard).toHaveBeenCalledTimes(1);
  });

  it('draws OutsideTabGuard in place where there is no guard', () => {
    render(
      <section aria-label="Biblioteca">
        <OutsideTabGuard>
          <p>Aviso</p>
        </OutsideTabGuard>
      </section>,
    );
    expect(screen.getByText('Aviso').closest('section')).not.toBeNull();
  });
});
