import { memo, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../domain/text';
import type { Person } from '../../../domain/types';
import type { Line } from '../../../engine/format/scenario.schema';
import { DocumentCard, spokenName } from '../../../ui/document-card';
import type { TraineeT } from './trainee-t';

/** The people at the desk, each with the mood of their latest line. */
export const PeopleAtDesk = memo(function PeopleAtDesk({ people, lines, t }: { people: Person[]; lines: Line[]; t: TraineeT }) {
  return (
    <ul className="people">
      {people.map((person) => {
        const mood = lines.findLast((l) => l.who === person.id && l.mood)?.mood ?? person.mood;
        return (
          <li key={person.id} className="person">
            <span className="person__avatar" aria-hidden="true">
              {person.name.given.charAt(0)}
              {person.name.first.charAt(0)}
            </span>
            <span className="person__name">{spokenName(person.name)}</span>
            {mood && <span className={`mood mood--${mood}`}>{t('desk.mood', { mood: t(`mood.${mood}`) })}</span>}
          </li>
        );
      })}
    </ul>
  );
});

export const DocumentsHandedOver = memo(function DocumentsHandedOver({ people, lang, empty }: { people: Person[]; lang: Lang; empty: string }) {
  const docs = people.flatMap((p) => p.documents.map((doc, i) => ({ doc, holder: p, key: `${p.id}:${i}` })));
  if (docs.length === 0) return <p>{empty}</p>;
  return (
    <div className="documents">
      {docs.map(({ doc, holder, key }) => (
        <DocumentCard key={key} doc={doc} holder={holder} lang={lang} />
      ))}
    </div>
  );
});

/** Announces people who arrive at the desk (a polite live region, silent for the ones already there). */
export function NewPersonAnnouncer({ people, t }: { people: readonly Person[]; t: TraineeT }) {
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const list = people.map((p) => spokenName(p.name));
    if (seen.current === null) {
      seen.current = new Set(list);
      return;
    }
    const arrived = list.filter((n) => !seen.current?.has(n));
    arrived.forEach((n) => seen.current?.add(n));
    if (arrived.length > 0) setMessage(arrived.map((name) => t('desk.newPerson', { name })).join(' '));
  }, [people, t]);
  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}
