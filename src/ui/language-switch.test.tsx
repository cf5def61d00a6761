// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LanguageSwitch } from './language-switch';

const options = [
  { value: 'es-MX', label: 'Español' },
  { value: 'en', label: 'English' },
] as const;

describe('LanguageSwitch', () => {
  it('is a labelled group of toggle buttons, each marked with its own language', () => {
    render(<LanguageSwitch label="Idioma" value="es-MX" options={options} onChange={vi.fn()} />);
    const group = screen.getByRole('group', { name: 'Idioma' });
    expect(within(group).getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(group).getByRole('button', { name: 'English' })).toHaveAttribute('lang', 'en');
  });

  it('reports a different choice, and stays quiet for the current one', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<LanguageSwitch label="Idioma" value="es-MX" options={options} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith('en');
  });

  it('can be operated with the keyboard', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<LanguageSwitch label="Idioma" value="es-MX" options={options} onChange={onChange} />);
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'English' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('en');
  });
});
