// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { RichText } from './rich-text';

describe('RichText', () => {
  it('renders **bold** and *italic* as elements and everything else as text', () => {
    const { container } = render(<p><RichText text="Pida **la INE** y *confirme* los datos." /></p>);
    expect(screen.getByText('la INE').tagName).toBe('STRONG');
    expect(screen.getByText('confirme').tagName).toBe('EM');
    expect(container.textContent).toBe('Pida la INE y confirme los datos.');
  });

  it('never turns authored markup into elements', () => {
    const { container } = render(<p><RichText text={'<img src=x onerror="alert(1)"> <script>alert(2)</script>'} /></p>);
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});
