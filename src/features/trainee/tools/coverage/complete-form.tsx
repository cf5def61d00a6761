import { useId, useState } from 'react';
import { checkParams } from '../schema-field-errors';
import { COVERAGE_ROUTES, paramsOf, type CoverageRoute, type Send, type Tr } from './coverage-text';

/** Closing the check with the route the visit takes. */
export function CompleteForm({ t, send }: { t: Tr; send: Send }) {
  const id = useId();
  const [route, setRoute] = useState<CoverageRoute | ''>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="cov-tool__panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('complete.heading')}</h3>
      <form
        className="cov-tool__row"
        onSubmit={(e) => {
          e.preventDefault();
          const checked = checkParams(paramsOf('coverage.complete'), { route }, { route: t('complete.chooseFirst') });
          const found = checked.ok ? null : (checked.errors.route ?? null);
          // Set only when it changes: a click that leaves it as it was draws nothing more.
          if (found !== error) setError(found);
          if (checked.ok) send({ type: 'coverage.complete', ...checked.params });
        }}
      >
        <label htmlFor={`${id}-route`}>{t('complete.route')}</label>
        <select
          id={`${id}-route`}
          value={route}
          onChange={(e) => setRoute(e.target.value as CoverageRoute | '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
        >
          <option value="">{t('complete.choose')}</option>
          {COVERAGE_ROUTES.map((r) => (
            <option key={r} value={r}>
              {t(`routes.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary">
          {t('complete.submit')}
        </button>
        {error && (
          <span id={`${id}-err`} className="cov-tool__error">
            {error}
          </span>
        )}
      </form>
    </section>
  );
}
