/** One choice of a Select: the value sent and the words shown. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Props of Select. */
export interface SelectProps {
  id: string;
  value: string;
  options: readonly SelectOption[];
  /** The empty first choice ("Elija…"); none when omitted. */
  placeholder?: string | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
  className?: string;
  onChange: (value: string) => void;
}

/** A controlled drop-down list. */
export function Select({ id, value, options, placeholder, describedBy, invalid = false, className, onChange }: SelectProps) {
  return (
    <select
      id={id}
      className={className}
      value={value}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
