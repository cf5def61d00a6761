// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { Person } from '../domain/types';
import { DocumentCard } from './document-card';

const holder: Person = {
  id: 'patient',
  name: { given: 'Gloria', first: 'Hernández', second: 'García' },
  birth: '1956-04-27',
  sex: 'M',
  birthState: 'VZ',
  language: 'es',
  coverage: { kind: 'imss', nss: '72795608040', umf: 12 },
  documents: [],
};

describe('DocumentCard', () => {
  it('is a figure named by its caption, with the values the document states (not the truth)', () => {
    render(<DocumentCard lang="es-MX" holder={holder} doc={{ kind: 'ine', name: holder.name, curp: 'HEGG560427MVZRRL09', birth: '1956-04-27', expires: '2030-12-31' }} />);
    const card = screen.getByRole('figure', { name: /Credencial para votar \(INE\)/ });
    expect(within(card).getByText('HERNÁNDEZ GARCÍA GLORIA')).toBeInTheDocument();
    expect(within(card).getByText('HEGG560427MVZRRL09')).toBeInTheDocument();
    expect(within(card).getByText('27/04/1956')).toBeInTheDocument();
    expect(within(card).getByText('CURP').tagName).toBe('DT');
    expect(card.querySelector('.doc-card__watermark')).toHaveAttribute('data-text', 'SIMULACIÓN');
    expect(card).toHaveTextContent('Documento ficticio para capacitación');
  });

  it('shows an IMSS card with NSS and the holder\'s UMF, in English too', () => {
    render(<DocumentCard lang="en" holder={holder} doc={{ kind: 'imss-card', nss: '72795608040' }} />);
    const card = screen.getByRole('figure', { name: /IMSS card/ });
    expect(within(card).getByText('Social security number (NSS)')).toBeInTheDocument();
    expect(within(card).getByText('Family medicine unit').nextSibling).toHaveTextContent('12');
  });
});
