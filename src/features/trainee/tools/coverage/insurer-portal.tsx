import { useId, useState } from 'react';
import type { ClaimRoute } from '../../../../domain/coverage';
import { formatMoney } from '../../../../domain/money';
import type { Lang } from '../../../../domain/text';
import type { CoverageContext, Send, Tr } from './coverage-text';

/** Main insurers by market share (facts doc §3), offered as suggestions; any name may be typed. */
const INSURERS = ['GNP', 'MetLife', 'AXA', 'Seguros Monterrey New York Life', 'Atlas'];

const yesNo = (t: Tr, v: boolean) => (v ? t('yes') : t('no'));
const percentFormats = { 'es-MX': new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }) };
const percent = (fraction: number, lang: Lang) => `${percentFormats[lang].format(fraction * 100)} %`;

/** The insurer's portal: the policy's terms, its fallback when down, and the prior authorization. */
export function InsurerPortal({ c, sub, lang, t, send }: { c: CoverageContext; sub: string; lang: Lang; t: Tr; send: Send }) {
  const id = useId();
  const last = c.insurer.lookups.at(-1);
  const [insurer, setInsurer] = useState(last?.insurer ?? '');
  const [policy, setPolicy] = useState(last?.policy ?? '');
  const answer = c.insurer.answer;
  const lookup = (request: { insurer: string; policy: string }) => send({ type: 'coverage.lookupPolicy', ...request });
  return (
    <section className="cov-tool__panel cov-tool__portal" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('insurer.heading')}</h3>
      <form
        className="cov-tool__grid"
        onSubmit={(e) => {
          e.preventDefault();
          lookup({ insurer, policy });
        }}
      >
        <div className="cov-tool__field">
          <label htmlFor={`${id}-ins`}>{t('insurer.insurer')}</label>
          <input id={`${id}-ins`} list={`${id}-ins-list`} value={insurer} maxLength={80} autoComplete="off" onChange={(e) => setInsurer(e.target.value)} />
          <datalist id={`${id}-ins-list`}>
            {INSURERS.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
        <div className="cov-tool__field">
          <label htmlFor={`${id}-pol`}>{t('insurer.policy')}</label>
          <input id={`${id}-pol`} className="cov-tool__mono" value={policy} maxLength={60} autoComplete="off" onChange={(e) => setPolicy(e.target.value)} />
        </div>
        <div className="cov-tool__field cov-tool__field--end">
          <button type="submit" className="button button--primary">
            {t('insurer.submit')}
          </button>
        </div>
      </form>

      <div className="cov-tool__result" aria-labelledby={`${id}-r`} role="region">
        <h4 id={`${id}-r`}>{t('insurer.result')}</h4>
        {sub === 'awaitingLookup' && <p>{t('insurer.awaiting')}</p>}
        {sub === 'portalDown' && last && (
          <div className="cov-tool__down">
            <p className="cov-tool__down-title">{t('portal.down')}</p>
            <div className="cov-tool__row">
              <button type="button" className="button" onClick={() => lookup({ insurer: last.insurer, policy: last.policy })}>
                {t('portal.retry')}
              </button>
            </div>
            <h5>{t('insurer.fallbackHeading')}</h5>
            <p>{t('insurer.fallback')}</p>
          </div>
        )}
        {sub === 'policyShown' && answer?.result === 'not-found' && <p>{t('insurer.notFound')}</p>}
        {sub === 'policyShown' && answer?.result === 'found' && (
          <dl className="cov-tool__facts">
            <div>
              <dt>{t('insurer.insurer')}</dt>
              <dd>{answer.insurer}</dd>
            </div>
            <div>
              <dt>{t('insurer.inForce')}</dt>
              <dd>{yesNo(t, answer.inForce)}</dd>
            </div>
            <div>
              <dt>{t('insurer.inNetwork')}</dt>
              <dd>{yesNo(t, answer.inNetwork)}</dd>
            </div>
            <div>
              <dt>{t('insurer.deductible')}</dt>
              <dd>{formatMoney(answer.deductible, lang)}</dd>
            </div>
            <div>
              <dt>{t('insurer.coinsurance')}</dt>
              <dd>{percent(answer.coinsurance, lang)}</dd>
            </div>
            <div>
              <dt>{t('insurer.cap')}</dt>
              <dd>{answer.cap !== undefined ? formatMoney(answer.cap, lang) : t('insurer.noCap')}</dd>
            </div>
            <div>
              <dt>{t('insurer.priorAuthorization')}</dt>
              <dd>{yesNo(t, answer.priorAuthorization)}</dd>
            </div>
            <div>
              <dt>{t('insurer.routes')}</dt>
              <dd>{answer.routes.map((r: ClaimRoute) => t(`claimRoutes.${r}`)).join(' · ')}</dd>
            </div>
            <div className="cov-tool__wide">
              <dt>{t('insurer.note')}</dt>
              <dd>{answer.explanation[lang]}</dd>
            </div>
          </dl>
        )}
      </div>

      <div className="cov-tool__subpanel">
        <h4>{t('insurer.authorizationHeading')}</h4>
        <div className="cov-tool__row">
          <button type="button" className="button" onClick={() => send({ type: 'coverage.recordAuthorization' })}>
            {t('insurer.recordLetter')}
          </button>
          <button type="button" className="button" onClick={() => send({ type: 'coverage.requestAuthorization' })}>
            {t('insurer.requestAuthorization')}
          </button>
        </div>
        {c.insurer.authorization && (
          <p className={c.insurer.authorization.letterOnFile ? 'cov-tool__recorded' : 'cov-tool__bad-text'}>
            {c.insurer.authorization.letterOnFile ? t('insurer.letterOnFile') : t('insurer.noLetter')}
          </p>
        )}
        {c.insurer.authorizationRequested && <p className="cov-tool__recorded">{t('insurer.authorizationRequested')}</p>}
      </div>
    </section>
  );
}
