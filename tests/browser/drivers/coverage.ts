/** Coverage entries -> the payer and rights-check screen (src/features/trainee/tools/coverage/coverage-tool.tsx). */
import { PAYERS } from '../../../src/domain/coverage';
import type { PayerKind } from '../../../src/domain/types';
import type { LogEntry } from '../../../src/engine/format/log';
import type { DriverContext } from './support';
import { check, params, pick, press, str, tr, type } from './support';

const C = 'tools.coverage';

/** Plays one coverage entry. */
export async function coverage(ctx: DriverContext, entry: LogEntry): Promise<void> {
  const { page } = ctx;
  const p = params(entry);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  switch (entry.type) {
    case 'coverage.sendToCareNow':
      return press(ctx, button(tr(`${C}.service.sendToCare`)), 'send to care now');
    case 'coverage.identifyPayer': {
      const kind = str(entry, 'kind') as PayerKind;
      const payer = PAYERS[kind];
      if (!payer) throw new Error(`Unknown payer ${kind}`);
      const group = page.getByRole('group', { name: tr(`${C}.payer.question`), exact: true });
      await check(ctx, group.getByRole('radio', { name: payer.name['es-MX'], exact: true }), `payer ${kind}`);
      return press(ctx, button(tr(`${C}.payer.submit`)), 'record payer');
    }
    case 'coverage.lookupImss':
      await type(ctx, field(tr(`${C}.imss.curp`)), str(entry, 'curp'), 'IMSS CURP', 'none');
      await type(ctx, field(tr(`${C}.imss.nss`)), str(entry, 'nss'), 'IMSS NSS', 'none');
      return press(ctx, button(tr(`${C}.imss.submit`)), 'look up rights');
    case 'coverage.askForConstancia':
      return press(ctx, button(tr(`${C}.imss.askConstancia`)), 'ask for constancia');
    case 'coverage.explainConservation':
      return press(ctx, button(tr(`${C}.imss.explainConservation`)), 'explain conservation');
    case 'coverage.referToUmf':
      await type(ctx, field(tr(`${C}.imss.referLabel`)), String(p.umf), 'UMF', 'none');
      return press(ctx, button(tr(`${C}.imss.refer`)), 'refer to UMF');
    case 'coverage.checkCard':
      await type(ctx, field(tr(`${C}.card.affiliation`)), str(entry, 'affiliation'), 'affiliation', 'none');
      return press(ctx, button(tr(`${C}.card.submit`)), 'check card');
    case 'coverage.lookupPolicy':
      // The insurer field has a list of suggestions: a combobox for assistive technology.
      await type(ctx, page.getByRole('combobox', { name: tr(`${C}.insurer.insurer`), exact: true }), str(entry, 'insurer'), 'insurer', 'none');
      await type(ctx, field(tr(`${C}.insurer.policy`)), str(entry, 'policy'), 'policy', 'none');
      return press(ctx, button(tr(`${C}.insurer.submit`)), 'look up policy');
    case 'coverage.recordAuthorization':
      return press(ctx, button(tr(`${C}.insurer.recordLetter`)), 'record authorization letter');
    case 'coverage.requestAuthorization':
      return press(ctx, button(tr(`${C}.insurer.requestAuthorization`)), 'request authorization');
    case 'coverage.quoteShare':
      await type(ctx, field(tr(`${C}.calc.amount`)), String(p.amount), 'amount', 'none');
      return press(ctx, button(tr(`${C}.calc.recordAmount`)), 'record amount');
    case 'coverage.informPatient':
      return press(ctx, button(tr(`${C}.calc.inform`)), 'inform patient');
    case 'coverage.offerAlternative':
      return press(ctx, button(tr(str(entry, 'option') === 'imss-bienestar' ? `${C}.alternative.bienestar` : `${C}.alternative.selfPay`)), 'offer alternative');
    case 'coverage.complete':
      await pick(ctx, page.getByRole('combobox', { name: tr(`${C}.complete.route`), exact: true }), { label: tr(`${C}.routes.${str(entry, 'route')}`) }, 'route');
      return press(ctx, button(tr(`${C}.complete.submit`)), 'complete');
    default:
      throw new Error(`The coverage tool has no control for ${entry.type}`);
  }
}
