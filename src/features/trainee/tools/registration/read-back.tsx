import { useState } from 'react';
import { SUMMARY_FIELDS, type RegistrationContext, type Tr } from './registration-text';

/** What the form holds, to read back to the patient before saving. */
export function ReadBackSummary({ c, t }: { c: RegistrationContext; t: Tr }) {
  const filled = SUMMARY_FIELDS.filter((f) => (c.form[f] ?? '').trim() !== '');
  return (
    <div className="reg-tool__summary">
      <h4>{t('save.summary')}</h4>
      {filled.length === 0 ? (
        <p>{t('save.summaryEmpty')}</p>
      ) : (
        <dl>
          {filled.map((f) => (
            <div key={f}>
              <dt>{t(`fields.${f}.label`)}</dt>
              <dd>{c.form[f]}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="reg-tool__recorded">{t('save.readBacks', { count: c.readBacks.length })}</p>
    </div>
  );
}

/** Cancelling asks first. */
export function CancelButton({ t, onConfirm }: { t: Tr; onConfirm: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('save.cancel')}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t('save.cancelQuestion')} className="reg-tool__confirm">
      <span>{t('save.cancelQuestion')}</span>
      {/* Focus moves to the confirmation so a keyboard user answers it at once. */}
      <button autoFocus type="button" className="button" onClick={onConfirm}>
        {t('save.cancelYes')}
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        {t('save.cancelNo')}
      </button>
    </span>
  );
}
