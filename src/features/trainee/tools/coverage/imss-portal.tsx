import { useId, useState } from 'react';
import type { Lang } from '../../../../domain/text';
import type { ImssRightsStatus } from '../../../../domain/types';
import { noErrors, schemaFieldErrors } from '../schema-field-errors';
import { safeDate } from '../tool-text';
import { paramsOf, type CoverageContext, type Send, type Tr } from './coverage-text';

const STATUS_CLASS: Record<ImssRightsStatus, string> = { active: 'ok', conservation: 'warn', inactive: 'bad' };

/** The IMSS rights portal ("vigencia de derechos"), its fallback when down, and the UMF referral. */
export function ImssPortal({ c, sub, lang, t, send }: { c: CoverageContext; sub: string; lang: Lang; t: Tr; send: Send }) {
  const id = useId();
  const last = c.imss.lookups.at(-1);
  const [curp, setCurp] = useState(last?.curp ?? '');
  const [nss, setNss] = useState(last?.nss ?? '');
  const [umf, setUmf] = useState('');
  const [umfError, setUmfError] = useState<string | null>(null);
  const answer = c.imss.answer;
  const lookup = (request: { curp: string; nss: string }) => send({ type: 'coverage.lookupImss', ...request });
  return (
    <section className="cov-tool__panel cov-tool__portal" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('imss.heading')}</h3>
      <p className="cov-tool__portal-brand">{t('imss.brand')}</p>
      <form
        className="cov-tool__grid"
        onSubmit={(e) => {
          e.preventDefault();
          lookup({ curp, nss });
        }}
      >
        <div className="cov-tool__field">
          <label htmlFor={`${id}-curp`}>{t('imss.curp')}</label>
          <input id={`${id}-curp`} className="cov-tool__mono" value={curp} maxLength={40} autoComplete="off" spellCheck={false} onChange={(e) => setCurp(e.target.value)} />
        </div>
        <div className="cov-tool__field">
          <label htmlFor={`${id}-nss`}>{t('imss.nss')}</label>
          <input id={`${id}-nss`} className="cov-tool__mono" value={nss} maxLength={40} inputMode="numeric" autoComplete="off" onChange={(e) => setNss(e.target.value)} aria-describedby={`${id}-nss-h`} />
          <span id={`${id}-nss-h`} className="cov-tool__hint">
            {t('imss.nssHint')}
          </span>
        </div>
        <div className="cov-tool__field cov-tool__field--end">
          <button type="submit" className="button button--primary">
            {t('imss.submit')}
          </button>
        </div>
      </form>

      <div className="cov-tool__result" aria-labelledby={`${id}-r`} role="region">
        <h4 id={`${id}-r`}>{t('imss.result')}</h4>
        {sub === 'awaitingLookup' && <p>{t('imss.awaiting')}</p>}
        {sub === 'formatRejected' && (
          <>
            <p className="cov-tool__bad-text">{t('imss.rejected')}</p>
            <ul className="cov-tool__problems">
              {c.imss.problems.map((p, i) => (
                <li key={`${p.code}-${i}`}>{p.message[lang]}</li>
              ))}
            </ul>
          </>
        )}
        {sub === 'portalDown' && last && (
          <div className="cov-tool__down">
            <p className="cov-tool__down-title">{t('portal.down')}</p>
            <p>{t('imss.downDetail')}</p>
            <div className="cov-tool__row">
              <button type="button" className="button" onClick={() => lookup({ curp: last.curp, nss: last.nss })}>
                {t('portal.retry')}
              </button>
            </div>
            <h5>{t('imss.fallbackHeading')}</h5>
            <p>{t('imss.fallback')}</p>
            <button type="button" className="button" onClick={() => send({ type: 'coverage.askForConstancia' })}>
              {t('imss.askConstancia')}
            </button>
          </div>
        )}
        {sub === 'rightsShown' && answer?.result === 'not-found' && <p>{t('imss.notFound')}</p>}
        {sub === 'rightsShown' && answer?.result === 'found' && (
          <dl className="cov-tool__facts">
            <div>
              <dt>{t('imss.statusLabel')}</dt>
              <dd>
                <span className={`cov-tool__badge cov-tool__badge--${STATUS_CLASS[answer.status]}`}>{t(`imss.status.${answer.status}`)}</span>
              </dd>
            </div>
            {answer.conservationUntil && (
              <div>
                <dt>{t('imss.until')}</dt>
                <dd>{safeDate(answer.conservationUntil, lang)}</dd>
              </div>
            )}
            <div>
              <dt>{t('imss.umf')}</dt>
              <dd>{answer.umf !== undefined ? t('imss.umfValue', { umf: answer.umf }) : t('imss.umfUnknown')}</dd>
            </div>
            <div className="cov-tool__wide">
              <dt>{t('imss.note')}</dt>
              <dd>{answer.explanation[lang]}</dd>
            </div>
          </dl>
        )}
        {c.imss.constanciaRequested && <p className="cov-tool__recorded">{t('imss.constanciaRequested')}</p>}
      </div>

      <div className="cov-tool__subpanel">
        <h4>{t('imss.orientation')}</h4>
        <div className="cov-tool__row">
          <button type="button" className="button" onClick={() => send({ type: 'coverage.explainConservation' })}>
            {t('imss.explainConservation')}
          </button>
        </div>
        {c.imss.conservationExplained && <p className="cov-tool__recorded">{t('imss.conservationExplained')}</p>}
        <form
          className="cov-tool__row"
          onSubmit={(e) => {
            e.preventDefault();
            const params = { umf: Number(umf.trim()) };
            const found = schemaFieldErrors(paramsOf('coverage.referToUmf'), params, { umf: t('imss.umfInvalid') });
            setUmfError(found.umf ?? null);
            if (noErrors(found)) send({ type: 'coverage.referToUmf', ...params });
          }}
        >
          <label htmlFor={`${id}-umf`}>{t('imss.referLabel')}</label>
          <input
            id={`${id}-umf`}
            className="cov-tool__short"
            inputMode="numeric"
            value={umf}
            onChange={(e) => setUmf(e.target.value)}
            aria-invalid={umfError ? true : undefined}
            aria-describedby={umfError ? `${id}-umf-err` : undefined}
          />
          <button type="submit" className="button">
            {t('imss.refer')}
          </button>
          {umfError && (
            <span id={`${id}-umf-err`} className="cov-tool__error">
              {umfError}
            </span>
          )}
        </form>
        {c.imss.umfReferral && <p className="cov-tool__recorded">{t('imss.referred', { umf: c.imss.umfReferral.umf })}</p>}
      </div>
    </section>
  );
}
