import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYERS, patientShare, type ClaimRoute, type PatientShare } from '../../../domain/coverage';
import { formatDate, formatMoney } from '../../../domain/money';
import type { Lang } from '../../../domain/text';
import type { ImssRightsStatus, PayerKind } from '../../../domain/types';
import {
  COVERAGE_ROUTES,
  coverageEvents,
  type CoverageContext,
  type CoverageEventType,
  type CoverageRoute,
} from '../../../machines/coverage.machine';
import type { SendResult, ToolEvent, ToolProps } from './tool-props';
import './coverage-tool.css';
import { useCachedT } from '../../../ui/use-cached-t';
import { useQuietState } from '../../../ui/use-quiet-state';

// The desk's coverage screen: who pays, the payer's own check (IMSS "vigencia de derechos" portal,
// affiliation card, insurer portal), the patient-share calculator and the closing route. Drawn only
// from the coverage machine's snapshot; each control sends one coverage event.

type Tr = ReturnType<typeof useTranslation<'tools', 'tools.coverage'>>['t'];
type Send = (event: ToolEvent) => SendResult;

const PAYER_ORDER: PayerKind[] = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'];
/** Main insurers by market share (facts doc §3), offered as suggestions; any name may be typed. */
const INSURERS = ['GNP', 'MetLife', 'AXA', 'Seguros Monterrey New York Life', 'Atlas'];

type Screen = 'identifying' | 'imss' | 'institution' | 'bienestar' | 'insurer' | 'selfPay' | 'completed';

/** The payer screen and its sub-state from the snapshot value. */
function screenOf(value: unknown): { screen: Screen; sub: string } {
  if (value === 'completed') return { screen: 'completed', sub: '' };
  const active = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).active : undefined;
  if (typeof active === 'string') return { screen: active as Screen, sub: '' };
  if (typeof active === 'object' && active !== null) {
    const [screen, sub] = Object.entries(active as Record<string, unknown>)[0] ?? ['identifying', ''];
    return { screen: screen as Screen, sub: String(sub) };
  }
  return { screen: 'identifying', sub: '' };
}

/** Reads an amount as people type it: "$1,234.50", "1234.5", " 15 000 ". NaN when it is not a number. */
function parseAmount(text: string): number {
  const cleaned = text.replace(/[$\s,]/g, '').replace(/^MXN/i, '');
  if (cleaned === '' || !/^\d+(\.\d+)?$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

const safeDate = (iso: string, lang: Lang): string => {
  try {
    return formatDate(iso, lang);
  } catch {
    return iso;
  }
};

/** The coverage verification screen: payer, rights check, patient share, route. */
export default function CoverageTool(props: ToolProps) {
  const { snapshot, lang } = props;
  const c = snapshot.context as CoverageContext;
  const t = useCachedT(useTranslation('tools', { keyPrefix: 'tools.coverage' }));
  const base = useId();
  const [sendError, setSendError] = useQuietState<string | null>(null);
  const { screen, sub } = screenOf(snapshot.value);
  const finished = snapshot.status === 'done' || screen === 'completed';

  const send: Send = (event) => {
    const result = props.send(event);
    setSendError(result.ok ? null : result.reason[lang]);
    return result;
  };

  return (
    <div className="cov-tool">
      <header className="cov-tool__bar">
        <span className="cov-tool__system">{t('system')}</span>
        <span className="cov-tool__clinic">
          {props.clinic.name} · {safeDate(props.today, lang)} · {props.now}
        </span>
        <span className="cov-tool__sim">{t('simulation')}</span>
      </header>

      <div className="cov-tool__messages">
        {/* The desk announces a refusal by the run; only the system's own errors are announced here. */}
        <div className="cov-tool__alert" data-empty={sendError === null && c.lastError === null ? 'true' : 'false'}>
          {sendError !== null && <p>{t('rejected', { reason: sendError })}</p>}
          <div role="alert">{c.lastError !== null && <p>{c.lastError.message[lang]}</p>}</div>
        </div>
        <p role="status" aria-live="polite" className="cov-tool__status">
          {statusText(c, lang, t)}
        </p>
      </div>

      {finished && c.completion && (
        <section className="cov-tool__final" aria-label={t('final.heading')}>
          <p>{t('final.completed', { route: t(`routes.${c.completion.route}`) })}</p>
        </section>
      )}

      <fieldset className="cov-tool__frame" disabled={finished}>
        <legend className="cov-tool__hidden">{t('system')}</legend>

        <section className="cov-tool__panel" aria-labelledby={`${base}-svc-h`}>
          <h3 id={`${base}-svc-h`}>{t('service.heading')}</h3>
          <dl className="cov-tool__facts">
            <div>
              <dt>{t('service.patient')}</dt>
              <dd>{[props.patient.name.given, props.patient.name.first, props.patient.name.second].filter(Boolean).join(' ')}</dd>
            </div>
            <div>
              <dt>{t('service.service')}</dt>
              <dd>{t(`services.${c.visit.service}`)}</dd>
            </div>
            <div>
              <dt>{t('service.bill')}</dt>
              <dd>{formatMoney(c.visit.bill, lang)}</dd>
            </div>
          </dl>
          <div className="cov-tool__row">
            <button type="button" className="button cov-tool__urgent" onClick={() => send({ type: 'coverage.sendToCareNow' })}>
              {t('service.sendToCare')}
            </button>
            <span className="cov-tool__hint">{t('service.sendToCareHint')}</span>
          </div>
          {c.sentToCare && <p className="cov-tool__recorded">{t('service.sentToCare')}</p>}
        </section>

        <PayerPicker c={c} lang={lang} t={t} send={send} />

        {screen === 'identifying' && (
          <section className="cov-tool__panel" aria-labelledby={`${base}-wait-h`}>
            <h3 id={`${base}-wait-h`}>{t('check.heading')}</h3>
            <p>{t('check.identifyFirst')}</p>
          </section>
        )}
        {screen === 'imss' && <ImssPortal c={c} sub={sub} lang={lang} t={t} send={send} />}
        {screen === 'institution' && <CardCheck c={c} t={t} send={send} lang={lang} />}
        {(screen === 'bienestar' || screen === 'selfPay') && (
          <section className="cov-tool__panel" aria-labelledby={`${base}-info-h`}>
            <h3 id={`${base}-info-h`}>{PAYERS[screen === 'bienestar' ? 'imss-bienestar' : 'none'].fullName[lang]}</h3>
            <p>{PAYERS[screen === 'bienestar' ? 'imss-bienestar' : 'none'].description[lang]}</p>
            <p className="cov-tool__hint">{screen === 'bienestar' ? t('check.bienestarNote') : t('check.selfPayNote')}</p>
          </section>
        )}
        {screen === 'insurer' && <InsurerPortal c={c} sub={sub} lang={lang} t={t} send={send} />}

        <ShareCalculator c={c} lang={lang} t={t} send={send} />

        <section className="cov-tool__panel" aria-labelledby={`${base}-alt-h`}>
          <h3 id={`${base}-alt-h`}>{t('alternative.heading')}</h3>
          <div className="cov-tool__row">
            <button type="button" className="button" onClick={() => send({ type: 'coverage.offerAlternative', option: 'imss-bienestar' })}>
              {t('alternative.bienestar')}
            </button>
            <button type="button" className="button" onClick={() => send({ type: 'coverage.offerAlternative', option: 'self-pay' })}>
              {t('alternative.selfPay')}
            </button>
          </div>
          {c.alternativeOffered && (
            <p className="cov-tool__recorded">
              {t('alternative.offered', { option: c.alternativeOffered.option === 'imss-bienestar' ? t('alternative.bienestar') : t('alternative.selfPay') })}
            </p>
          )}
        </section>

        <CompleteForm t={t} send={send} />
      </fieldset>
    </div>
  );
}

/** What the polite status region says after the last accepted action. */
function statusText(c: CoverageContext, lang: Lang, t: Tr): string {
  const last = c.history.at(-1) as CoverageEventType | undefined;
  if (last === undefined) return '';
  if (last === 'coverage.lookupImss') {
    const answer = c.imss.lookups.at(-1)?.answer;
    if (answer === undefined) return '';
    if (answer === null) return t('imss.announceRejected');
    if (answer.result === 'down') return t('portal.down');
    if (answer.result === 'not-found') return t('imss.notFound');
    return t('imss.announceFound', { status: t(`imss.status.${answer.status}`) });
  }
  if (last === 'coverage.lookupPolicy') {
    const answer = c.insurer.lookups.at(-1)?.answer;
    if (answer === undefined) return '';
    if (answer.result === 'down') return t('portal.down');
    if (answer.result === 'not-found') return t('insurer.notFound');
    return t('insurer.announceFound', { insurer: answer.insurer });
  }
  return t('announce', { n: c.history.length, action: coverageEvents[last].description[lang] });
}

// ---------------------------------------------------------------------------------------------
// Payer
// ---------------------------------------------------------------------------------------------

function PayerPicker({ c, lang, t, send }: { c: CoverageContext; lang: Lang; t: Tr; send: Send }) {
  const id = useId();
  const [kind, setKind] = useState<PayerKind | ''>(c.payer ?? '');
  const [error, setError] = useQuietState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === '') {
      setError(t('payer.chooseFirst'));
      return;
    }
    setError(null);
    send({ type: 'coverage.identifyPayer', kind });
  };
  return (
    <section className="cov-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('payer.heading')}</h3>
      <form onSubmit={submit}>
        <fieldset className="cov-tool__choices" aria-describedby={error ? `${id}-err` : undefined}>
          <legend>{t('payer.question')}</legend>
          {PAYER_ORDER.map((k) => {
            const full = PAYERS[k].fullName[lang] !== PAYERS[k].name[lang] ? PAYERS[k].fullName[lang] : null;
            return (
              <div key={k} className="cov-tool__choice">
                <input
                  id={`${id}-${k}`}
                  type="radio"
                  name={`${id}-payer`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  aria-describedby={full ? `${id}-${k}-full` : undefined}
                />
                <span>
                  <label htmlFor={`${id}-${k}`}>{PAYERS[k].name[lang]}</label>
                  {full && (
                    <span id={`${id}-${k}-full`} className="cov-tool__hint">
                      {full}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </fieldset>
        {error && (
          <p id={`${id}-err`} className="cov-tool__error">
            {error}
          </p>
        )}
        <button type="submit" className="button">
          {t('payer.submit')}
        </button>
      </form>
      {c.payer !== null && <p className="cov-tool__recorded">{t('payer.recorded', { payer: PAYERS[c.payer].name[lang] })}</p>}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// IMSS rights portal
// ---------------------------------------------------------------------------------------------

const STATUS_CLASS: Record<ImssRightsStatus, string> = { active: 'ok', conservation: 'warn', inactive: 'bad' };

function ImssPortal({ c, sub, lang, t, send }: { c: CoverageContext; sub: string; lang: Lang; t: Tr; send: Send }) {
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
            const n = Number(umf.trim());
            if (!Number.isInteger(n) || n < 1 || umf.trim() === '') {
              setUmfError(t('imss.umfInvalid'));
              return;
            }
            setUmfError(null);
            send({ type: 'coverage.referToUmf', umf: n });
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

// ---------------------------------------------------------------------------------------------
// Affiliation card (ISSSTE, PEMEX, SEDENA, SEMAR)
// ---------------------------------------------------------------------------------------------

function CardCheck({ c, t, send, lang }: { c: CoverageContext; t: Tr; send: Send; lang: Lang }) {
  const id = useId();
  const [affiliation, setAffiliation] = useState('');
  const payer = c.payer ?? 'issste';
  return (
    <section className="cov-tool__panel cov-tool__portal" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('card.heading', { payer: PAYERS[payer].name[lang] })}</h3>
      <p className="cov-tool__hint">{PAYERS[payer].description[lang]}</p>
      <form
        className="cov-tool__row"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'coverage.checkCard', affiliation });
        }}
      >
        <label htmlFor={`${id}-aff`}>{t('card.affiliation')}</label>
        <input id={`${id}-aff`} className="cov-tool__mono" value={affiliation} maxLength={40} autoComplete="off" onChange={(e) => setAffiliation(e.target.value)} />
        <button type="submit" className="button button--primary">
          {t('card.submit')}
        </button>
      </form>
      {c.cardCheck && (
        <p className={c.cardCheck.valid ? 'cov-tool__recorded' : 'cov-tool__bad-text'}>
          {c.cardCheck.valid ? t('card.valid', { affiliation: c.cardCheck.affiliation }) : t('card.invalid', { affiliation: c.cardCheck.affiliation })}
        </p>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Insurer portal
// ---------------------------------------------------------------------------------------------

const yesNo = (t: Tr, v: boolean) => (v ? t('yes') : t('no'));
const percentFormats = { 'es-MX': new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }) };
const percent = (fraction: number, lang: Lang) => `${percentFormats[lang].format(fraction * 100)} %`;

function InsurerPortal({ c, sub, lang, t, send }: { c: CoverageContext; sub: string; lang: Lang; t: Tr; send: Send }) {
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

// ---------------------------------------------------------------------------------------------
// Patient share
// ---------------------------------------------------------------------------------------------

function ShareCalculator({ c, lang, t, send }: { c: CoverageContext; lang: Lang; t: Tr; send: Send }) {
  const id = useId();
  const [bill, setBill] = useState(String(c.visit.bill));
  const [deductible, setDeductible] = useState('0');
  const [coinsurance, setCoinsurance] = useState('0');
  const [cap, setCap] = useState('');
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);

  let share: PatientShare | null = null;
  let calcError: string | null = null;
  const values = { bill: parseAmount(bill), deductible: parseAmount(deductible), coinsurance: parseAmount(coinsurance), cap: cap.trim() === '' ? undefined : parseAmount(cap) };
  if ([values.bill, values.deductible, values.coinsurance, values.cap ?? 0].some(Number.isNaN)) {
    calcError = t('calc.invalid');
  } else if (values.coinsurance > 100) {
    calcError = t('calc.coinsuranceRange');
  } else {
    share = patientShare({ bill: values.bill, deductible: values.deductible, coinsurance: values.coinsurance / 100, ...(values.cap !== undefined ? { cap: values.cap } : {}) });
  }

  const input = (key: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="cov-tool__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} aria-describedby={hint ? `${id}-${key}-h` : undefined} />
      {hint && (
        <span id={`${id}-${key}-h`} className="cov-tool__hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <section className="cov-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('calc.heading')}</h3>
      <p className="cov-tool__hint">{t('calc.formula')}</p>
      <div className="cov-tool__grid">
        {input('bill', t('calc.bill'), bill, setBill)}
        {input('ded', t('calc.deductible'), deductible, setDeductible)}
        {input('coins', t('calc.coinsurance'), coinsurance, setCoinsurance, t('calc.coinsuranceHint'))}
        {input('cap', t('calc.cap'), cap, setCap, t('calc.capHint'))}
      </div>
      {calcError !== null ? (
        <p className="cov-tool__error">{calcError}</p>
      ) : (
        share && (
          <table className="cov-tool__table">
            <caption>{t('calc.resultCaption')}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('calc.deductiblePart')}</th>
                <td>{formatMoney(share.deductiblePart, lang)}</td>
              </tr>
              <tr>
                <th scope="row">{t('calc.coinsurancePart')}</th>
                <td>{formatMoney(share.coinsurancePart, lang)}</td>
              </tr>
              <tr className="cov-tool__total">
                <th scope="row">{t('calc.patientTotal')}</th>
                <td>{formatMoney(share.patient, lang)}</td>
              </tr>
              <tr>
                <th scope="row">{t('calc.insurerTotal')}</th>
                <td>{formatMoney(share.insurer, lang)}</td>
              </tr>
            </tbody>
          </table>
        )
      )}
      {share && (
        <button type="button" className="button" onClick={() => setAmount(share.patient.toFixed(2))}>
          {t('calc.useTotal')}
        </button>
      )}

      <form
        className="cov-tool__row cov-tool__quote"
        onSubmit={(e) => {
          e.preventDefault();
          const n = parseAmount(amount);
          if (Number.isNaN(n)) {
            setAmountError(t('calc.amountInvalid'));
            return;
          }
          setAmountError(null);
          send({ type: 'coverage.quoteShare', amount: n });
        }}
      >
        <label htmlFor={`${id}-amount`}>{t('calc.amount')}</label>
        <input
          id={`${id}-amount`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={amountError ? `${id}-amount-err` : undefined}
        />
        <button type="submit" className="button">
          {t('calc.recordAmount')}
        </button>
        {amountError && (
          <span id={`${id}-amount-err`} className="cov-tool__error">
            {amountError}
          </span>
        )}
      </form>
      {c.quote && <p className="cov-tool__recorded">{t('calc.quoted', { amount: formatMoney(c.quote.amount, lang) })}</p>}
      <div className="cov-tool__row">
        <button type="button" className="button" onClick={() => send({ type: 'coverage.informPatient' })}>
          {t('calc.inform')}
        </button>
      </div>
      {c.informed && <p className="cov-tool__recorded">{t('calc.informed', { amount: formatMoney(c.informed.amount, lang) })}</p>}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Completion
// ---------------------------------------------------------------------------------------------

function CompleteForm({ t, send }: { t: Tr; send: Send }) {
  const id = useId();
  const [route, setRoute] = useState<CoverageRoute | ''>('');
  const [error, setError] = useQuietState<string | null>(null);
  return (
    <section className="cov-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('complete.heading')}</h3>
      <form
        className="cov-tool__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (route === '') {
            setError(t('complete.chooseFirst'));
            return;
          }
          setError(null);
          send({ type: 'coverage.complete', route });
        }}
      >
        <label htmlFor={`${id}-route`}>{t('complete.route')}</label>
        <select
          id={`${id}-route`}
          value={route}
          onChange={(e) => setRoute(e.target.value as CoverageRoute | '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
        >
          <option value="">{t('complete.choose')}</option>
          {COVERAGE_ROUTES.map((r) => (
            <option key={r} value={r}>
              {t(`routes.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary">
          {t('complete.submit')}
        </button>
        {error && (
          <span id={`${id}-err`} className="cov-tool__error">
            {error}
          </span>
        )}
      </form>
    </section>
  );
}
