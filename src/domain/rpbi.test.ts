import {
  CONTAINERS,
  MAX_FILL_PERCENT,
  RPBI_NORM,
  STORAGE_LIMIT_DAYS,
  WASTE_ITEMS,
  WASTE_ITEM_IDS,
  canDeposit,
  checkDisposal,
  checkStorage,
  containerFor,
  isContainer,
  isOverFilled,
  isRpbi,
  isWasteItem,
} from './rpbi';

describe('containerFor', () => {
  it.each([
    ['needle', 'sharps'],
    ['scalpel-blade', 'sharps'],
    ['lancet', 'sharps'],
    ['blood-soaked-gauze', 'redBag'],
    ['gloves-with-blood', 'redBag'],
    ['tissue-sample', 'yellowBag'],
    ['liquid-blood-tube', 'redHermetic'],
    ['culture', 'redHermetic'],
    ['liquid-pathological', 'yellowHermetic'],
    ['table-paper', 'ordinary'],
    ['wrapper', 'ordinary'],
    ['food-wrapper', 'ordinary'],
  ] as const)('%s goes in %s', (itemId, container) => {
    expect(containerFor(itemId)).toBe(container);
  });

  it('says ordinary paper and wrappers are not RPBI', () => {
    expect(isRpbi('ordinary-paper')).toBe(false);
    expect(isRpbi('wrapper')).toBe(false);
    expect(isRpbi('needle')).toBe(true);
    expect(CONTAINERS.ordinary.rpbi).toBe(false);
  });

  it('marks the items the facts do not settle as unconfirmed', () => {
    const unconfirmed = WASTE_ITEM_IDS.filter((id) => WASTE_ITEMS[id].unconfirmed === true);
    expect(unconfirmed).toEqual(['broken-ampoule', 'gloves-without-fluids', 'urine-cup']);
  });

  it('has bilingual explanations citing the norm for every item', () => {
    for (const id of WASTE_ITEM_IDS) {
      expect(WASTE_ITEMS[id].explanation['es-MX']).toContain(RPBI_NORM);
      expect(WASTE_ITEMS[id].explanation.en).toContain(RPBI_NORM);
    }
  });

  it('recognises ids', () => {
    expect(isWasteItem('needle')).toBe(true);
    expect(isWasteItem('banana')).toBe(false);
    expect(isContainer('sharps')).toBe(true);
    expect(isContainer('red-bag')).toBe(false);
  });
});

describe('checkDisposal', () => {
  it('accepts the right container', () => {
    expect(checkDisposal('needle', 'sharps')).toEqual([]);
  });

  it('flags a sharp outside the rigid container', () => {
    const [p] = checkDisposal('needle', 'redBag');
    expect(p?.code).toBe('rpbi.sharpNotInSharps');
    expect(p?.message['es-MX']).toContain(RPBI_NORM);
  });

  it('flags RPBI in the ordinary bin and ordinary waste in RPBI', () => {
    expect(checkDisposal('blood-soaked-gauze', 'ordinary')[0]?.code).toBe('rpbi.rpbiInOrdinary');
    expect(checkDisposal('wrapper', 'redBag')[0]?.code).toBe('rpbi.ordinaryInRpbi');
  });

  it('flags a mix-up between RPBI containers', () => {
    expect(checkDisposal('tissue-sample', 'redBag')[0]?.code).toBe('rpbi.wrongContainer');
  });

  it('never scores unconfirmed items', () => {
    expect(checkDisposal('urine-cup', 'redBag')).toEqual([]);
    expect(checkDisposal('broken-ampoule', 'ordinary')).toEqual([]);
  });
});

describe('the 80% rule', () => {
  it('lets waste into RPBI containers only below 80%', () => {
    expect(MAX_FILL_PERCENT).toBe(80);
    expect(canDeposit('sharps', 79)).toBe(true);
    expect(canDeposit('sharps', 80)).toBe(false);
    expect(canDeposit('redBag', 95)).toBe(false);
  });

  it('does not apply to ordinary waste', () => {
    expect(canDeposit('ordinary', 95)).toBe(true);
  });

  it('calls a container over-filled above 80%', () => {
    expect(isOverFilled(80)).toBe(false);
    expect(isOverFilled(81)).toBe(true);
  });
});

describe('temporary storage', () => {
  it('allows 30, 15 and 7 days by unit level', () => {
    expect(STORAGE_LIMIT_DAYS).toEqual({ 1: 30, 2: 15, 3: 7 });
    expect(checkStorage(1, 30)).toEqual([]);
    expect(checkStorage(2, 15)).toEqual([]);
    expect(checkStorage(3, 7)).toEqual([]);
  });

  it('flags a longer stay, naming the level and limit', () => {
    const [p] = checkStorage(3, 8);
    expect(p?.code).toBe('rpbi.storageExceeded');
    expect(p?.message['es-MX']).toContain('nivel III');
    expect(p?.message.en).toContain('7 days');
    expect(checkStorage(1, 31)).toHaveLength(1);
  });
});
