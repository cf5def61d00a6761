import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../domain/text';
import type { Person } from '../../../../domain/types';
import { DocumentCard, spokenName } from '../../../../ui/document-card';
import { LiveStatus } from '../../../../ui/live-status';
import { useCachedT } from '../../../../ui/use-cached-t';
import type { ToolProps } from '../tool-props';
import { useToolSend } from '../use-tool-send';
import { RefusalBox } from '../refusal-box';
import { safeDate } from '../tool-text';
import { ConsentForm, PrivacyNotice } from './consent';
import { CurpField, SexField, TextField } from './fields';
import { InterpreterPanel } from './interpreter-panel';
import { CancelButton, ReadBackSummary } from './read-back';
import { RecordSearch } from './record-search';
import {
  ageOn,
  CONTACT_FIELDS,
  fieldDomId,
  GUARDIAN_FIELDS,
  ID_FIELDS,
  orderedPeople,
  SENSITIVE_FIELDS,
  statusText,
  type RegistrationField,
  type Send,
} from './registration-text';
import '../tool-common.css';
import './registration-tool.css';

const PUBLIC_CLINIC_KINDS = ['imss-umf', 'imss-bienestar', 'issste'];

// The clinic's patient-record screen. Everything drawn comes from the machine's snapshot; every
// control sends a registration event. Form fields keep a local draft and send `registration.enter`
// only when the value is committed (blur or Enter), so the action log records decisions, not keystrokes.


/** The record screen of the clinic's system: search, ID check, privacy and consent, NOM-004 form, save. */
export default function RegistrationTool(props: ToolProps<'registration'>) {
  const { snapshot, lang, people, patient } = props;
  const c = snapshot.context;
  const t = useCachedT(useTranslation('tools', { keyPrefix: 'tools.registration' }));
  const base = useId();
  const { dispatch, refused: sendError } = useToolSend(props.send);
  const finished = snapshot.status === 'done' || snapshot.value === 'saved' || snapshot.value === 'cancelled';
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const [formNote, setFormNote] = useState<string | null>(null);

  /** Sends an event; a refusal by the run is shown, never swallowed. */
  const send: Send = (event) => {
    const result = dispatch(event);
    if (event.type !== 'registration.newRecord') setFormNote(null);
    return result;
  };

  const persons = orderedPeople(people, patient);
  const personLabel = (p: Person) =>
    p.id === patient.id ? t('people.patient', { name: spokenName(p.name) }) : t('people.other', { name: spokenName(p.name), relation: p.relation ?? t('people.companion') });

  const errorFor = (field: RegistrationField | 'consent'): Problem[] => c.fieldErrors[field] ?? [];
  const errorEntries = Object.entries(c.fieldErrors).filter(([, list]) => (list?.length ?? 0) > 0) as Array<[RegistrationField | 'consent', Problem[]]>;

  const formBirth = (c.form.birthDate ?? '').trim();
  const formMinor = /^\d{4}-\d{2}-\d{2}$/.test(formBirth) && ageOn(formBirth, c.given.today) < 18;

  const fieldProps = (field: RegistrationField) => ({
    field,
    id: fieldDomId(base, field),
    committed: c.form[field] ?? '',
    errors: errorFor(field),
    lang,
    disabled: finished,
    onCommit: (value: string) => send({ type: 'registration.enter', field, value }),
    label: t(`fields.${field}.label`),
  });

  return (
    <div className="reg-tool" lang={lang === 'en' ? 'en' : 'es-MX'}>
      <header className="reg-tool__bar">
        <span className="reg-tool__system">{t('system')}</span>
        <span className="reg-tool__clinic">
          {props.clinic.name} · {safeDate(props.today, lang)} · {props.now}
        </span>
        <span className="reg-tool__sim">{t('simulation')}</span>
      </header>

      <div className="reg-tool__messages">
        {/* The desk announces a refusal by the run; only the system's own errors are announced here. */}
        <RefusalBox className="reg-tool__alert" refusal={c.refusal} runRefusal={sendError && t('rejected', { reason: sendError[lang] })} lang={lang} />
        <LiveStatus className="reg-tool__status">{formNote ?? statusText(c, lang, t)}</LiveStatus>
      </div>

      {finished && (
        <section className="reg-tool__final" aria-label={t('final.heading')}>
          <p>
            {snapshot.value === 'saved' && c.saved
              ? c.saved.createdNew
                ? t('final.savedNew', { id: c.saved.recordId })
                : t('final.savedExisting', { id: c.saved.recordId })
              : t('final.cancelled')}
          </p>
        </section>
      )}

      <fieldset className="reg-tool__frame" disabled={finished}>
        <legend className="visually-hidden">{t('system')}</legend>

        {/* ---- Official ID ---- */}
        <section className="reg-tool__panel" aria-labelledby={`${base}-id-h`}>
          <h3 id={`${base}-id-h`}>{t('id.heading')}</h3>
          <p className="reg-tool__hint">{t('id.lead')}</p>
          <ul className="reg-tool__people">
            {persons.map((p) => {
              const shown = c.identity.documentsShown.filter((d) => d.personId === p.id).at(-1);
              const verdict = c.identity.idVerdicts.filter((v) => v.personId === p.id).at(-1);
              return (
                <li key={p.id} className="reg-tool__person">
                  <div className="reg-tool__person-head">
                    <strong>{personLabel(p)}</strong>
                    <button
                      type="button"
                      className="button"
                      onClick={() => send({ type: 'registration.requestId', personId: p.id })}
                    >
                      {t('id.request', { name: p.name.given })}
                    </button>
                  </div>
                  {shown && (
                    <>
                      {shown.documents.length === 0 ? (
                        <p>{t('id.noDocuments')}</p>
                      ) : (
                        <div className="reg-tool__docs">
                          {shown.documents.map((doc, i) => (
                            <DocumentCard key={`${doc.kind}-${i}`} doc={doc} holder={p} lang={lang} />
                          ))}
                        </div>
                      )}
                      <div role="group" aria-label={t('id.verdictGroup', { name: spokenName(p.name) })} className="reg-tool__verdict">
                        <span>{t('id.verdictQuestion')}</span>
                        <button type="button" className="button" onClick={() => send({ type: 'registration.verifyId', personId: p.id, verdict: 'matches' })}>
                          {t('id.matches')}
                        </button>
                        <button type="button" className="button" onClick={() => send({ type: 'registration.verifyId', personId: p.id, verdict: 'mismatch' })}>
                          {t('id.mismatch')}
                        </button>
                      </div>
                      {verdict && <p className="reg-tool__recorded">{t(verdict.verdict === 'matches' ? 'id.recordedMatches' : 'id.recordedMismatch')}</p>}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </section>

        {/* ---- Record search ---- */}
        <RecordSearch c={c} lang={lang} t={t} send={send} onNew={() => {
          if (c.lookup.openedRecordId !== null) {
            send({ type: 'registration.newRecord' });
          } else {
            setFormNote(t('search.newFocus'));
          }
          firstFieldRef.current?.focus();
        }} />

        {/* ---- Privacy notice and consent ---- */}
        <section className="reg-tool__panel" aria-labelledby={`${base}-privacy-h`}>
          <h3 id={`${base}-privacy-h`}>{t('privacy.heading')}</h3>
          <div className="reg-tool__row">
            <button type="button" className="button" onClick={() => send({ type: 'registration.showPrivacyNotice' })}>
              {t('privacy.show')}
            </button>
            <span className="reg-tool__recorded">{c.privacyNotice ? t('privacy.given') : t('privacy.notGiven')}</span>
          </div>
          {c.privacyNotice && <PrivacyNotice t={t} clinicName={props.clinic.name} address={props.clinic.address} publicClinic={PUBLIC_CLINIC_KINDS.includes(props.clinic.kind)} />}
          <ConsentForm c={c} persons={persons} personLabel={personLabel} t={t} lang={lang} send={send} errors={errorFor('consent')} errorId={`${base}-consent-err`} />
        </section>

        {/* ---- Interpreter ---- */}
        <InterpreterPanel c={c} t={t} send={send} />

        {/* ---- NOM-004 identification form ---- */}
        <section className="reg-tool__panel" aria-labelledby={`${base}-form-h`}>
          <h3 id={`${base}-form-h`}>{t('form.heading')}</h3>
          <p className="reg-tool__record-line">
            {c.lookup.openedRecordId !== null ? t('form.existing', { id: c.lookup.openedRecordId }) : t('form.new')}
          </p>
          <p className="reg-tool__hint">{t('form.commitHint')}</p>
          <fieldset className="reg-tool__group">
            <legend>{t('form.identification')}</legend>
            <div className="reg-tool__grid">
              {ID_FIELDS.map((field) =>
                field === 'sex' ? (
                  <SexField key={field} {...fieldProps(field)} t={t} />
                ) : field === 'curp' ? (
                  <CurpField key={field} {...fieldProps(field)} today={c.given.today} machineCheck={c.curpCheck} t={t} />
                ) : (
                  <TextField
                    key={field}
                    {...fieldProps(field)}
                    inputRef={field === 'givenName' ? firstFieldRef : undefined}
                    hint={field === 'birthDate' ? t('fields.birthDate.hint') : undefined}
                  />
                ),
              )}
            </div>
          </fieldset>
          <fieldset className="reg-tool__group">
            <legend>{t('form.contact')}</legend>
            <div className="reg-tool__grid">
              {CONTACT_FIELDS.map((field) => (
                <TextField key={field} {...fieldProps(field)} type={field === 'email' ? 'email' : field.toLowerCase().includes('phone') ? 'tel' : 'text'} hint={field.toLowerCase().includes('phone') ? t('fields.phone.hint') : undefined} />
              ))}
            </div>
          </fieldset>
          <fieldset className="reg-tool__group">
            <legend>{t('form.guardian')}</legend>
            <p className="reg-tool__hint">{formMinor ? t('form.guardianRequired') : t('form.guardianLead')}</p>
            <div className="reg-tool__grid">
              {GUARDIAN_FIELDS.map((field) =>
                field === 'guardianCurp' ? (
                  <CurpField key={field} {...fieldProps(field)} today={c.given.today} machineCheck={null} t={t} />
                ) : (
                  <TextField key={field} {...fieldProps(field)} type={field === 'guardianPhone' ? 'tel' : 'text'} hint={field === 'guardianPhone' ? t('fields.phone.hint') : undefined} />
                ),
              )}
            </div>
          </fieldset>
          <fieldset className="reg-tool__group reg-tool__group--sensitive">
            <legend>
              <span className="reg-tool__sensitive-badge">{t('form.sensitiveBadge')}</span> {t('form.sensitive')}
            </legend>
            <p className="reg-tool__hint">{t('form.sensitiveLead')}</p>
            <div className="reg-tool__grid">
              {SENSITIVE_FIELDS.map((field) => (
                <TextField key={field} {...fieldProps(field)} multiline sensitiveMark={t('form.sensitiveMark')} />
              ))}
            </div>
          </fieldset>
        </section>

        {/* ---- Read back, save, cancel ---- */}
        <section className="reg-tool__panel" aria-labelledby={`${base}-save-h`}>
          <h3 id={`${base}-save-h`}>{t('save.heading')}</h3>
          <ReadBackSummary c={c} t={t} />
          {errorEntries.length > 0 && (
            <div className="reg-tool__error-summary" aria-labelledby={`${base}-errsum-h`} role="group">
              <h4 id={`${base}-errsum-h`}>{t('save.errorsHeading', { count: errorEntries.length })}</h4>
              <ul>
                {errorEntries.map(([field, problems]) => (
                  <li key={field}>
                    <a href={`#${field === 'consent' ? `${base}-consent` : fieldDomId(base, field)}`}>
                      {field === 'consent' ? t('consent.heading') : t(`fields.${field}.label`)}
                    </a>
                    : {problems.map((p) => p.message[lang]).join(' ')}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="reg-tool__actions">
            <button type="button" className="button" onClick={() => send({ type: 'registration.readBack' })}>
              {t('save.readBack')}
            </button>
            <button type="button" className="button button--primary" onClick={() => send({ type: 'registration.save' })}>
              {t('save.save')}
            </button>
            <CancelButton t={t} onConfirm={() => send({ type: 'registration.cancel' })} />
          </div>
        </section>
      </fieldset>
    </div>
  );
}
