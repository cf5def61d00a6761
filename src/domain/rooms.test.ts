import {
  CLEANING_STEP_IDS,
  CLEANING_STEPS,
  EQUIPMENT,
  EQUIPMENT_IDS,
  HAND_HYGIENE_MOMENT_IDS,
  HAND_HYGIENE_MOMENTS,
  PRIVACY_ITEMS,
  REQUIRED_EQUIPMENT,
  ROOM_PREP_HAND_HYGIENE_MOMENTS,
  SPECIALTIES,
  SUPPLIES,
  checkCleaningOrder,
  checkRoomOrder,
  missingEquipment,
  standardCleaningSteps,
  type CleaningStepId,
} from './rooms';

const codes = (steps: CleaningStepId[]) => checkCleaningOrder(steps).map((p) => p.code);

describe('equipment', () => {
  it('has a bilingual name for every item, keyed by its own id', () => {
    for (const id of EQUIPMENT_IDS) {
      expect(EQUIPMENT[id].id).toBe(id);
      expect(EQUIPMENT[id].name['es-MX']).not.toBe('');
      expect(EQUIPMENT[id].name.en).not.toBe('');
    }
  });

  it('marks as unconfirmed the items the facts do not settle', () => {
    expect(EQUIPMENT['pediatric-length-board'].unconfirmed).toBe(true);
    expect(EQUIPMENT['ekg-electrodes'].unconfirmed).toBe(true);
    expect(EQUIPMENT['crash-cart'].unconfirmed).toBeUndefined();
  });

  it('requires an EKG machine and a crash cart in cardiology, and an infant scale in pediatrics', () => {
    expect(REQUIRED_EQUIPMENT.cardiology).toEqual(expect.arrayContaining(['ekg-machine', 'crash-cart']));
    expect(REQUIRED_EQUIPMENT.pediatrics).toEqual(expect.arrayContaining(['infant-scale', 'pediatric-exam-table']));
    expect(REQUIRED_EQUIPMENT.general).not.toContain('crash-cart');
    for (const s of SPECIALTIES) expect(REQUIRED_EQUIPMENT[s]).toContain('stethoscope');
  });

  it('lists the confirmed items that are missing, in catalogue order', () => {
    expect(missingEquipment('cardiology', ['adult-scale', 'thermometer', 'glucometer', 'bp-cuff', 'stethoscope'])).toEqual([
      'ekg-machine',
      'crash-cart',
    ]);
  });

  it('skips unconfirmed items unless asked for them', () => {
    const all = REQUIRED_EQUIPMENT.pediatrics.filter((id) => EQUIPMENT[id].unconfirmed !== true);
    expect(missingEquipment('pediatrics', all)).toEqual([]);
    expect(missingEquipment('pediatrics', all, { includeUnconfirmed: true })).toEqual(['exam-table', 'pediatric-length-board']);
  });

  it('ignores unknown ids in the present list', () => {
    expect(missingEquipment('general', ['toaster'])).toHaveLength(5);
  });
});

describe('supplies and privacy items', () => {
  it('are bilingual', () => {
    for (const s of Object.values(SUPPLIES)) expect(s.name.en.length).toBeGreaterThan(0);
    for (const p of Object.values(PRIVACY_ITEMS)) expect(p.name['es-MX'].length).toBeGreaterThan(0);
  });

  it('ground only the locked screen in the facts (no data visible to others)', () => {
    expect(PRIVACY_ITEMS['screen-off'].unconfirmed).toBeUndefined();
    expect(PRIVACY_ITEMS.curtain.unconfirmed).toBe(true);
  });
});

describe('checkCleaningOrder', () => {
  it('accepts the catalogue order, with and without organic matter', () => {
    expect(checkCleaningOrder([...CLEANING_STEP_IDS])).toEqual([]);
    expect(checkCleaningOrder(standardCleaningSteps(false))).toEqual([]);
    expect(standardCleaningSteps(false)).not.toContain('remove-organic-matter');
    expect(standardCleaningSteps(true)[0]).toBe('remove-organic-matter');
  });

  it('accepts an empty or partial order', () => {
    expect(checkCleaningOrder([])).toEqual([]);
    expect(checkCleaningOrder(['disinfect-exam-table', 'mop-floor'])).toEqual([]);
  });

  it('requires visible organic matter to be removed first', () => {
    expect(codes(['clean-desk', 'remove-organic-matter'])).toEqual(['cleaning.organicNotFirst']);
    expect(codes(['remove-organic-matter', 'clean-desk'])).toEqual([]);
  });

  it('requires top to bottom', () => {
    expect(codes(['clean-desk', 'clean-high-surfaces'])).toEqual(['cleaning.bottomBeforeTop']);
  });

  it('requires clean to dirty', () => {
    expect(codes(['disinfect-exam-table', 'clean-equipment'])).toEqual(['cleaning.dirtyBeforeClean']);
  });

  it('requires inside to outside', () => {
    expect(codes(['clean-door-handles', 'empty-ordinary-waste'])).toEqual(['cleaning.outsideBeforeInside']);
  });

  it('requires the table to be disinfected before the new paper goes on', () => {
    expect(codes(['change-table-paper', 'disinfect-exam-table'])).toContain('cleaning.beforeItsPrerequisite');
    expect(codes(['change-table-paper'])).toEqual(['cleaning.beforeItsPrerequisite']);
  });

  it('reports each broken rule once and names the offending steps in both languages', () => {
    const problems = checkCleaningOrder(['mop-floor', 'clean-door-handles', 'clean-desk', 'clean-high-surfaces']);
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['cleaning.bottomBeforeTop', 'cleaning.dirtyBeforeClean', 'cleaning.outsideBeforeInside'].sort(),
    );
    const topDown = problems.find((p) => p.code === 'cleaning.bottomBeforeTop');
    expect(topDown?.message['es-MX']).toContain(CLEANING_STEPS['clean-door-handles'].name['es-MX']);
    expect(topDown?.message.en).toContain(CLEANING_STEPS['mop-floor'].name.en);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });
});

describe('checkRoomOrder', () => {
  it('accepts isolation rooms at the end', () => {
    expect(checkRoomOrder([{ id: 'c1' }, { id: 'c2' }, { id: 'iso', isolation: true }])).toEqual([]);
    expect(checkRoomOrder([{ id: 'c1' }])).toEqual([]);
  });

  it('flags a room cleaned after an isolation room', () => {
    const [p] = checkRoomOrder([{ id: 'iso', isolation: true }, { id: 'c1' }]);
    expect(p?.code).toBe('cleaning.isolationNotLast');
    expect(p?.message.en).toContain('"c1"');
  });
});

describe('hand hygiene moments', () => {
  it('lists WHO 5 moments numbered 1 to 5', () => {
    expect(HAND_HYGIENE_MOMENT_IDS.map((m) => HAND_HYGIENE_MOMENTS[m].number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies moments 3 and 5 to preparing an empty room', () => {
    expect(ROOM_PREP_HAND_HYGIENE_MOMENTS).toEqual(['after-body-fluid', 'after-surroundings']);
  });
});
