import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCurp, CURP_STATES } from '../../../domain/curp';
import { formatDate } from '../../../domain/money';
import type { CheckResult, Lang, Problem } from '../../../domain/text';
import type { Person } from '../../../domain/types';
import {
  ageOn,
  GUARDIAN_FIELDS,
  registrationEvents,
  SENSITIVE_FIELDS,
  type ClinicRecord,
  type RegistrationContext,
  type RegistrationEventType,
  type RegistrationField,
} from '../../../machines/registration.machine';
import { DocumentCard, spokenName } from '../../../ui/document-card';
import type { SendResult, ToolEvent, ToolProps } from './tool-props';
import './registration-tool.css';
import { useCachedT } from '../../../ui/use-cached-t';
import { useDraft } from '../../../ui/use-draft';
import { useQuietState } from '../../../ui/use-quiet-state';

// The clinic's patient-record screen. Everything drawn comes from the machine's snapshot; every
// control sends a registration event. Form fields keep a local draft and send `registration.enter`
// only when the value is committed (blur or Enter), so the action log records decisions, not keystrokes.

type Tr = ReturnType<typeof useTranslation<'tools', 'tools.registration'>>['t'];

/** Identification and contact fields in screen order (NOM-004 data first). */
const ID_FIELDS = ['givenName', 'firstSurname', 'secondSurname', 'birthDate', 'sex', 'curp'] as const satisfies readonly RegistrationField[];
const CONTACT_FIELDS = ['address', 'phone', 'email', 'emergencyContactName', 'emergencyContactPhone'] as const satisfies readonly RegistrationField[];

/** Languages offered for an interpreter: ISO 639 codes as the case data name a person's language. */
const INTERPRETER_LANGUAGES = ['nah', 'yua', 'tzh', 'tzo', 'mix', 'zap', 'oto', 'maz', 'ctu', 'tar', 'mfs', 'en'] as const;
const OTHER_LANGUAGE = 'other';

const PUBLIC_CLINIC_KINDS = ['imss-umf', 'imss-bienestar', 'issste'];

const fieldDomId = (base: string, field: string) => `${base}-${field}`;

const recordName = (record: ClinicRecord): string =>
  typeof record.name === 'string' ? record.name : [record.name.given, record.name.first, record.name.second].filter(Boolean).join(' ');

const safeDate = (iso: string, lang: Lang): string => {
  try {
    return formatDate(iso, lang);
  } catch {
    return iso;
  }
};

/** The record screen of the clinic's system: search, ID check, privacy and consent, NOM-004 form, save. */
export default function RegistrationTool(props: ToolProps) {
  const { snapshot, lang, people, patient } = props;
  const c = snapshot.context as RegistrationContext;
  const t = useCachedT(useTranslation('tools', { keyPrefix: 'tools.registration' }));
  const base = useId();
  const [sendError, setSendError] = useQuietState<string | null>(null);
  const finished = snapshot.status === 'done' || snapshot.value === 'saved' || snapshot.value === 'cancelled';
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const [formNote, setFormNote] = useState<string | null>(null);

  /** Sends an event; a refusal by the run is shown, never swallowed. */
  const send = (event: ToolEvent): SendResult => {
    const result = props.send(event);
    setSendError(result.ok ? null : result.reason[lang]);
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
        <div className="reg-tool__alert" data-empty={sendError === null && c.lastError === null ? 'true' : 'false'}>
          {sendError !== null && <p>{t('rejected', { reason: sendError })}</p>}
          <div role="alert">{c.lastError !== null && <p>{c.lastError.message[lang]}</p>}</div>
        </div>
        <p role="status" aria-live="polite" className="reg-tool__status">
          {formNote ?? statusText(c, lang, t)}
        </p>
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

/** The patient first, then everyone else at the desk. */
function orderedPeople(people: Record<string, Person>, patient: Person): Person[] {
  const others = Object.values(people).filter((p) => p.id !== patient.id);
  return [people[patient.id] ?? patient, ...others];
}

/** What the polite status region says after the last accepted action. */
function statusText(c: RegistrationContext, lang: Lang, t: Tr): string {
  const last = c.history.at(-1) as RegistrationEventType | undefined;
  if (last === undefined || last === 'registration.enter') return '';
  const search = c.lookup.search;
  if (last === 'registration.search' && search) return t('search.announce', { count: search.results.length, query: search.query });
  if (last === 'registration.save' && c.saved === null) return '';
  return t('announce', { n: c.history.length, action: registrationEvents[last].description[lang] });
}

// ---------------------------------------------------------------------------------------------
// Record search
// ---------------------------------------------------------------------------------------------

interface SearchProps {
  c: RegistrationContext;
  lang: Lang;
  t: Tr;
  send: (e: ToolEvent) => SendResult;
  onNew: () => void;
}

function RecordSearch({ c, lang, t, send, onNew }: SearchProps) {
  const [query, setQuery] = useState('');
  const id = useId();
  const results = (c.lookup.search?.results ?? [])
    .map((rid) => c.given.records.find((r) => r.recordId === rid))
    .filter((r): r is ClinicRecord => r !== undefined);
  return (
    <section className="reg-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('search.heading')}</h3>
      <form
        className="reg-tool__row"
        role="search"
        aria-labelledby={`${id}-h`}
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'registration.search', query });
        }}
      >
        <label htmlFor={`${id}-q`}>{t('search.label')}</label>
        <input id={`${id}-q`} type="search" value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-qh`} />
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
        <span id={`${id}-qh`} className="reg-tool__hint">
          {t('search.hint')}
        </span>
      </form>
      {c.lookup.search && (
        <table className="reg-tool__table">
          <caption>{t('search.caption', { query: c.lookup.search.query, count: results.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('search.colRecord')}</th>
              <th scope="col">{t('search.colName')}</th>
              <th scope="col">{t('search.colBirth')}</th>
              <th scope="col">{t('search.colCurp')}</th>
              <th scope="col">{t('search.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {results.length === 0 ? (
              <tr>
                <td colSpan={5}>{t('search.none')}</td>
              </tr>
            ) : (
              results.map((r) => (
                <tr key={r.recordId} aria-current={c.lookup.openedRecordId === r.recordId ? 'true' : undefined}>
                  <th scope="row">{r.recordId}</th>
                  <td>{recordName(r)}</td>
                  <td>{safeDate(r.birth, lang)}</td>
                  <td className="reg-tool__mono">{r.curp ?? t('search.noCurp')}</td>
                  <td>
                    {c.lookup.openedRecordId === r.recordId ? (
                      <span className="reg-tool__recorded">{t('search.opened')}</span>
                    ) : (
                      <button type="button" className="button button--small" aria-label={t('search.openLabel', { id: r.recordId })} onClick={() => send({ type: 'registration.selectRecord', recordId: r.recordId })}>
                        {t('search.open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}
      <div className="reg-tool__row">
        <button type="button" className="button" onClick={onNew}>
          {c.lookup.openedRecordId !== null ? t('search.closeAndNew') : t('search.new')}
        </button>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Privacy notice and consent
// ---------------------------------------------------------------------------------------------

function PrivacyNotice({ t, clinicName, address, publicClinic }: { t: Tr; clinicName: string; address: string; publicClinic: boolean }) {
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
  send: (e: ToolEvent) => SendResult;
  errors: Problem[];
  errorId: string;
}

function ConsentForm({ c, persons, personLabel, t, lang, send, errors, errorId }: ConsentProps) {
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

// ---------------------------------------------------------------------------------------------
// Interpreter
// ---------------------------------------------------------------------------------------------

function InterpreterPanel({ c, t, send }: { c: RegistrationContext; t: Tr; send: (e: ToolEvent) => SendResult }) {
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

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

interface FieldProps {
  field: RegistrationField;
  id: string;
  label: string;
  committed: string;
  errors: Problem[];
  lang: Lang;
  disabled: boolean;
  onCommit: (value: string) => void;
}

function FieldErrors({ id, problems, lang }: { id: string; problems: Problem[]; lang: Lang }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="reg-tool__errors">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`}>{p.message[lang]}</li>
      ))}
    </ul>
  );
}

function Field({ id, label, hint, errors, lang, children, extra }: { id: string; label: ReactNode; hint?: string; errors: Problem[]; lang: Lang; children: ReactNode; extra?: ReactNode }) {
  return (
    <div className={`reg-tool__field${errors.length > 0 ? ' reg-tool__field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="reg-tool__hint">
          {hint}
        </span>
      )}
      {children}
      {extra}
      <FieldErrors id={`${id}-err`} problems={errors} lang={lang} />
    </div>
  );
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || undefined;

function TextField(props: FieldProps & { hint?: string | undefined; type?: string; multiline?: boolean; sensitiveMark?: string; inputRef?: Ref<HTMLInputElement> | undefined }) {
  const { id, label, committed, errors, lang, disabled, onCommit, hint, type = 'text', multiline, sensitiveMark, inputRef } = props;
  const [draft, setDraft] = useDraft(committed);
  const commit = () => {
    if (draft !== committed) onCommit(draft);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  const common = {
    id,
    value: draft,
    disabled,
    'aria-invalid': errors.length > 0 ? (true as const) : undefined,
    'aria-describedby': describedBy(hint && `${id}-hint`, errors.length > 0 && `${id}-err`),
    onBlur: commit,
  };
  const labelNode = sensitiveMark ? (
    <>
      {label}{' '}
      <span className="reg-tool__sensitive-badge">
        {sensitiveMark}
      </span>
    </>
  ) : (
    label
  );
  return (
    <Field id={id} label={labelNode} hint={hint} errors={errors} lang={lang}>
      {multiline ? (
        <textarea {...common} rows={2} maxLength={500} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input {...common} ref={inputRef} type={type} maxLength={500} autoComplete="off" onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
      )}
    </Field>
  );
}

function SexField(props: FieldProps & { t: Tr }) {
  const { id, label, committed, errors, lang, disabled, onCommit, t } = props;
  const known = ['', 'H', 'M', 'X'];
  // Like the text fields, the choice is committed on leaving the field or on Enter: arrow keys on a
  // select fire a change per option, and committing each would log values the trainee only passed over.
  const [draft, setDraft] = useDraft(committed);
  const commit = () => {
    if (draft !== committed) onCommit(draft);
  };
  return (
    <Field id={id} label={label} hint={t('fields.sex.hint')} errors={errors} lang={lang}>
      <select
        id={id}
        value={draft}
        disabled={disabled}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, errors.length > 0 && `${id}-err`)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      >
        <option value="">{t('fields.sex.choose')}</option>
        <option value="H">{t('fields.sex.H')}</option>
        <option value="M">{t('fields.sex.M')}</option>
        <option value="X">{t('fields.sex.X')}</option>
        {!known.includes(draft) && <option value={draft}>{draft}</option>}
      </select>
    </Field>
  );
}

/** The CURP with a live check as the trainee types; the machine hears only the committed value. */
function CurpField(props: FieldProps & { today: string; machineCheck: CheckResult | null; t: Tr }) {
  const { id, label, committed, errors, lang, disabled, onCommit, today, machineCheck, t } = props;
  const [draft, setDraft] = useDraft(committed);
  const commit = () => {
    if (draft !== committed) onCommit(draft);
  };
  const live: CheckResult | null =
    draft.trim() === '' ? null : draft === committed && machineCheck !== null ? machineCheck : checkCurp(draft, { today });
  // Errors recorded by a rejected save are listed below the field; the live list shows the rest.
  const recorded = new Set(errors.map((p) => p.code));
  const liveProblems = (live?.problems ?? []).filter((p) => !recorded.has(p.code));
  const upper = draft.trim().toUpperCase();
  const stateCode = upper.length >= 13 ? upper.slice(11, 13) : '';
  const stateName = stateCode !== '' && Object.hasOwn(CURP_STATES, stateCode) ? CURP_STATES[stateCode] : undefined;
  return (
    <Field
      id={id}
      label={label}
      hint={t('fields.curp.hint')}
      errors={errors}
      lang={lang}
      extra={
        <div id={`${id}-live`} className="reg-tool__live">
          {live === null ? null : liveProblems.length === 0 ? (
            errors.length > 0 ? null : (
            <p className="reg-tool__check-ok">{t('curpCheck.noProblems')}</p>
            )
          ) : (
            <>
              <p className="reg-tool__check-head">{t('curpCheck.problems', { count: liveProblems.length })}</p>
              <ul className="reg-tool__check-list">
                {liveProblems.map((p, i) => (
                  <li key={`${p.code}-${i}`} data-severity={p.severity}>
                    <span className="reg-tool__severity">{p.severity === 'error' ? t('curpCheck.error') : t('curpCheck.warning')}</span> {p.message[lang]}
                  </li>
                ))}
              </ul>
            </>
          )}
          {live !== null && stateName !== undefined && <p className="reg-tool__hint">{t('curpCheck.state', { state: stateName, code: stateCode })}</p>}
        </div>
      }
    >
      <input
        id={id}
        className="reg-tool__mono"
        value={draft}
        disabled={disabled}
        maxLength={40}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-live`, errors.length > 0 && `${id}-err`)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </Field>
  );
}

// ---------------------------------------------------------------------------------------------
// Read back, cancel
// ---------------------------------------------------------------------------------------------

const SUMMARY_FIELDS: RegistrationField[] = [...ID_FIELDS, ...CONTACT_FIELDS, ...GUARDIAN_FIELDS, ...SENSITIVE_FIELDS];

function ReadBackSummary({ c, t }: { c: RegistrationContext; t: Tr }) {
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

function CancelButton({ t, onConfirm }: { t: Tr; onConfirm: () => void }) {
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
