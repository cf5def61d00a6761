import { useId, useState, type FormEvent } from 'react';
import { PAYERS } from '../../../../domain/coverage';
import type { Lang } from '../../../../domain/text';
import type { PayerKind } from '../../../../domain/types';
import { checkParams } from '../schema-field-errors';
import { paramsOf, type CoverageContext, type Send, type Tr } from './coverage-text';

const PAYER_ORDER: PayerKind[] = ['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none'];

/** Who pays: the payer is chosen, then the payer's own check opens. */
export function PayerPicker({ c, lang, t, send }: { c: CoverageContext; lang: Lang; t: Tr; send: Send }) {
  const id = useId();
  const [kind, setKind] = useState<PayerKind | ''>(c.payer ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkParams(paramsOf('coverage.identifyPayer'), { kind }, { kind: t('payer.chooseFirst') });
    const found = checked.ok ? null : (checked.errors.kind ?? null);
    // Set only when it changes: a click that leaves it as it was draws nothing more.
    if (found !== error) setError(found);
    if (checked.ok) send({ type: 'coverage.identifyPayer', ...checked.params });
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
