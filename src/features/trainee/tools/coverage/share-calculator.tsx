import { useId, useState } from 'react';
import { patientShare, type PatientShare } from '../../../../domain/coverage';
import { formatMoney } from '../../../../domain/money';
import type { Lang } from '../../../../domain/text';
import { noErrors, schemaFieldErrors } from '../schema-field-errors';
import { paramsOf, parseAmount, type CoverageContext, type Send, type Tr } from './coverage-text';

/** The patient-share calculator, the amount quoted and telling the patient. */
export function ShareCalculator({ c, lang, t, send }: { c: CoverageContext; lang: Lang; t: Tr; send: Send }) {
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
          const params = { amount: parseAmount(amount) };
          const found = schemaFieldErrors(paramsOf('coverage.quoteShare'), params, { amount: t('calc.amountInvalid') });
          setAmountError(found.amount ?? null);
          if (noErrors(found)) send({ type: 'coverage.quoteShare', ...params });
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
