/** What the patient-identifier analysis finds. */

/** Kinds of identifier, as users name them in `identifiers.allow`. */
export const IDENTIFIER_KINDS = [
  'date',
  'age',
  'phone',
  'email',
  'url',
  'ip-address',
  'record-number',
  'national-id',
  'serial-number',
  'postal-code',
  'street-address',
  'person',
  'institution',
  'place',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Structured identifiers (found by their shape) are errors; names and places, found by evidence, warnings. */
export const STRUCTURED_KINDS: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  'date', 'age', 'phone', 'email', 'url', 'ip-address', 'record-number', 'national-id', 'serial-number', 'postal-code', 'street-address',
]);

export interface IdentifierMatch {
  /** Offsets into the text that was searched, half-open. */
  start: number;
  end: number;
  kind: IdentifierKind;
  /** The identifier as written. */
  text: string;
  /**
   * More detail: for dates, what the date is of (`birth`, `admission`, `discharge`, `death`);
   * for persons, `initials`, `clinician` (after Dr/Prof or "seen by") or `relative`; for places, `street`.
   */
  role?: 'birth' | 'admission' | 'discharge' | 'death' | 'initials' | 'clinician' | 'relative' | 'street';
  /** For ages: the offsets of the number inside the match (what "over 89" replaces). */
  number?: { start: number; end: number };
}
