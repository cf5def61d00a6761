/** Registration entries -> the clinic's record screen (src/features/trainee/tools/registration/registration-tool.tsx). */
import type { Person } from '../../../src/domain/types';
import type { LogEntry } from '../../../src/engine/format/log';
import type { DriverContext } from './support';
import { check, exactly, params, pick, press, spokenName, str, taskPersonId, tr, type } from './support';

const R = 'tools.registration';
const SENSITIVE = ['allergies', 'chronicConditions', 'currentMedications', 'reasonForVisit'];
const INTERPRETER_CODES = ['nah', 'yua', 'tzh', 'tzo', 'mix', 'zap', 'oto', 'maz', 'ctu', 'tar', 'mfs', 'en'];

const person = (ctx: DriverContext, id: string | undefined): Person => {
  const found = ctx.data.people[id ?? taskPersonId(ctx)];
  if (!found) throw new Error(`No person "${String(id)}" in the case`);
  return found;
};

/** How the tool labels a person in its lists (consent signer). */
const personLabel = (ctx: DriverContext, p: Person): string =>
  p.id === taskPersonId(ctx)
    ? tr(`${R}.people.patient`, { name: spokenName(p.name) })
    : tr(`${R}.people.other`, { name: spokenName(p.name), relation: p.relation ?? tr(`${R}.people.companion`) });

/** Plays one registration entry. */
export async function registration(ctx: DriverContext, entry: LogEntry): Promise<void> {
  const { page } = ctx;
  const p = params(entry);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  switch (entry.type) {
    case 'registration.requestId': {
      const who = person(ctx, p.personId as string | undefined);
      return press(ctx, button(tr(`${R}.id.request`, { name: who.name.given })), `request ID of ${who.id}`);
    }
    case 'registration.verifyId': {
      const who = person(ctx, p.personId as string | undefined);
      const group = page.getByRole('group', { name: tr(`${R}.id.verdictGroup`, { name: spokenName(who.name) }), exact: true });
      const verdict = str(entry, 'verdict') === 'matches' ? tr(`${R}.id.matches`) : tr(`${R}.id.mismatch`);
      return press(ctx, group.getByRole('button', { name: verdict, exact: true }), `ID verdict for ${who.id}`);
    }
    case 'registration.search':
      return type(ctx, page.getByRole('searchbox', { name: tr(`${R}.search.label`), exact: true }), str(entry, 'query'), 'record search', 'Enter');
    case 'registration.selectRecord':
      return press(ctx, button(tr(`${R}.search.openLabel`, { id: str(entry, 'recordId') })), 'open record');
    case 'registration.newRecord':
      return press(ctx, button(tr(`${R}.search.closeAndNew`)), 'close record and start a new one');
    case 'registration.showPrivacyNotice':
      return press(ctx, button(tr(`${R}.privacy.show`)), 'privacy notice');
    case 'registration.recordConsent': {
      const signer = person(ctx, str(entry, 'signedBy'));
      await check(ctx, page.getByRole('group', { name: tr(`${R}.consent.signer`), exact: true }).getByRole('radio', { name: personLabel(ctx, signer), exact: true }), 'consent signer');
      const accepted = p.voluntaryPurposes === true;
      await check(
        ctx,
        page.getByRole('group', { name: tr(`${R}.consent.voluntary`), exact: true }).getByRole('radio', { name: tr(accepted ? `${R}.consent.voluntaryAccepted` : `${R}.consent.voluntaryRefused`), exact: true }),
        'voluntary purposes',
      );
      return press(ctx, button(tr(`${R}.consent.record`)), 'record consent');
    }
    case 'registration.requestInterpreter': {
      const language = str(entry, 'language');
      const select = page.getByRole('combobox', { name: tr(`${R}.interpreter.language`), exact: true });
      if (INTERPRETER_CODES.includes(language)) {
        await pick(ctx, select, { label: tr(`${R}.interpreter.languages.${language}`) }, 'interpreter language');
      } else {
        await pick(ctx, select, { label: tr(`${R}.interpreter.other`) }, 'interpreter language');
        await type(ctx, page.getByRole('textbox', { name: tr(`${R}.interpreter.otherCode`), exact: true }), language, 'interpreter language code', 'none');
      }
      return press(ctx, button(tr(`${R}.interpreter.request`)), 'request interpreter');
    }
    case 'registration.enter': {
      const field = str(entry, 'field');
      const value = str(entry, 'value');
      const label = tr(`${R}.fields.${field}.label`);
      if (field === 'sex') {
        const select = page.getByRole('combobox', { name: label, exact: true });
        // The tool commits the choice on leaving the field, as the text fields.
        await pick(ctx, select, { value }, 'sex');
        return select.press('Tab');
      }
      // Sensitive fields carry a "(dato sensible)" mark in their label.
      const name = SENSITIVE.includes(field) ? exactly(label, ' ') : label;
      return type(ctx, page.getByLabel(name, { exact: true }), value, `field ${field}`);
    }
    case 'registration.readBack':
      return press(ctx, button(tr(`${R}.save.readBack`)), 'read back');
    case 'registration.save':
      return press(ctx, button(tr(`${R}.save.save`)), 'save');
    case 'registration.cancel':
      await press(ctx, button(tr(`${R}.save.cancel`)), 'cancel');
      return press(ctx, button(tr(`${R}.save.cancelYes`)), 'confirm cancel');
    default:
      throw new Error(`The registration tool has no control for ${entry.type}`);
  }
}
