/**
 * Structured identifiers, found by their shape: dates more specific than the year, ages over 89,
 * telephone and fax numbers, e-mail and web addresses, IP addresses, record, insurance, national
 * identity and serial numbers, postal codes and street addresses. Pure functions of plain text.
 *
 * Each pattern is written against the false alarms a case report is full of: laboratory values
 * and their ranges, doses, times, scores and fractions ("5/5", "6/10"), years alone and citation
 * years, gene variants ("c.1021G>A"), figure and table numbers, case numbers in a series.
 */
import type { IdentifierMatch } from './types';

const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_NEEDS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Month names, and abbreviations with their full stop ("Jan.", "Sept."). */
const MON = String.raw`(?:(?:${MONTH_NAMES})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)`;

/** Where a structured pattern may start and end: not inside a longer token. */
const L = String.raw`(?<![A-Za-z0-9_\u00C0-\u024F])`;
const R = String.raw`(?![A-Za-z0-9_\u00C0-\u024F])`;

interface Pattern {
  kind: IdentifierMatch['kind'];
  re: RegExp;
  /** A cheap test the text must pass before the pattern runs. */
  quick?: RegExp;
  /** Cheaper still: the text must hold one of these strings; the pattern then runs around them. */
  needs?: string[];
  /** How far around a `needs` string the pattern may match (characters, default 80). */
  reach?: number;
  /** Return false to drop the match; may adjust it. */
  keep?: (text: string, m: RegExpExecArray, found: IdentifierMatch) => boolean;
}

const validDM = (d: number, m: number) => d >= 1 && d <= 31 && m >= 1 && m <= 12;

/** What a date is of, from the words just before it. */
function dateRole(text: string, start: number): IdentifierMatch['role'] {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  // The nearest word that says what the date is of, in the same clause.
  const re = /\b(?:(born|birth|d\.?o\.?b\.?|birthday)|(died|death|deceased|passed away|expired)|(discharged?)|(admitted|admission|presented|hospitali[sz]ed))\b/g;
  let role: IdentifierMatch['role'];
  let m: RegExpExecArray | null;
  while ((m = re.exec(before))) {
    if (/[.;,]/.test(before.slice(m.index + m[0].length))) {
      role = undefined;
      continue;
    }
    role = m[1] ? 'birth' : m[2] ? 'death' : m[3] ? 'discharge' : 'admission';
  }
  return role;
}

/** Lab values, doses and other measures a number before or after a candidate would make it. */
const UNIT_AFTER = /^\s*(?:%|mg|mcg|µg|ug|g\b|kg|ml|mL|l\b|L\b|mmol|µmol|umol|nmol|pmol|mEq|IU|U\/|U\b|mm\b|cm\b|mmHg|bpm|cells|copies|µV|uV|mV|ms\b|m\/s|Hz|×|x\s?10)/;

const DATE_PATTERNS: Pattern[] = [
  {
    // "2 June 2021", "2nd of June", "12 March", "Monday 3 May 2021", "the 3rd of Sept."
    kind: 'date',
    needs: MONTH_NEEDS,
    re: new RegExp(String.raw`${L}${WEEKDAY}?(?:the\s+)?${DAY}(?:\s+of)?[\s-]+${MON}(?:,?[\s-]+${YEAR})?${R}`, 'g'),
    keep: (text, m) => !/^\s*(?:years?|months?|weeks?|days?|mg|patients)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60)),
  },
  {
    // "June 2nd", "June 2, 2021", "Sept. 3rd 2019", "Monday, June 2"
    kind: 'date',
    needs: MONTH_NEEDS,
    re: new RegExp(String.raw`${L}${WEEKDAY}?${MON}\s+${DAY}(?:(?:,\s*|\s+)${YEAR})?${R}(?![.,]\d|\s*(?:%|mg|patients|years?|cases|times))`, 'g'),
    keep: (text, m) => {
      // "in March 3 patients" is not a date; a bare "March 3" needs an ordinal, a year or no noun after it.
      if (/(?:st|nd|rd|th)\b|\d{4}$/.test(m[0])) return true;
      return !/^\s+[a-z\u00DF-\u00FF]+s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    },
  },
  {
    // "June 2021", "June, 2021", "in Sept. 2019", "mid-March 2020"
    kind: 'date',
    needs: MONTH_NEEDS,
    re: new RegExp(String.raw`${L}(?:(?:early|mid|late)-)?${MON},?\s+${YEAR}${R}`, 'g'),
  },
  {
    // A month on its own after a preposition: "in March", "since early June", "by the end of July".
    // The match holds the preposition; `keep` narrows it to the month.
    kind: 'date',
    needs: MONTH_NEEDS,
    re: new RegExp(
      String.raw`\b(?:[Ii]n|[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|[Tt]hroughout|[Bb]efore|[Aa]fter|of|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat|[Bb]etween|[Aa]nd|to)[\s-]+(?:(?:early|late|mid)[\s-]+)?(${MONTH_NAMES})${R}`,
      'g',
    ),
    keep: (text, m, f) => {
      const at = m.index + m[0].length - m[1].length;
      f.start = at;
      f.text = m[1];
      if (m[1] === 'May' && !mayIsMonth(text, { ...m, index: at, 0: m[1] } as unknown as RegExpExecArray)) return false;
      return true;
    },
  },
  {
    // ISO and year-first: "2021-06-02", "2021/6/2", "2021.06.02"
    kind: 'date',
    quick: /(?:19|20)\d\d[-/.]\d/,
    re: new RegExp(String.raw`${L}(?<![\d.,/:-])(${YEAR})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])${R}(?![.,/-]\d)`, 'g'),
  },
  {
    // Day-month-year and month-day-year: "06/02/2021", "2.6.2021", "12-07-68", "6/2/21"
    kind: 'date',
    quick: /\d[-/.]\d{1,2}[-/.]\d/,
    re: new RegExp(String.raw`${L}(?<![\d.,/:-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${R}(?![.,/:-]\d)`, 'g'),
    keep: (text, m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = m[4];
      if (!(validDM(a, b) || validDM(b, a))) return false;
      if (y.length === 4 && !/^(?:19|20)/.test(y)) return false;
      // "2.6.21" is as likely a version or a decimal list as a date: dots need a four-digit year.
      if (m[2] === '.' && y.length === 2) return false;
      // Ratios and fractions of three parts ("1/2/3") are not dates; two-digit years need a two-digit field.
      if (y.length === 2 && m[1].length < 2 && m[3].length < 2 && m[2] !== '/') return false;
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (/(?:\b[cpgm]\.|\bv|version\s*|\bchr\d*:|\bEC\s)$/i.test(before)) return false;
      return !UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    },
  },
  {
    // Month and year in figures: "06/2021", "11-2019" (a two-digit month, so that "1/2000" stays a ratio)
    kind: 'date',
    quick: /(?:0[1-9]|1[0-2])[/.-](?:19|20)\d\d/,
    re: new RegExp(String.raw`${L}(?<![\d.,/:-])(0[1-9]|1[0-2])[/.-](${YEAR})${R}(?![.,/:-]\d)`, 'g'),
    keep: (text, m) => {
      // "10-2019" may be a range of years ("2010-2019" is not matched; "10-2019" rarely is one).
      if (m[0].includes('-') && /\b(?:from|between)\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return false;
      return !UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    },
  },
];

/** "May" the month, not the verb: next to a day or a year, or after a preposition that takes a month. */
function mayIsMonth(text: string, m: RegExpExecArray): boolean {
  if (!/May/.test(m[0])) return true;
  if (/\d/.test(m[0])) return true;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
  // "in May, she…", "in May." — not "may be".
  return !/^\s+(?:be|have|not|also|still|only|well|occur|cause|lead|present|help|need|result|explain)\b/.test(after);
}

const AGE_PATTERNS: Pattern[] = [
  {
    // "91-year-old", "92 year old", "95-yr-old", "a 101‑year‑old"
    kind: 'age',
    quick: /(?:9\d|1[0-2]\d)[\s\u2010\u2011-]*y/,
    re: /(?<![\d.,])(9\d|1[0-2]\d)(?:[\s\u2010\u2011-]+(?:years?|yrs?\.?)[\s\u2010\u2011-]+old|\s*(?:years?|yrs?\.?)\s+(?:old|of\s+age)|\s*(?:y\/o|y\.o\.|yo)(?![A-Za-z\u00C0-\u024F]))(?![A-Za-z\u00C0-\u024F])/g,
  },
  {
    // "aged 91", "age 93", "at the age of 90", "ages 91 and 95"
    kind: 'age',
    needs: ['age', 'Age'],
    re: /\b(?:[Aa]ged|[Aa]ges?|[Aa]t\s+the\s+age\s+of|[Aa]t\s+age)\s+(9\d|1[0-2]\d)(?![\d.,]\d|\s*(?:days?|weeks?|months?|hours?|d|wk|mo|h)\b|\s*(?:–|-|to)\s*\d)/g,
  },
];

function keepAge(m: RegExpExecArray, found: IdentifierMatch): boolean {
  const n = Number(m[1]);
  if (!(n >= 90 && n <= 125)) return false;
  const numStart = m.index + m[0].indexOf(m[1], m[0].search(/\d/));
  found.number = { start: numStart, end: numStart + m[1].length };
  return true;
}

/** Digits in a string. */
const digits = (s: string) => s.replace(/\D/g, '').length;

const PHONE_PATTERNS: Pattern[] = [
  {
    // After a word that says what follows: "tel. 0161 496 0000", "fax: +44 20 7946 0999", "mobile 07700 900123", "bleep 4412"
    kind: 'phone',
    needs: ['Tel', 'tel', 'hone', 'Fax', 'fax', 'acsimile', 'obile', 'Mob', 'mob.', 'Cell', 'ellphone', 'andline', 'ager', 'leep', 'xt.', 'xtension', 'WhatsApp', 'ontact'],
    quick: /(?:[Tt]el|[Pp]hone|[Pp]h|[Ff]ax|[Ff]acsimile|[Mm]obile|[Mm]ob|[Cc]ell|[Ll]andline|[Pp]ager|[Bb]leep|[Ee]xt|[Ee]xtension|WhatsApp|[Cc]ontact|no|number|#|nr)\.?\s*[:#.]?\s*(?:is\s|on\s|at\s)?\+?\(?\d/,
    re: /\b(?:[Tt]el(?:ephone)?|[Pp]hone|[Pp]h|[Ff]ax|[Ff]acsimile|[Mm]obile|[Mm]ob|[Cc]ell(?:phone)?|[Ll]andline|[Pp]ager|[Bb]leep|[Ee]xt(?:ension)?|WhatsApp|[Cc]ontact)\.?(?:\s+(?:no\.?|number|#|nr\.?))?\s*(?:[:#.]|is|on|at)?\s*(\+?\(?\d[\d\s().\/-]{2,}\d)/g,
    keep: (_t, m, f) => {
      const n = digits(m[1]);
      const short = /^(?:[Pp]ager|[Bb]leep|[Ee]xt)/.test(m[0]);
      if (n < (short ? 4 : 7) || n > 15) return false;
      // "contact 5 days" / "phone 2 times": a count, not a number.
      if (/^(?:[Cc]ontact)/.test(m[0]) && n < 8) return false;
      trimEnd(f);
      return true;
    },
  },
  {
    // International: "+44 20 7946 0958", "+1 (617) 555-0123", "+33 6 12 34 56 78"
    kind: 'phone',
    quick: /\+\d/,
    re: /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?![\d])/g,
    keep: (_t, m) => digits(m[0]) >= 8 && digits(m[0]) <= 15,
  },
  {
    // North American: "(617) 555-0123", "617-555-0123", "617.555.0123"
    kind: 'phone',
    quick: /\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}/,
    re: /(?<![\d.\/-])(?:\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}([.-])\d{3}\1\d{4})(?![\d-])/g,
  },
  {
    // National numbers with a trunk zero: "020 7946 0958", "01632 960123", "07700 900123", "06 12 34 56 78"
    kind: 'phone',
    // The pattern's start, from its leading zero (a test that starts with a literal is quick).
    quick: /0\d(?:\d{1,3}[\s-]\d|[\s.]\d\d[\s.]\d)/,
    re: /(?<![\d.,\/-])(?:0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}|0\d(?:[\s.]\d{2}){4})(?![\d.,]?\d)/g,
    keep: (_t, m) => digits(m[0]) >= 10 && digits(m[0]) <= 11,
  },
];

function trimEnd(f: IdentifierMatch): void {
  const t = f.text.replace(/[\s().\/-]+$/, '');
  f.end -= f.text.length - t.length;
  f.text = t;
}

/** Web sites that are references (DOIs, registries, guidelines), not identifiers. */
const REFERENCE_HOSTS =
  /(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|nih\.gov|pubmed\.gov|europepmc\.org|clinicaltrials\.gov|isrctn\.com|who\.int|cdc\.gov|fda\.gov|ema\.europa\.eu|nice\.org\.uk|gov\.uk|omim\.org|orpha\.net|gnomad\.broadinstitute\.org|ensembl\.org|uniprot\.org|genecards\.org|care-statement\.org|equator-network\.org|cochranelibrary\.com|uptodate\.com|github\.com|zenodo\.org|osf\.io|figshare\.com|datadryad\.org|r-project\.org|cran\.r-project\.org|wikipedia\.org|icd\.who\.int|snomed\.org|loinc\.org|clinvar|dbsnp|hgvs\.org|varnomen\.hgvs\.org|ctcae|cancer\.gov|bmj\.com|thelancet\.com|nejm\.org|jamanetwork\.com|springer\.com|biomedcentral\.com|wiley\.com|elsevier\.com|sciencedirect\.com|nature\.com|frontiersin\.org|mdpi\.com|plos\.org|tandfonline\.com|karger\.com|thieme-connect\.com|oup\.com|cambridge\.org|sagepub\.com)$/i;

const WEB_PATTERNS: Pattern[] = [
  {
    kind: 'email',
    quick: /@/,
    re: /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
  },
  {
    kind: 'url',
    needs: ['://', 'www.', 'WWW.'],
    re: /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()"'\]\[{}]+/gi,
    keep: (_t, _m, f) => {
      const t = f.text.replace(/[.,;:!?]+$/, '');
      f.end -= f.text.length - t.length;
      f.text = t;
      const host = /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(t)?.[1] ?? '';
      return !REFERENCE_HOSTS.test(host) && !/^(?:https?:\/\/)?(?:dx\.)?doi\.org/i.test(t);
    },
  },
  {
    kind: 'ip-address',
    quick: /\d\.\d+\.\d+\.\d/,
    re: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g,
    keep: (t, m) => !/(?:\bEC|\bv|version|\bPMID|\bp\.|ICD|rs)\s*$/i.test(t.slice(Math.max(0, m.index - 10), m.index)),
  },
  {
    // IPv6: eight groups of hexadecimal digits ("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), or
    // fewer with "::" ("fe80::1ff:fe23:4567:890a", "2001:db8::8a2e:370:7334"), or ending in IPv4
    // ("::ffff:192.0.2.33"). Not times ("10:30:45"), ratios ("1:2:4"), gene variants
    // ("NM_000492.4:c.1521_1523del") or a lone "1::2": see isIPv6.
    // Compressed, around its "::" (times and ratios have none).
    kind: 'ip-address',
    needs: ['::'],
    re: IPV6_RE(),
    keep: (_t, m) => isIPv6(m[0]),
  },
  {
    // All eight groups: seven colons within a few characters.
    kind: 'ip-address',
    quick: /:(?:[0-9A-Fa-f]{1,4}:){5}[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]/,
    re: IPV6_RE(),
    keep: (_t, m) => isIPv6(m[0]),
  },
];

/** A candidate IPv6 address (isIPv6 decides). */
function IPV6_RE(): RegExp {
  return /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
}

/** Is this an IPv6 address as people write one, and not a time or a ratio that looks like one? */
function isIPv6(s: string): boolean {
  if (s.includes(':::')) return false;
  const v4 = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  let hex = v4 ? s.slice(0, s.length - v4[1].length) : s;
  if (v4 && !hex.endsWith('::')) hex = hex.slice(0, -1);
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const all = halves.flatMap((part) => (part ? part.split(':') : []));
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = all.length + (v4 ? 2 : 0);
  if (halves.length === 1) return count === 8;
  if (count > 7) return false;
  // Compressed: at least two groups besides the "::", one of them clearly hexadecimal or long
  // ("fe80::1", "2001:db8::"; not "1::2").
  return count >= 3 || (all.length === 2 && all.some((g) => /[A-Fa-f]/.test(g) || g.length >= 3)) || (!!v4 && all.length >= 1);
}

/** An identification number: digits, with letters and separators, 4 digits at least. */
const ID = String.raw`(?:[A-Z]{1,4}[-\s/]?)?\d[\dA-Z]*(?:[-\s/.]\d[\dA-Z]*|[-/][A-Z]{1,3}(?![A-Za-z\u00C0-\u024F]))*`;
const SEP = String.raw`\s*(?:[:#=]\s*|\s(?:is|was|of)\s+|\s)?\s*`;

function idKeep(min: number) {
  return (text: string, m: RegExpExecArray, f: IdentifierMatch): boolean => {
    const id = m.groups?.id ?? '';
    if (digits(id) < min) return false;
    // A year or a range of years ("records 2019-2021") is not a number that identifies anyone.
    if (/^(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?$/.test(id)) return false;
    // "patient no. 3", "case 12" and numbers with units are not identifiers.
    if (UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return false;
    trimEnd(f);
    return true;
  };
}

const NUMBER_WORD = String.raw`(?:\s+(?:number|numbers|no\.?|nos\.?|num\.?|nr\.?|#|ID|id|identifier|identification(?:\s+number)?|code|reference(?:\s+number)?))`;

const NUMBER_PATTERNS: Pattern[] = [
  {
    // "MRN 7734120", "MRN: 00-44-1932", "medical record number 123456", "record 88-1402", "hospital no. 55 0192"
    kind: 'record-number',
    needs: ['MRN', 'M.R.N', 'ecord', 'hart', 'umber', 'no.', 'No.', 'nos.', 'num.', 'nr.', 'Nr.', 'ID', 'dentifi', 'ode ', 'eference'],
    quick: /(?:MRN|M\.R\.N\.|[Rr]ecords?|number|no\.|nos\.|num\.|nr\.|#|ID|id|identifier|identification|code|reference)\W{0,3}(?:[A-Z]{1,4}[-\s/]?)?\d/,
    re: new RegExp(
      String.raw`\b(?:MRN|M\.R\.N\.|(?:(?:[Mm]edical|[Hh]ospital|[Hh]ealth|[Cc]ase|[Pp]atient)\s+)?[Rr]ecords?${NUMBER_WORD}?|[Cc]hart${NUMBER_WORD}|(?:[Hh]ospital|[Pp]atient|[Uu]nit|[Aa]ccount|[Aa]cct\.?|[Ii]nsurance|[Ii]nsurer|[Pp]olicy|[Mm]ember(?:ship)?|[Ss]ubscriber|[Bb]eneficiary|[Hh]ealth[-\s][Pp]lan|[Pp]lan|Medicare|Medicaid|NHS|CHI|[Cc]laim|[Aa]dmission|[Rr]egistration|[Ff]ile|[Ee]ncounter|[Ee]pisode|[Aa]ccession|[Cc]ase)${NUMBER_WORD})${SEP}(?<id>${ID})`,
      'g',
    ),
    keep: idKeep(4),
  },
  {
    // "SSN 123-45-6789", "social security number …", "national insurance number QQ 12 34 56 C", "passport no. …"
    kind: 'national-id',
    needs: ['SSN', 'S.S.N', 'ecurity', 'ational', 'NI ', 'NINO', 'dentity', 'ID ', 'assport', 'adhar', 'adhaar', 'NRIC', 'PPS', 'ummer', 'BSN', 'PESEL', 'CPF', 'DNI', 'NIE', 'iscale', 'TFN', 'SIN'],
    quick: /(?:SSN|S\.S\.N\.|[Ss]ecurity|[Ii]nsurance|[Ii]dentity|[Ii]dentification|ID|[Cc]ard|[Hh]ealth|NI|NINO|[Pp]assport|Aadhaa?r|NRIC|PPSN?|[Pp]ersonnummer|BSN|PESEL|CPF|DNI|NIE|[Ff]iscale|TFN|SIN|[Nn]umber|[Nn]o\.?|#)\W{0,3}(?:[A-Z]{1,3}\s?)?\d/,
    re: new RegExp(
      String.raw`\b(?:SSN|S\.S\.N\.|[Ss]ocial\s+[Ss]ecurity(?:\s+[Nn]umber|\s+[Nn]o\.?)?|[Ss]ocial\s+[Ii]nsurance(?:\s+[Nn]umber)?|[Nn]ational\s+(?:[Ii]dentity|[Ii]dentification|ID|[Ii]nsurance|[Hh]ealth)(?:\s+(?:[Cc]ard|[Nn]umber|[Nn]o\.?))*|NI${NUMBER_WORD}|NINO|[Ii]dentity\s+(?:[Cc]ard|[Dd]ocument)(?:\s+(?:[Nn]umber|[Nn]o\.?))?|ID\s+[Cc]ard(?:\s+(?:[Nn]umber|[Nn]o\.?))?|[Pp]assport(?:${NUMBER_WORD})?|Aadhaa?r(?:${NUMBER_WORD})?|NRIC|PPSN?|[Pp]ersonnummer|BSN|PESEL|CPF|DNI|NIE|[Cc]odice\s+[Ff]iscale|TFN|SIN)${SEP}(?<id>(?:[A-Z]{1,3}\s?)?\d[\dA-Z]*(?:[-\s./]\d[\dA-Z]*)*(?:\s?[A-Z](?![A-Za-z\u00C0-\u024F]))?)`,
      'g',
    ),
    keep: idKeep(5),
  },
  {
    // A US social security number written bare: "123-45-6789"
    kind: 'national-id',
    quick: /\d{3}-\d{2}-\d{4}/,
    re: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g,
  },
  {
    // "device serial SN-8841-X", "serial no. 4471-220", "S/N 99812", "licence number D123-4567", "VIN 1HGCM82633A004352"
    kind: 'serial-number',
    needs: ['erial', 'S/N', 'SN', 'UDI', 'IMEI', 'icence', 'icense', 'ertificate', 'late', 'VIN', 'adge', 'NPI', 'DEA', 'evice', 'mplant', 'acemaker', 'timulator'],
    quick: /(?:[Ss]erial|S\/N|SN|UDI|IMEI|[Ll]icen[cs]e|[Pp]late|VIN|number|no\.?|num\.|nr\.|#|ID|identifier|NPI)[\s:#=-]{1,3}[A-Z0-9]*\d/,
    re: new RegExp(
      String.raw`\b(?:(?:[Dd]evice|[Ii]mplant|[Pp]acemaker|[Gg]enerator|[Pp]ump|[Ss]timulator|[Vv]alve|[Ll]ead|[Cc]ochlear\s+[Ii]mplant)\s+(?:[Ss]erial(?:${NUMBER_WORD})?|ID|[Ii]dentifier|${NUMBER_WORD.slice(6, -1)})|[Ss]erial(?:${NUMBER_WORD})?|S\/N|SN|UDI|IMEI|(?:[Dd]river'?s\s+)?[Ll]icen[cs]e(?:\s+[Pp]late)?(?:${NUMBER_WORD})?|[Cc]ertificate${NUMBER_WORD}|[Rr]egistration\s+[Pp]late|[Nn]umber\s+[Pp]late|[Pp]late\s+[Nn]umber|[Vv]ehicle\s+(?:[Ii]dentification|[Rr]egistration)\s+[Nn]umber|VIN|[Bb]adge${NUMBER_WORD}|NPI|DEA${NUMBER_WORD})(?:\s*[:#=]\s*|\s+|-)(?<id>[A-Z0-9]+(?:[-/.][A-Z0-9]+)*)`,
      'g',
    ),
    // "SN 2" (a sensory nerve), "lead 2", "serial 3 measurements": four digits at least.
    keep: idKeep(4),
  },
];

const STREET_TYPES =
  'Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Boulevard|Blvd\\.?|Way|Place|Pl\\.|Court|Ct\\.|Crescent|Close|Terrace|Square|Highway|Hwy\\.?|Parkway|Pkwy\\.?|Row|Gardens|Grove|Mews|Walk|Circle|Trail|Alley|Rise|Hill|Wharf|Quay|Embankment';
const STREET_NEEDS = [
  'Street', 'St.', 'St ', 'Road', 'Rd', 'Avenue', 'Ave', 'Lane', 'Ln', 'Drive', 'Boulevard', 'Blvd', 'Way', 'Place', 'Pl.', 'Court',
  'Ct.', 'Crescent', 'Close', 'Terrace', 'Square', 'Highway', 'Hwy', 'Parkway', 'Pkwy', 'Row', 'Gardens', 'Grove', 'Mews', 'Walk',
  'Circle', 'Trail', 'Alley', 'Rise', 'Hill', 'Wharf', 'Quay', 'Embankment',
];
const CAP_WORD = String.raw`[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u0300-\u036F'’.-]*`;

const ADDRESS_PATTERNS: Pattern[] = [
  {
    // "14 Orchard Lane", "Flat 3, 22 Kingsley Road", "221B Baker Street", "1600 Amphitheatre Pkwy"
    kind: 'street-address',
    needs: STREET_NEEDS,
    re: new RegExp(
      String.raw`(?:\b(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Ss]uite)\s+\w{1,4},?\s+)?(?<![\d.,:/-])\d{1,5}[A-Za-z]?,?\s+(?:${CAP_WORD}\s+){0,3}?${CAP_WORD}\s+(?:${STREET_TYPES})(?![A-Za-z\u00C0-\u024F])`,
      'g',
    ),
    keep: (text, m, f) => {
      // "3 Units", "Table 2 Main Road results" are rare; drop "Fig 2 St." style matches after figure words.
      if (/(?:Fig(?:ure)?s?\.?|Table|Case|Patient|Grade|Stage|Type|Day|Week|Month|Year|Level|Score|Step)\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return false;
      // "the 6 Minute Walk test" is a test, not an address.
      if (/^\s*(?:test|distance|Test|Distance)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60)) || /\b(?:Minutes?|Metres?|Meters?|Steps?|Stairs?)\s/.test(f.text)) return false;
      // "12 St John's" with no street word after is a hospital, not an address.
      if (/\bSt\.?$/.test(f.text) && /^\s+[A-Z\u00C0-\u00DE]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return false;
      return true;
    },
  },
  {
    // Continental addresses: "Hauptstraße 12", "Via Roma 12", "12 rue de la Paix", "Calle Mayor 5"
    kind: 'street-address',
    needs: ['straße', 'strasse', 'str. ', 'weg ', 'gasse ', 'allee ', 'platz ', 'laan ', 'straat ', 'gade ', 'vej ', 'gatan ', 'katu ', 'rue ', 'avenue ', 'boulevard ', 'chemin ', 'Via ', 'Viale ', 'Piazza ', 'Calle ', 'Avenida ', 'Carrer ', 'Rua ', 'Praça ', 'Praca ', 'Plaza '],
    quick: /(?:stra(?:ss|ß)e|str\.|weg|gasse|allee|platz|laan|straat|gade|vej|gatan|katu)\s+\d|\d,?\s+(?:rue|avenue|boulevard|chemin|place)\s|(?:Via|Viale|Piazza|Calle|Avenida|Carrer|Rua|Pra[çc]a|Plaza)\s+[A-Z]/,
    re: new RegExp(
      String.raw`(?:\b[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F-]*(?:stra(?:ss|ß)e|str\.|weg|gasse|allee|platz|laan|straat|gade|vej|gatan|katu)\s+\d{1,4}[a-z]?\b)|(?:(?<![\d.])\d{1,4}(?:\s*,)?\s+(?:rue|avenue|boulevard|chemin|place)\s+(?:(?:de|du|des|la|le|l'|d')\s*)*[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*)|(?:\b(?:Via|Viale|Piazza|Calle|Avenida|Carrer|Rua|Pra[çc]a|Plaza)\s+(?:(?:de|del|della|di|da|do|dos|das|la|el)\s+)*[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*(?:\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]*)?,?\s+\d{1,4}\b)`,
      'g',
    ),
  },
  {
    kind: 'street-address',
    needs: ['Box', 'box', 'BOX'],
    re: /\b(?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box)\s+\d+/gi,
  },
  {
    // After a word that says so: "postcode SW1A 1AA", "ZIP code 02115", "postal code 75011"
    kind: 'postal-code',
    needs: ['ZIP', 'Zip', 'zip', 'ostcode', 'ostal code', 'ost code', 'PLZ'],
    re: /\b(?:ZIP|[Zz]ip|[Pp]ost(?:al)?\s?[Cc]ode|[Pp]ostcode|PLZ)(?:\s+[Cc]ode)?\s*[:#]?\s*(?:of\s+)?(?<id>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{4,6}(?:-\d{4})?|\d{4}\s?[A-Z]{2})(?![\w])/g,
  },
  {
    // UK postcodes: "SW1A 1AA", "M1 1AE", "EH8 9YL"
    kind: 'postal-code',
    // " 1AA": the second half after a space (looked for from its digit, which is quicker).
    quick: /\d(?<=\s\d)[ABD-HJLNP-UW-Z]{2}/,
    re: /(?<![A-Za-z0-9\u00C0-\u024F-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9\u00C0-\u024F])/g,
    keep: (t, m) => !/(?:HLA|CD|IL|TNF|[Tt]ype|[Gg]rade|[Ss]tage)[-\s]*$/.test(t.slice(Math.max(0, m.index - 6), m.index)),
  },
  {
    // Canadian postal codes: "K1A 0B1"
    kind: 'postal-code',
    // " 0B1": the second half after a space (looked for from its digit).
    quick: /\d(?<=\s\d)[ABCEGHJ-NPRSTV-Z]\d/,
    re: /(?<![A-Za-z0-9\u00C0-\u024F-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9\u00C0-\u024F])/g,
  },
  {
    // US ZIP codes after a state: "Boston, MA 02115", "Springfield, Illinois 62704"
    kind: 'postal-code',
    quick: /\d{5}/,
    re: /(?<=,\s*(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)\.?\s+)\d{5}(?:-\d{4})?(?!\d)/g,
  },
];

export const ALL: Pattern[] = [
  ...DATE_PATTERNS,
  ...AGE_PATTERNS,
  ...WEB_PATTERNS,
  // Identity numbers before record numbers: "national insurance number …" is not an insurance record.
  ...NUMBER_PATTERNS.filter((p) => p.kind === 'national-id'),
  ...NUMBER_PATTERNS.filter((p) => p.kind !== 'national-id'),
  ...PHONE_PATTERNS,
  ...ADDRESS_PATTERNS,
];

/*
 * The patterns' `needs` are searched in one pass over the text. A pattern with `needs` then runs
 * only on windows of text around where its strings were found: a long paragraph (a whole section,
 * in manuscripts whose paragraph breaks were lost) is not searched again and again for a keyword
 * it lacks.
 *
 * The pass is one regular expression, the alternation of every `needs` string, longest first:
 * at each position it takes the longest string that starts there (the first listed of equal
 * length), and the search goes on after it; V8 merges alternatives that share their first
 * characters, and runs the search in machine code. It replaced a
 * loop over character codes with tables of character pairs, which a short run (the CLI) runs in
 * V8's interpreter and baseline code, ~250 ns a character: the expression, its compile included,
 * took ~8 % fewer instructions of the CLI's whole run on the 300 KB bench manuscript. Each found
 * string's lists are worked out the first time it is found (listsOf). Warm, the loop was faster:
 * ~3.8 against ~5.8 ms per pass over the bench text (one process, alternating, a busy machine),
 * ~2–3 % of a warm full check without the incremental checker's memo; the language server looks
 * a paragraph's identifiers up by its text, so it searches only the paragraphs edited. A tree of
 * the strings as one expression ("St(?:reet|\.)", a string that another continues made a greedy
 * optional group) was no faster than the alternation.
 */
let needsRe: RegExp | undefined;
function needsPattern(): RegExp {
  if (!needsRe) {
    // Each string once, in pattern order; the sort is stable: strings of equal length keep it.
    const strings = [...new Set(ALL.flatMap((p) => p.needs ?? []))].sort((x, y) => y.length - x.length);
    for (const n of strings) if (n.length < 2) throw new Error(`identifier patterns: "${n}" must be two characters or more`);
    needsRe = new RegExp(strings.map((n) => n.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|'), 'g');
  }
  return needsRe;
}

/**
 * The lists a found `needs` string stands for: every list with a string inside it (the search
 * takes the longest string at a position, "ID " for "ID", and a string may hold another
 * list's, "nsurance").
 */
const listsByString = new Map<string, (readonly string[])[]>();
function listsOf(found: string): (readonly string[])[] {
  let lists = listsByString.get(found);
  if (!lists) {
    lists = [];
    for (const p of ALL) if (p.needs && !lists.includes(p.needs) && p.needs.some((x) => found.includes(x))) lists.push(p.needs);
    listsByString.set(found, lists);
  }
  return lists;
}

/** Where each pattern's `needs` strings are in a text: its list → the positions of its strings, in order. */
export function needsAt(text: string): Map<readonly string[], number[]> {
  const re = needsPattern();
  const at = new Map<readonly string[], number[]>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    for (const list of listsOf(m[0])) {
      const xs = at.get(list);
      if (xs) xs.push(m.index);
      else at.set(list, [m.index]);
    }
  }
  return at;
}

/** Is this character code white space, as `\s` in a regular expression? */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Windows [start, end) of `reach` characters around each position, widened to white space and merged. */
function windows(text: string, positions: number[], reach: number): [number, number][] {
  const out: [number, number][] = [];
  for (const p of positions) {
    let a = Math.max(0, p - reach);
    let b = Math.min(text.length, p + reach);
    while (a > 0 && !isSpace(text.charCodeAt(a - 1))) a--;
    while (b < text.length && !isSpace(text.charCodeAt(b))) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function run(pat: Pattern, text: string, offset: number, full: string, out: IdentifierMatch[]): void {
  if (pat.quick && !pat.quick.test(text)) return;
  pat.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pat.re.exec(text))) {
    if (m[0].length === 0) {
      pat.re.lastIndex++;
      continue;
    }
    const found: IdentifierMatch = { start: m.index, end: m.index + m[0].length, kind: pat.kind, text: m[0] };
    if (pat.keep && !pat.keep(text, m, found)) continue;
    if (pat.kind === 'age' && !keepAge(m, found)) continue;
    found.start += offset;
    found.end += offset;
    if (found.number) found.number = { start: found.number.start + offset, end: found.number.end + offset };
    if (pat.kind === 'date') {
      const role = dateRole(full, found.start);
      if (role) found.role = role;
    }
    out.push(found);
  }
}

/*
 * Every pattern without `needs` has a `quick` test, and most texts pass none of them (a
 * paragraph rarely holds a numeric date, a telephone number or a postcode). One regular
 * expression, the alternatives of all those tests, is tried first: when it fails, none of the
 * patterns could match, and a search of the text replaces fourteen.
 */
let anyQuickRe: RegExp | undefined;
function anyQuick(): RegExp {
  if (!anyQuickRe) {
    const quick = ALL.filter((p) => !p.needs).map((p) => {
      // The alternatives are joined as written: no flags, no back-references to renumber.
      if (!p.quick || p.quick.flags || /\\[1-9]/.test(p.quick.source.replace(/\\\\/g, ''))) throw new Error(`identifier patterns: a ${p.kind} pattern without needs must have a plain quick test`);
      return p.quick.source;
    });
    anyQuickRe = new RegExp(quick.map((q) => `(?:${q})`).join('|'));
  }
  return anyQuickRe;
}

/** Structured identifiers in a plain text, in order; overlapping matches keep the first-listed pattern's, then the longest. */
export function findStructured(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  let at: Map<readonly string[], number[]> | undefined;
  const shapes = anyQuick().test(text);
  for (const pat of ALL) {
    if (!pat.needs) {
      if (shapes) run(pat, text, 0, text, out);
      continue;
    }
    const positions = (at ??= needsAt(text)).get(pat.needs);
    if (!positions) continue;
    for (const [a, b] of windows(text, positions, pat.reach ?? 80)) {
      if (a === 0 && b === text.length) run(pat, text, 0, text, out);
      else run(pat, text.slice(a, b), a, text, out);
    }
  }
  return resolveOverlaps(out);
}

/** Keeps, of overlapping matches, the one found first (pattern order), unless another is longer and contains it. */
export function resolveOverlaps(matches: IdentifierMatch[]): IdentifierMatch[] {
  const kept: IdentifierMatch[] = [];
  for (const m of matches) {
    const clash = kept.findIndex((k) => m.start < k.end && k.start < m.end);
    if (clash < 0) kept.push(m);
    else {
      const k = kept[clash];
      // A longer match that contains the kept one wins ("2 June 2021" over "June 2021").
      if (m.start <= k.start && m.end >= k.end && m.end - m.start > k.end - k.start && m.kind === k.kind) kept[clash] = m;
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
