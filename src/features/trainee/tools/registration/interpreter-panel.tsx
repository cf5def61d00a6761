import { useId, useState } from 'react';
import type { RegistrationContext, Send, Tr } from './registration-text';

/** Languages offered for an interpreter: ISO 639 codes as the case data name a person's language. */
const INTERPRETER_LANGUAGES = ['nah', 'yua', 'tzh', 'tzo', 'mix', 'zap', 'oto', 'maz', 'ctu', 'tar', 'mfs', 'en'] as const;
const OTHER_LANGUAGE = 'other';

/** Arranging an interpreter in the patient's language. */
export function InterpreterPanel({ c, t, send }: { c: RegistrationContext; t: Tr; send: Send }) {
  const id = useId();
  const [choice, setChoice] = useState<string>(INTERPRETER_LANGUAGES[0]);
  const [other, setOther] = useState('');
  const languageName = (code: string) =>
    (INTERPRETER_LANGUAGES as readonly string[]).includes(code) ? t(`interpreter.languages.${code as (typeof INTERPRETER_LANGUAGES)[number]}`) : code;
  return (
    <section className="reg-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('interpreter.heading')}</h3>
      <p className="reg-tool__hint">{t('interpreter.lead')}</p>
      <div className="reg-tool__row">
        <label htmlFor={`${id}-lang`}>{t('interpreter.language')}</label>
        <select id={`${id}-lang`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {INTERPRETER_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`interpreter.languages.${code}`)}
            </option>
          ))}
          <option value={OTHER_LANGUAGE}>{t('interpreter.other')}</option>
        </select>
        {choice === OTHER_LANGUAGE && (
          <>
            <label htmlFor={`${id}-other`}>{t('interpreter.otherCode')}</label>
            <input id={`${id}-other`} value={other} maxLength={20} onChange={(e) => setOther(e.target.value)} />
          </>
        )}
        <button
          type="button"
          className="button"
          onClick={() => send({ type: 'registration.requestInterpreter', language: choice === OTHER_LANGUAGE ? other : choice })}
        >
          {t('interpreter.request')}
        </button>
      </div>
      {c.interpreter && <p className="reg-tool__recorded">{t('interpreter.arranged', { language: languageName(c.interpreter.language) })}</p>}
    </section>
  );
}
