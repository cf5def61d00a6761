import { foldCode, foldText } from './fold';

describe('foldText', () => {
  it('compares names without case, accents or extra spaces', () => {
    expect(foldText('  José   Hernández\tGarcía ')).toBe('JOSE HERNANDEZ GARCIA');
    expect(foldText('Ñuñez')).toBe('NUNEZ');
  });
});

describe('foldCode', () => {
  it('compares affiliation numbers without spaces, dots or dashes', () => {
    expect(foldCode(' 12.345-67 89 ')).toBe('123456789');
    expect(foldCode('pól-iza 9')).toBe('POLIZA9');
  });
});
