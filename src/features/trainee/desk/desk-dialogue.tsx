import { memo } from 'react';
import type { Lang } from '../../../domain/text';
import type { Person } from '../../../domain/types';
import type { LogEntry } from '../../../engine/format/log';
import type { RunView, ScoredItem, SendResult } from '../../../engine/run/run';
import type { Line } from '../../../engine/format/scenario.schema';
import { spokenName } from '../../../ui/document-card';
import { RichText } from '../../../ui/rich-text';
import type { TraineeT } from './trainee-t';

/** What has been said at the current step. */
export const Dialogue = memo(function Dialogue({ lines, people, lang, t }: { lines: Line[]; people: Record<string, Person>; lang: Lang; t: TraineeT }) {
  return (
    <ol className="dialogue" aria-label={t('desk.atDesk')}>
      {lines.map((line, i) => {
        const person = people[line.who];
        const who = person ? spokenName(person.name) : t('desk.narrator');
        return (
          <li key={i} className={`line ${line.who === 'narrator' ? 'line--narrator' : 'line--person'}`}>
            <span className="line__who">{who}</span>
            {line.mood && <span className="line__mood"> ({t(`mood.${line.mood}`)})</span>}
            <span className="visually-hidden">: </span>
            <p className="line__text">
              <RichText text={line[lang]} />
            </p>
          </li>
        );
      })}
    </ol>
  );
});

/** Feedback on the latest action (practice), in a status region so it is announced. */
export const FeedbackRegion = memo(function FeedbackRegion({ items, lang, t }: { items: ScoredItem[]; lang: Lang; t: TraineeT }) {
  return (
    <div role="status" className="feedback-region">
      {items.length > 0 && (
        <div className="feedback">
          <h3>{t('desk.feedbackHeading')}</h3>
          <ul>
            {items.map((f) => (
              <li key={`${f.kind}:${f.id}:${f.actionIndex}`} className={f.passed ? 'feedback__item feedback__item--good' : 'feedback__item feedback__item--bad'}>
                <strong>{f.passed ? t('desk.feedbackGood') : t('desk.feedbackBad')}</strong>
                {f.critical && !f.passed && <span className="feedback__critical"> — {t('desk.critical')}</span>}
                {': '}
                {f.feedback && <RichText text={f.feedback[lang]} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

/** The answers offered at a dialogue step. */
export const Choices = memo(function Choices({ choices, lang, act }: { choices: RunView['choices']; lang: Lang; act: (entry: LogEntry) => SendResult }) {
  return (
    <div role="group" aria-labelledby="step-heading" className="choices">
      {choices.map((c) => (
        <button key={c.id} type="button" className="choice" onClick={() => act({ type: 'choose', choice: c.id })}>
          <RichText text={c.text[lang]} />
        </button>
      ))}
    </div>
  );
});
