import type { Lang, LocalizedText } from '../../../domain/text';
import type { Refusal } from '../../../machines/workflow';

/**
 * A tool's error box, the same in every tool. The screen's own refusal (the workflow context's
 * `refusal`, which the desk never shows) is announced here; the run's refusal of the tool's last
 * action is only shown here, since the desk's alert announces it (0021).
 */
export function RefusalBox(props: {
  /** The tool's box class (`reg-tool__alert`...); `${className}-title` styles the title. */
  className: string;
  /** A heading above the messages, for tools whose box has one. */
  title?: string;
  refusal: Refusal | null;
  /** The run's refusal, as the tool words it ("No se aceptó la acción: …"). */
  runRefusal: string | null;
  lang: Lang;
}) {
  const { className, title, refusal, runRefusal, lang } = props;
  const heading = title ? <p className={`${className}-title`}>{title}</p> : null;
  return (
    <div className={className} data-empty={refusal === null && runRefusal === null ? 'true' : 'false'}>
      <div role="alert">
        {refusal && (
          <>
            {heading}
            <Messages texts={refusal.problems.map((p) => p.message)} lang={lang} />
          </>
        )}
      </div>
      {runRefusal !== null && (
        <>
          {!refusal && heading}
          <p>{runRefusal}</p>
        </>
      )}
    </div>
  );
}

function Messages({ texts, lang }: { texts: LocalizedText[]; lang: Lang }) {
  if (texts.length === 1) return <p>{texts[0]?.[lang]}</p>;
  return (
    <ul>
      {texts.map((text, i) => (
        <li key={i}>{text[lang]}</li>
      ))}
    </ul>
  );
}
