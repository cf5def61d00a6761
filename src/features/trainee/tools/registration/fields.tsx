import type { KeyboardEvent, ReactNode, Ref } from 'react';
import { checkCurp, CURP_STATES } from '../../../../domain/curp';
import type { CheckResult, Lang, Problem } from '../../../../domain/text';
import { describedBy } from '../../../../ui/labelled-field';
import { useDraft } from '../../../../ui/use-draft';
import type { RegistrationField, Tr } from './registration-text';

/** What every field of the form gets: its committed value, its recorded errors and how to commit. */
export interface FieldProps {
  field: RegistrationField;
  id: string;
  label: string;
  committed: string;
  errors: Problem[];
  lang: Lang;
  disabled: boolean;
  onCommit: (value: string) => void;
}

/** The errors the machine recorded for a field. */
export function FieldErrors({ id, problems, lang }: { id: string; problems: Problem[]; lang: Lang }) {
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

/**
 * A field's draft and its commit: the machine hears the value when the field is left or on Enter,
 * and only when it changed, so the log records decisions, not keystrokes.
 */
function useCommittedDraft(committed: string, onCommit: (value: string) => void) {
  const [draft, setDraft] = useDraft(committed);
  const commit = () => {
    if (draft !== committed) onCommit(draft);
  };
  const commitOnEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  return { draft, setDraft, commit, commitOnEnter };
}

/** A text field that commits its draft on leaving it or on Enter. */
export function TextField(props: FieldProps & { hint?: string | undefined; type?: string; multiline?: boolean; sensitiveMark?: string; inputRef?: Ref<HTMLInputElement> | undefined }) {
  const { id, label, committed, errors, lang, disabled, onCommit, hint, type = 'text', multiline, sensitiveMark, inputRef } = props;
  const { draft, setDraft, commit, commitOnEnter } = useCommittedDraft(committed, onCommit);
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
        <input {...common} ref={inputRef} type={type} maxLength={500} autoComplete="off" onChange={(e) => setDraft(e.target.value)} onKeyDown={commitOnEnter} />
      )}
    </Field>
  );
}

/** The sex as the CURP writes it (H, M, X). */
export function SexField(props: FieldProps & { t: Tr }) {
  const { id, label, committed, errors, lang, disabled, onCommit, t } = props;
  const known = ['', 'H', 'M', 'X'];
  // Like the text fields, the choice is committed on leaving the field or on Enter: arrow keys on a
  // select fire a change per option, and committing each would log values the trainee only passed over.
  const { draft, setDraft, commit, commitOnEnter } = useCommittedDraft(committed, onCommit);
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
        onKeyDown={commitOnEnter}
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
export function CurpField(props: FieldProps & { today: string; machineCheck: CheckResult | null; t: Tr }) {
  const { id, label, committed, errors, lang, disabled, onCommit, today, machineCheck, t } = props;
  const { draft, setDraft, commit, commitOnEnter } = useCommittedDraft(committed, onCommit);
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
        onKeyDown={commitOnEnter}
      />
    </Field>
  );
}
