import { useId, useState } from 'react';
import type { Lang } from '../../../../domain/text';
import { safeDate } from '../tool-text';
import { recordName, type ClinicRecord, type RegistrationContext, type Send, type Tr } from './registration-text';

interface SearchProps {
  c: RegistrationContext;
  lang: Lang;
  t: Tr;
  send: Send;
  onNew: () => void;
}

/** The clinic's record search: namesakes listed with record id, birth date and CURP, and a new record. */
export function RecordSearch({ c, lang, t, send, onNew }: SearchProps) {
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
