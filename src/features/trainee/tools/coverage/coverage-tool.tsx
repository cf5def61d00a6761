import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYERS } from '../../../../domain/coverage';
import { formatMoney } from '../../../../domain/money';
import { LiveStatus } from '../../../../ui/live-status';
import { useCachedT } from '../../../../ui/use-cached-t';
import type { ToolProps } from '../tool-props';
import { useToolSend } from '../use-tool-send';
import { RefusalBox } from '../refusal-box';
import { safeDate } from '../tool-text';
import { CardCheck } from './card-check';
import { CompleteForm } from './complete-form';
import { screenOf, statusText } from './coverage-text';
import { ImssPortal } from './imss-portal';
import { InsurerPortal } from './insurer-portal';
import { PayerPicker } from './payer-picker';
import { ShareCalculator } from './share-calculator';
import '../tool-common.css';
import './coverage-tool.css';

// The desk's coverage screen: who pays, the payer's own check (IMSS "vigencia de derechos" portal,
// affiliation card, insurer portal), the patient-share calculator and the closing route. Drawn only
// from the coverage machine's snapshot; each control sends one coverage event.


/** The coverage verification screen: payer, rights check, patient share, route. */
export default function CoverageTool(props: ToolProps<'coverage'>) {
  const { snapshot, lang } = props;
  const c = snapshot.context;
  const t = useCachedT(useTranslation('tools', { keyPrefix: 'tools.coverage' }));
  const base = useId();
  const { screen, sub } = screenOf(snapshot.value);
  const finished = snapshot.status === 'done' || screen === 'completed';

  // A refusal by the run is shown, never swallowed.
  const { dispatch: send, refused: sendError } = useToolSend(props.send);

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
        <RefusalBox className="cov-tool__alert" refusal={c.refusal} runRefusal={sendError && t('rejected', { reason: sendError[lang] })} lang={lang} />
        <LiveStatus className="cov-tool__status">{statusText(c, lang, t)}</LiveStatus>
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
