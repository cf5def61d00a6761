import { useId } from 'react';

/** One choice of the language switch. */
export interface LanguageOption<V extends string> {
  value: V;
  /** Name of the language in that language (an endonym), e.g. "Español". */
  label: string;
}

/** Props of LanguageSwitch. */
export interface LanguageSwitchProps<V extends string> {
  /** Visible group label, e.g. "Idioma". */
  label: string;
  value: V;
  options: ReadonlyArray<LanguageOption<V>>;
  onChange: (value: V) => void;
}

/**
 * A labelled group of toggle buttons, one per language. Each button is marked with its own lang so
 * screen readers pronounce "English" in English even on a Spanish page.
 */
export function LanguageSwitch<V extends string>({ label, value, options, onChange }: LanguageSwitchProps<V>) {
  const labelId = useId();
  return (
    <div className="language-switch" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="language-switch__label">
        {label}
      </span>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          lang={option.value}
          className="language-switch__option"
          aria-pressed={option.value === value}
          onClick={() => {
            if (option.value !== value) onChange(option.value);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
