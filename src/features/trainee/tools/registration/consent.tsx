import { useId, useState } from 'react';
import type { Lang, Problem } from '../../../../domain/text';
import type { Person } from '../../../../domain/types';
import { spokenName } from '../../../../ui/document-card';
import { FieldErrors } from './fields';
import type { RegistrationContext, Send, Tr } from './registration-text';

/** The clinic's privacy notice (LFPDPPP), as shown to the patient. */
export function PrivacyNotice({ t, clinicName, address, publicClinic }: { t: Tr; clinicName: string; address: string; publicClinic: boolean }) {
  const id = useId();
  return (
    <article className="reg-tool__notice" aria-labelledby={`${id}-h`} tabIndex={0}>
      <h4 id={`${id}-h`}>{t('notice.title')}</h4>
      <p>{t('notice.controller', { clinic: clinicName, address })}</p>
      <p>{publicClinic ? t('notice.lawPublic') : t('notice.lawPrivate')}</p>
      <h5>{t('notice.dataHeading')}</h5>
      <p>{t('notice.data')}</p>
      <p>
        <strong>{t('notice.sensitive')}</strong>
      </p>
      <h5>{t('notice.necessaryHeading')}</h5>
      <ul>
        <li>{t('notice.necessary1')}</li>
        <li>{t('notice.necessary2')}</li>
        <li>{t('notice.necessary3')}</li>
        <li>{t('notice.necessary4')}</li>
      </ul>
      <h5>{t('notice.voluntaryHeading')}</h5>
      <ul>
        <li>{t('notice.voluntary1')}</li>
        <li>{t('notice.voluntary2')}</li>
        <li>{t('notice.voluntary3')}</li>
      </ul>
      <p>{t('notice.voluntaryRefuse')}</p>
      <h5>{t('notice.transfersHeading')}</h5>
      <p>{t('notice.transfers')}</p>
      <h5>{t('notice.arcoHeading')}</h5>
      <p>{t('notice.arco')}</p>
      <p>{t('notice.retention')}</p>
      <p>{t('notice.changes')}</p>
      <p className="reg-tool__fine">{t('notice.fictional')}</p>
    </article>
  );
}

interface ConsentProps {
  c: RegistrationContext;
  persons: Person[];
  personLabel: (p: Person) => string;
  t: Tr;
  lang: Lang;
  send: Send;
  errors: Problem[];
  errorId: string;
}

/** Who signs the consent and whether the voluntary purposes are accepted. */
export function ConsentForm({ c, persons, personLabel, t, lang, send, errors, errorId }: ConsentProps) {
  const id = useId();
  const [signer, setSigner] = useState(persons[0]?.id ?? '');
  const [voluntary, setVoluntary] = useState<'accepted' | 'refused'>('refused');
  const anchor = errorId.replace(/-err$/, '');
  const signerPerson = c.consent ? persons.find((p) => p.id === c.consent?.signedBy) : undefined;
  return (
    <fieldset id={anchor} className="reg-tool__group" aria-describedby={errors.length > 0 ? errorId : undefined}>
      <legend>{t('consent.heading')}</legend>
      <p className="reg-tool__hint">{t('consent.lead')}</p>
      <fieldset className="reg-tool__choices">
        <legend>{t('consent.signer')}</legend>
        {persons.map((p) => (
          <label key={p.id} className="reg-tool__choice">
            <input type="radio" name={`${id}-signer`} value={p.id} checked={signer === p.id} onChange={() => setSigner(p.id)} />
            {personLabel(p)}
          </label>
        ))}
      </fieldset>
      <fieldset className="reg-tool__choices">
        <legend>{t('consent.voluntary')}</legend>
        <label className="reg-tool__choice">
          <input type="radio" name={`${id}-vol`} value="accepted" checked={voluntary === 'accepted'} onChange={() => setVoluntary('accepted')} />
          {t('consent.voluntaryAccepted')}
        </label>
        <label className="reg-tool__choice">
          <input type="radio" name={`${id}-vol`} value="refused" checked={voluntary === 'refused'} onChange={() => setVoluntary('refused')} />
          {t('consent.voluntaryRefused')}
        </label>
      </fieldset>
      <button
        type="button"
        className="button"
        onClick={() => send({ type: 'registration.recordConsent', signedBy: signer, voluntaryPurposes: voluntary === 'accepted' })}
      >
        {t('consent.record')}
      </button>
      {c.consent && (
        <p className="reg-tool__recorded">
          {t('consent.recorded', {
            name: signerPerson ? spokenName(signerPerson.name) : c.consent.signedBy,
            voluntary: c.consent.voluntaryPurposes ? t('consent.voluntaryYes') : t('consent.voluntaryNo'),
          })}
        </p>
      )}
      <FieldErrors id={errorId} problems={errors} lang={lang} />
    </fieldset>
  );
}
