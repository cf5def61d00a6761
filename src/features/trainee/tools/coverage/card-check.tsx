import { useId, useState } from 'react';
import { PAYERS } from '../../../../domain/coverage';
import type { Lang } from '../../../../domain/text';
import type { CoverageContext, Send, Tr } from './coverage-text';

/** The affiliation card check of ISSSTE, PEMEX, SEDENA and SEMAR. */
export function CardCheck({ c, t, send, lang }: { c: CoverageContext; t: Tr; send: Send; lang: Lang }) {
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
