/**
 * Names of persons, institutions and places in plain text. Capitalisation alone says little in
 * a case report (drugs, eponyms, genes, organisms, scales and titles are capitalised too), so
 * each finding needs evidence of one of these kinds:
 *
 *  - a title: "Mr J.S.", "Dr Ellen Marsh", "Prof. Okafor";
 *  - a given name from the bundled list followed by a capitalised word: "Ellen Marsh";
 *  - context: "referred by …", "her daughter, Anna", "named …", "Anna, a 45-year-old",
 *    "resident of …", "lives in …", "was admitted to …", "…, Illinois";
 *  - the word of an institution ("Northgate General Hospital", "University of Ibadan") or of a
 *    street or district ("Elm Street", "Kern County") with a proper name in it;
 *  - a town from the bundled list after a preposition ("in Leeds", "from Ibadan").
 *
 * Countries, states, provinces and nationalities are never reported, nor are eponyms followed by
 * what they name ("Wilson disease", "Glasgow Coma Scale", "Bell palsy").
 */
import {
  isCommonWordName,
  isEponym,
  isEponymHead,
  isGenericInstitutionWord,
  isGivenName,
  isMedicalOrStopWord,
  isNationality,
  isPlaceName,
  isRegion,
  isSurname,
} from './lexicon';
import type { IdentifierMatch } from './types';

interface Tok {
  start: number;
  end: number;
  /** The word without a possessive or a trailing full stop. */
  word: string;
  /** A single capital with a full stop ("J.") or a run of them ("J.S."). */
  initials: boolean;
  allCaps: boolean;
  /** At the start of a sentence, a heading or a cell: capitalised whatever it is. */
  sentenceStart: boolean;
  possessive: boolean;
  /** Memos of `given(t)`, `surname(t)` and `isStop(t)`. */
  given?: boolean;
  surname?: boolean;
  stop?: boolean;
}

/*
 * Capitalised words of Latin script (what names in English manuscripts are written in). Written
 * without Unicode property classes: this scans every character of a manuscript, and explicit
 * ranges let the regular-expression engine skip ahead quickly. Lower-case letters of the
 * Latin Extended-A range that slip in are dropped after the match.
 */
const CAP_RE = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F][A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F'’‐-]*/g;
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Mme', 'Mlle', 'Herr', 'Frau', 'Sr', 'Sra', 'Señor', 'Señora', 'Doctor', 'Nurse', 'Sister', 'Master']);
const CLINICIAN_TITLES = new Set(['Dr', 'Prof', 'Professor', 'Doctor', 'Nurse', 'Sister']);
const PARTICLES = /^ (?:de|del|della|di|da|do|dos|das|du|la|le|van|von|der|den|ten|ter|bin|binti|ibn|al|el|es|y|zu|af|av) $/;

const INSTITUTION_HEADS = new Set([
  'Hospital', 'Hospitals', 'Infirmary', 'Clinic', 'Clinics', 'Klinik', 'Klinikum', 'Krankenhaus', 'Hôpital', 'Hopital', 'Ospedale',
  'Policlinico', 'Hospice', 'Sanatorium', 'Polyclinic', 'Institute', 'University', 'Universidad', 'Università', 'Universität',
  'Université', 'Universitario', 'Universitaria', 'Hospitalier', 'Hospitalario', 'Medical', 'Health', 'Healthcare', 'Infirmary',
  'Memorial', 'Trust', 'Dispensary', 'Maternity', 'College', 'Centre', 'Center', 'General', 'Children’s', "Children's",
]);
/** Heads that name an institution only together with another head or at the end ("Medical Center", "Northgate General"). */
const WEAK_HEADS = new Set(['Medical', 'Health', 'Centre', 'Center', 'College', 'Trust', 'Maternity', 'Memorial', "Children's", 'Children’s']);
const STREET_HEADS = new Set(['Street', 'Road', 'Avenue', 'Lane', 'Boulevard', 'Crescent', 'Terrace', 'Drive', 'Square']);
const DISTRICT_HEADS = new Set(['County', 'District', 'Borough', 'Parish', 'Township', 'Village', 'Municipality', 'Suburb']);

/*
 * Context is read from the words just before a capitalised word (lower case, nearest first), with
 * set look-ups rather than patterns: this runs for every capitalised word of a manuscript.
 */
const set = (s: string) => new Set(s.split(/\s*,\s*|\s{2,}|\n/).map((x) => x.trim()).filter(Boolean));
const STRONG_PLACE_BEFORE = set(`resident of, residents of, resides in, residing in, lives in, lived in, living in, native of, natives of,
  born in, grew up in, moved to, moved from, relocated to, relocated from, emigrated to, emigrated from, immigrated to,
  immigrated from, migrated to, migrated from, travelled to, traveled to, travelled from, traveled from, travelled through,
  traveled through, returned from, returned home from, trip to, holiday in, holidays in, vacation in, visit to, visiting,
  village of, town of, city of, district of, suburb of, outskirts of, works in, worked in, working in, farm in, farm near,
  farmer in, farmer from, school in, neighbourhood of, neighborhood of, hometown, hometown of, originally from, hails from,
  lived near, lives near, stayed in, staying in`);
const INSTITUTION_BEFORE = set(`admitted to, readmitted to, transferred to, transferred from, referred to, referred from, brought to,
  taken to, presented to, returned to, rushed to, discharged from, treated at, seen at, followed at, followed up at, managed at,
  operated at, operated on at, hospitalized at, hospitalised at, hospitalized in, hospitalised in, delivered at, attended,
  attends, evaluated at, assessed at, examined at, diagnosed at, born at, died at, work at, works at, worked at`);
const WEAK_PLACE_BEFORE = set('in, from, at, to, near, outside, around, of, between, and');
const CLINICIAN_VERBS = set(`seen, examined, referred, treated, operated, evaluated, assessed, reviewed, managed, followed, attended,
  consulted, supervised, performed, reported, interpreted, read, signed, diagnosed, admitted, visited, called, contacted, on`);
const NAMED_BEFORE = set('named, called, nicknamed, known as, name is, name was, initials, initials are, initials were');
const RELATIVES = set(`wife, husband, partner, spouse, son, daughter, mother, father, brother, sister, aunt, uncle, cousin, grandmother,
  grandfather, grandson, granddaughter, niece, nephew, friend, neighbour, neighbor, carer, caregiver, fiancé, fiancée, fiance,
  fiancee, girlfriend, boyfriend, child, twin, stepmother, stepfather, stepson, stepdaughter, mum, mom, dad, sibling, guardian,
  employer, colleague, teacher, roommate, flatmate, landlord, gp, doctor, physician, neurologist, surgeon, nurse, midwife,
  pharmacist, therapist, psychiatrist, psychologist, consultant, cardiologist, oncologist, paediatrician, pediatrician`);
const POSSESSORS = set("his, her, their, patient's, patient’s, child's, child’s, boy's, boy’s, girl's, girl’s, a, whose, my, our");

/** A letter (Latin script), a combining mark, an apostrophe or a hyphen. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 || c === 0x2019 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f);
}

/** The last word of every context phrase: a word before a capitalised word that is none of these starts no context. */
let lastWords: Set<string> | undefined;
function contextLastWords(): Set<string> {
  if (!lastWords) {
    lastWords = new Set(['by', 'the', ...RELATIVES, ...WEAK_PLACE_BEFORE]);
    for (const set of [STRONG_PLACE_BEFORE, INSTITUTION_BEFORE, NAMED_BEFORE]) for (const phrase of set) lastWords.add(phrase.slice(phrase.lastIndexOf(' ') + 1));
  }
  return lastWords;
}

/** The lower-cased word ending just before `at` (after spaces and at most one comma), or ''. */
function lastWordBefore(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 160 || text.charCodeAt(i) === 44 || text.charCodeAt(i) === 58)) i--;
  let j = i;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  return j === i ? '' : text.slice(j + 1, i + 1).toLowerCase();
}

/** Up to four lower-cased words before `at` in the same sentence, nearest first; a comma is a word ",". */
function wordsBefore(text: string, at: number): string[] {
  const out: string[] = [];
  let i = at - 1;
  while (out.length < 4 && i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 160 || c === 10 || c === 13) {
      if (c === 10 && out.length === 0 && i > 0 && text.charCodeAt(i - 1) === 10) break;
      i--;
      continue;
    }
    if (c === 44 /* , */ || c === 58 /* : */) {
      out.push(',');
      i--;
      continue;
    }
    let j = i;
    while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
    if (j === i) break; // punctuation ends the context
    out.push(text.slice(j + 1, i + 1).toLowerCase());
    i = j;
  }
  return out;
}

interface Context {
  strongPlace: boolean;
  weakPlace: boolean;
  institution: boolean;
  clinician: boolean;
  named: boolean;
  relative: boolean;
}

const NO_CONTEXT: Context = { strongPlace: false, weakPlace: false, institution: false, clinician: false, named: false, relative: false };

function contextOf(text: string, at: number): Context {
  if (!contextLastWords().has(lastWordBefore(text, at))) return NO_CONTEXT;
  let w = wordsBefore(text, at);
  const comma = w[0] === ',';
  const nc = w.filter((x) => x !== ',');
  const [w0 = '', w1 = '', w2 = '', w3 = ''] = nc[0] === 'the' ? nc.slice(1) : nc;
  const two = `${w1} ${w0}`;
  const three = `${w2} ${w1} ${w0}`;
  const four = `${w3} ${w2} ${w1} ${w0}`;
  const inSet = (s: Set<string>) => s.has(w0) || s.has(two) || s.has(three) || s.has(four);
  w = nc;
  return {
    strongPlace: !comma && inSet(STRONG_PLACE_BEFORE),
    weakPlace: !comma && nc[0] !== 'the' && WEAK_PLACE_BEFORE.has(w0),
    institution: !comma && inSet(INSTITUTION_BEFORE),
    clinician: !comma && w0 === 'by' && (CLINICIAN_VERBS.has(w1) || w1 === 'up' || w1 === 'on'),
    named: NAMED_BEFORE.has(nc[0] ?? '') || NAMED_BEFORE.has(`${nc[1]} ${nc[0]}`),
    relative: RELATIVES.has(nc[0] ?? '') && (POSSESSORS.has(nc[1] ?? '') || POSSESSORS.has(nc[2] ?? '')),
  };
}

/** "BioC", "iPhone", "GeneXpert": brands and tools, not names ("McDonald", "MacLeod", "DeShawn" are names). */
const CAMEL = /^(?!Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von|D['’]|St)[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+[A-Z\u00C0-\u00DE]/;
/** The words of company names: "(Terumo Corporation, Japan)". */
const COMPANY = /^(?:Corporation|Corp|Inc|Ltd|Limited|GmbH|AG|SA|SpA|Co|Company|Pharmaceuticals?|Pharma|Laboratories|Labs|Scientific|Technologies|Biosciences|Diagnostics|Instruments|Industries|Group|Holdings)$/;
/** "type Ib", "grade Ia": a label, not a name. */
const LABEL_BEFORE = /\b(?:type|types|grade|stage|class|group|phase|level|subtype|factor|lead|segment|zone|area|variant|form|pattern)\s+$/i;
/** State-level names: "Guangxi Province", "Lagos State". */
const STATE_LEVEL = /^(?:Province|State|Region|Prefecture|Governorate|Oblast|Canton|Territory|Emirate)$/;
/** What stands between the "(" and a word in a manufacturer's note: "Bio-Rad, ", "Terumo Corporation, ". */
const MANUFACTURER_NOTE = /^[^,()]*[\p{L}\d®™][^,()]*,\s*(?:[^,()]+,\s*)*$/u;
/** Company and city in a manufacturer's parenthesis: "(Bio-Rad, Hercules, USA)", "(Terumo Corporation, Japan)". */
function inManufacturerNote(text: string, start: number): boolean {
  // The nearest "(" at most 80 characters back, with no ")" after it (a backward scan that stops
  // there, not a search of the whole paragraph for every candidate).
  let open = -1;
  for (let k = start; k >= 0 && start - k <= 80; k--) {
    const c = text.charCodeAt(k);
    if (c === 40) {
      open = k;
      break;
    }
    if (c === 41) return false;
  }
  if (open < 0) return false;
  const inner = text.slice(open + 1, start);
  return MANUFACTURER_NOTE.test(inner) && inner.trim().length > 0;
}
const AGE_AFTER = /^,?\s*(?:a|an|the|who|aged|age|\(|is|was)\s*(?:\d{1,3}[\s‐-]*(?:years?|yrs?|months?|weeks?|days?)[\s‐-]*old|\d{1,3}\s*(?:years?|y)|\d{1,3}\)|a\s+\d)/;
const VERB_AFTER =
  /^(?:['’]s\s+\p{Ll}|\s+(?:was|is|had|has|presented|reported|said|says|told|complained|underwent|developed|received|felt|noticed|lives|lived|returned|attended|described|denied|recalled|remembered|wrote|asked|agreed|consented|died|recovered|improved|remains|remained|became|began|started|stopped|took|came|went|visited|works|worked|cried|smiled|walked|enjoys|enjoyed|wants|wanted|hopes|hoped)\b)/u;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  CAP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAP_RE.exec(text))) {
    const start = m.index;
    if (start > 0 && isWordChar(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 45 && text.charCodeAt(start - 1) !== 39) continue;
    const c0 = text.charCodeAt(start);
    // Upper case: A-Z, À-Þ, and the even code points of Latin Extended-A (Ā, Ć, Ł is odd: ŁA are the exceptions).
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && c0 <= 0xde && c0 !== 0xd7) || (c0 >= 0x100 && c0 <= 0x17f && (c0 & 1) === (c0 >= 0x139 && c0 <= 0x148 ? 1 : c0 >= 0x179 ? 1 : 0)))) continue;
    let raw = m[0];
    // Trailing apostrophes and hyphens belong to the text around the word.
    for (let c = raw.charCodeAt(raw.length - 1); raw.length > 1 && (c === 45 || c === 0x2010 || ((c === 39 || c === 0x2019) && raw.charCodeAt(raw.length - 2) !== 115)); c = raw.charCodeAt(raw.length - 1)) raw = raw.slice(0, -1);
    let end = start + raw.length;
    // Initials: "J.", "J.S.", "M.R.T."
    let initials = false;
    if (raw.length === 1 && text.charCodeAt(end) === 46) {
      const r = /^(?:\.[A-Z])*\./.exec(text.slice(end, end + 12))!;
      end += r[0].length;
      raw = text.slice(start, end);
      initials = true;
      CAP_RE.lastIndex = end;
    }
    let possessive = false;
    let word = raw;
    if (!initials) {
      const last = word.charCodeAt(word.length - 1);
      if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) {
        word = word.slice(0, -2);
        possessive = true;
      } else if (last === 39 || last === 0x2019) {
        word = word.slice(0, -1);
        possessive = true;
      }
    }
    toks.push({
      start,
      end,
      word,
      initials,
      allCaps: !initials && word.length > 1 && !hasLowerCase(word),
      sentenceStart: isSentenceStart(text, start),
      possessive,
    });
  }
  return toks;
}

/** Does a word hold a lower-case letter of ASCII or Latin-1 (a-z, ß-ÿ)? */
function hasLowerCase(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff)) return true;
  }
  return false;
}

/** What may stand between a sentence's end and its first word: spaces, quotes, brackets, emphasis, list marks. */
const OPENERS = new Set([...' \t\r\u00a0"“‘\'([*_>#-'].map((c) => c.charCodeAt(0)));
function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENERS.has(text.charCodeAt(i))) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  // A line break, . ! ? : ; | •
  if (c === 10 || c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 124 || c === 0x2022) return true;
  // "1)" list numbers (a full stop was taken above).
  if (c !== 41 || i === 0) return false;
  const d = text.charCodeAt(i - 1);
  return d >= 48 && d <= 57;
}

/** Is the text between two tokens one space (the two words belong to one name)? */
const joined = (text: string, a: Tok, b: Tok) => {
  const len = b.start - a.end;
  if (len === 1) {
    const c = text.charCodeAt(a.end);
    return c === 32 || c === 0xa0;
  }
  if (len <= 0) return a.initials;
  // " de ", " van ", " binti ": a particle is one to five letters between two spaces.
  return len >= 3 && len <= 7 && PARTICLES.test(text.slice(a.end, b.start));
};

const isStop = (t: Tok) => (t.stop ??= isMedicalOrStopWord().has(t.word) || isNationality().has(t.word));
const isName = (w: string) => isGivenName().has(w) || isSurname().has(w);
const firstPart = (w: string) => w.split(/[-‐]/)[0];
const given = (t: Tok) => (t.given ??= !t.allCaps && !t.initials && (isGivenName().has(t.word) || (t.word.includes('-') && isGivenName().has(firstPart(t.word)))));
const surname = (t: Tok) =>
  (t.surname ??= !t.allCaps && !t.initials && (isSurname().has(t.word) || (/[-‐]/.test(t.word) && t.word.split(/[-‐]/).every((p) => isSurname().has(p)))));
const ambiguous = (t: Tok) => isCommonWordName().has(t.word);
/** What follows a name makes it an eponym or a term: "Wilson disease", "Parkinson's disease", "Glasgow Coma Scale". */
function eponymAfter(text: string, t: Tok): boolean {
  const m = EPONYM_NEXT.exec(text.slice(t.end, t.end + 30));
  return !!m && isEponymHead().has(m[1]);
}
/** The word after a name (after a possessive): "'s disease", " Coma Scale". */
const EPONYM_NEXT = /^(?:['’]s)?[\s\u00a0]+([A-Za-z]+)/;

/** A name cited as an author: "Smith et al.", "Smith and Jones [4]", "Smith (2019)". */
const CITATION_AFTER = /^(?:,?\s*et\.?\s+al\b|\s+and\s+(?:colleagues|co-?workers|coworkers)|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+\s*(?:et\s+al|\(|\[|,?\s*(?:19|20)\d\d)|\s*\((?:19|20)\d\d|,?\s+(?:19|20)\d\d\b|\s*\[\d|\s*\^\[?\d|\s*[¹²³⁴⁵⁶⁷⁸⁹⁰])/u;
function citationAfter(text: string, t: Tok): boolean {
  return CITATION_AFTER.test(text.slice(t.end, t.end + 40));
}

/** The tokens of a name starting at i: capitalised words joined by single spaces, initials and particles. */
function nameRun(text: string, toks: Tok[], i: number, max = 4): number {
  let j = i;
  while (j + 1 < toks.length && j - i + 1 < max && !toks[j].possessive && joined(text, toks[j], toks[j + 1])) {
    const n = toks[j + 1];
    if ((isStop(n) && !surname(n)) || n.allCaps || STREET_HEADS.has(n.word) || INSTITUTION_HEADS.has(n.word) || DISTRICT_HEADS.has(n.word)) break;
    j++;
  }
  return j;
}


const ANY_CAPITAL = /\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
/** "Anna's mother": a possessive name followed by a lower-case word. */
const LOWER_WORD_AFTER = /^\s+\p{Ll}/u;

/** Persons, institutions and places found in a plain text. */
export function findNames(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  if (!ANY_CAPITAL.test(text)) return out;
  const toks = tokenize(text);
  if (!toks.length) return out;
  const used = new Uint8Array(toks.length);
  const emit = (i: number, j: number, kind: IdentifierMatch['kind'], role?: IdentifierMatch['role'], from?: number) => {
    for (let k = i; k <= j; k++) used[k] = 1;
    const start = from ?? toks[i].start;
    const end = toks[j].end;
    out.push({ start, end, kind, text: text.slice(start, end), ...(role ? { role } : {}) });
  };

  // 1. Institutions: a run of capitalised words with an institution word and a proper name in it.
  for (let i = 0; i < toks.length; i++) {
    const head = toks[i].word;
    if (!INSTITUTION_HEADS.has(head) || used[i]) continue;
    const span = institutionSpan(text, toks, i);
    if (!span) continue;
    emit(span[0], span[1], 'institution');
    i = span[1];
  }

  // 2. Streets and districts without a house number: "Elm Street", "Kern County".
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    if (used[i] || !(STREET_HEADS.has(t.word) || DISTRICT_HEADS.has(t.word)) || t.sentenceStart) continue;
    let k = i - 1;
    if (!joined(text, toks[k], t) || used[k]) continue;
    while (k - 1 >= 0 && !used[k - 1] && joined(text, toks[k - 1], toks[k]) && !isStop(toks[k - 1]) && i - k < 3) k--;
    while (k < i && isStop(toks[k])) k++;
    if (k === i || toks[k].allCaps) continue;
    if (DISTRICT_HEADS.has(t.word) && isRegion().has(text.slice(toks[k].start, toks[i - 1].end))) continue;
    emit(k, i, 'place', STREET_HEADS.has(t.word) ? 'street' : undefined);
  }

  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const t = toks[i];

    // 3. A title and what follows: "Mr J.S.", "Dr Ellen Marsh", "Prof. Okafor".
    if (TITLES.has(t.word) && i + 1 < toks.length && !t.possessive) {
      const n = toks[i + 1];
      const gap = text.slice(t.end, n.start);
      if (/^\.?[ \u00a0]$/.test(gap) || gap === '.') {
        if (n.initials || (n.allCaps && n.word.length <= 3 && ALL_CAPITALS.test(n.word))) {
          let j = i + 1;
          if (j + 1 < toks.length && joined(text, toks[j], toks[j + 1]) && !isStop(toks[j + 1]) && !toks[j + 1].allCaps) j = nameRun(text, toks, j + 1);
          emit(i, j, 'person', j === i + 1 ? 'initials' : CLINICIAN_TITLES.has(t.word) ? 'clinician' : undefined);
          i = j;
          continue;
        }
        const weakTitle = t.word === 'Sister' || t.word === 'Nurse' || t.word === 'Master' || t.word === 'Doctor';
        if ((!isStop(n) || surname(n)) && !n.allCaps && !isRegion().has(n.word) && (!weakTitle || isName(n.word))) {
          const j = nameRun(text, toks, i + 1, 4);
          if (!eponymAfter(text, toks[j]) && !INSTITUTION_HEADS.has(toks[j].word)) {
            emit(i, j, 'person', CLINICIAN_TITLES.has(t.word) ? 'clinician' : undefined);
            i = j;
            continue;
          }
        }
      }
    }

    // 4. Initials after a word for the patient: "patient J.S.", "J.S., a 45-year-old".
    if (t.initials && t.word.length >= 4) {
      const b = text.slice(Math.max(0, t.start - 30), t.start).toLowerCase();
      if (/\b(?:patient|case|subject|baby|infant|child|boy|girl|man|woman|mother|father|son|daughter|initials|named|called)\s*[:,]?\s*$/.test(b) || AGE_AFTER.test(text.slice(t.end, t.end + 60))) {
        emit(i, i, 'person', 'initials');
        continue;
      }
    }

    if (t.allCaps || t.initials || isStop(t) || CAMEL.test(t.word)) continue;

    // 5. Context that says a person follows: relatives, "referred by", "named".
    const ctx = t.sentenceStart ? NO_CONTEXT : contextOf(text, t.start);
    const { relative, clinician, named } = ctx;
    if ((relative || clinician || named) && !isRegion().has(t.word) && (!isPlaceName().has(t.word) || given(t))) {
      const j = nameRun(text, toks, i);
      const last = toks[j];
      // After "by" (drugs and stains are "followed by" too) the name must be one the lists know.
      const listed = isName(t.word) || isName(last.word);
      const nameLike = clinician
        ? listed && !isEponym().has(t.word) && !isEponym().has(last.word)
        : listed || /^\s*(?:,|\(|\)|and\b|who\b|was\b|is\b|had\b|has\b)/.test(text.slice(last.end, last.end + 60)) || j > i;
      if (nameLike && !eponymAfter(text, last) && !citationAfter(text, last) && !INSTITUTION_HEADS.has(t.word)) {
        emit(i, j, 'person', clinician ? 'clinician' : relative ? 'relative' : undefined);
        i = j;
        continue;
      }
    }

    // 6. A given name and a capitalised word: "Ellen Marsh", "Anna K. Lindqvist".
    if (given(t) && i + 1 < toks.length && joined(text, t, toks[i + 1]) && !t.possessive) {
      const j = nameRun(text, toks, i);
      if (j > i) {
        const rest = toks.slice(i + 1, j + 1);
        const lastTok = toks[j];
        const restNamed = rest.some((r) => !r.initials && (surname(r) || given(r)));
        const restProper = rest.every((r) => r.initials || (!isStop(r) && !isRegion().has(r.word) && !isPlaceName().has(r.word)) || surname(r));
        const bothEponyms = rest.every((r) => isEponym().has(r.word)) || (t.word.includes('-') && ambiguous({ ...t, word: firstPart(t.word) }));
        const ok =
          restProper &&
          !bothEponyms &&
          !eponymAfter(text, lastTok) &&
          !citationAfter(text, lastTok) &&
          (!ambiguous(t) || (restNamed && !rest.every((r) => ambiguous(r))));
        if (ok) {
          emit(i, j, 'person');
          i = j;
          continue;
        }
      }
    }

    // 6b. Any capitalised word and a surname from the list, with an age or a verb after: "Mei Fitzgerald is a 45-year-old".
    if (i + 1 < toks.length && joined(text, t, toks[i + 1]) && !t.possessive && surname(toks[i + 1]) && !ambiguous(toks[i + 1]) && !isStop(toks[i + 1])) {
      const n = toks[i + 1];
      const after = text.slice(n.end, n.end + 60);
      if (!isPlaceName().has(t.word) && !isRegion().has(t.word) && !isEponym().has(t.word) && !isEponym().has(n.word) && (AGE_AFTER.test(after) || VERB_AFTER.test(after)) && !citationAfter(text, n)) {
        emit(i, i + 1, 'person');
        i++;
        continue;
      }
    }

    // 7. A given name alone, as the subject of a sentence or with an age: "Ellen presented…", "Anna, a 45-year-old".
    if (given(t) && t.word.length >= 3 && !ambiguous(t) && !isEponym().has(t.word) && !isPlaceName().has(t.word) && !isRegion().has(t.word) && !LABEL_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) {
      const after = text.slice(t.end, t.end + 60);
      if (((t.possessive ? LOWER_WORD_AFTER.test(after) && !eponymAfter(text, t) : VERB_AFTER.test(after)) || AGE_AFTER.test(after)) && !citationAfter(text, t)) {
        emit(i, i, 'person');
        continue;
      }
    }

    // 8. A name before an age: "Marsh, a 45-year-old".
    if (!t.sentenceStart && isName(t.word) && !isPlaceName().has(t.word) && !isRegion().has(t.word) && AGE_AFTER.test(text.slice(t.end, t.end + 60))) {
      emit(i, i, 'person');
      continue;
    }

    // 9. Places: after a strong trigger any capitalised name; after a preposition a town from the list.
    const place = placeAt(text, toks, i, ctx);
    if (place) {
      emit(i, place.j, place.kind);
      i = place.j;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Is a token followed by ", <state or country>" ("Springfield, Illinois", "Ibadan, Nigeria", "Austin, TX")? */
function commaRegion(text: string, tok: Tok): boolean {
  const m = COMMA_REGION.exec(text.slice(tok.end, tok.end + 60));
  if (!m) return false;
  const words = m[1].split(/\s+/);
  for (let n = words.length; n >= 1; n--) if (isRegion().has(words.slice(0, n).join(' '))) return true;
  return US_STATE_CODE.test(words[0]);
}
const COMMA_REGION = /^,\s*((?:[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u0300-\u036F.'’-]*)(?:\s+[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u0300-\u036F.'’-]*){0,2})/;
const US_STATE_CODE = /^(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])$/;

/** Tokens i..j spell a country, state or province (or a town the lists know). */
const phraseOf = (text: string, toks: Tok[], i: number, j: number) => text.slice(toks[i].start, toks[j].end);

function placeAt(text: string, toks: Tok[], i: number, ctx: Context): { j: number; kind: IdentifierMatch['kind'] } | undefined {
  const t = toks[i];
  if (!ctx.strongPlace && !ctx.weakPlace && !ctx.institution) {
    // Without a word before it, a place needs ", <state or country>" right after it.
    let k = i;
    while (k < toks.length && k - i < 4 && text[toks[k].end] !== ',' && k + 1 < toks.length && joined(text, toks[k], toks[k + 1])) k++;
    if (k >= toks.length || text[toks[k].end] !== ',') return undefined;
  }
  if (inManufacturerNote(text, t.start) || CAMEL.test(t.word) || COMPANY.test(t.word)) return undefined;
  // A place starts at the start of a run of capitalised words ("Terumo Corporation, Japan" is one run).
  if (i > 0 && joined(text, toks[i - 1], t)) return undefined;
  if (isNationality().has(t.word)) return undefined;
  // The longest run that is a known town, or any run after a strong trigger.
  let j = i;
  while (j + 1 < toks.length && j - i < 3 && joined(text, toks[j], toks[j + 1]) && !toks[j].possessive && !toks[j + 1].allCaps) j++;

  const strong = ctx.strongPlace;
  const institutionTrigger = ctx.institution;
  const weak = ctx.weakPlace || institutionTrigger;

  for (let k = j; k >= i; k--) {
    const phrase = phraseOf(text, toks, i, k);
    if (isRegion().has(phrase) || isNationality().has(phrase)) return undefined;
    if (STATE_LEVEL.test(toks[k].word)) return undefined;
    const known = isPlaceName().has(phrase);
    let stop = false;
    for (let n = i; n <= k && !stop; n++) stop = isStop(toks[n]);
    if (stop && !known) continue;
    // "Glasgow Coma Scale", "Bristol stool chart", "Lyme disease", "Philadelphia chromosome".
    if (eponymAfter(text, toks[k])) return undefined;
    if (k + 1 < toks.length && joined(text, toks[k], toks[k + 1]) && isStop(toks[k + 1])) return undefined;
    if (strong) return { j: k, kind: 'place' };
    if (known && weak) return { j: k, kind: 'place' };
    // "(Sousse, Tunisia)" names a town; "(Terumo Corporation, Japan)" a maker: at a parenthesis only towns the list knows.
    if (text.charCodeAt(toks[k].end) === 44 && commaRegion(text, toks[k])) {
      const afterParen = text[toks[i].start - 1] === '(';
      if ((known || (!t.sentenceStart && !afterParen)) && !isName(phrase)) return { j: k, kind: 'place' };
    }
    if (institutionTrigger && !isName(t.word) && !t.sentenceStart && !isEponym().has(t.word) && properInstitutionWord(toks[k]) && !PART_AFTER.test(text.slice(toks[k].end, toks[k].end + 30))) return { j: k, kind: 'institution' };
  }
  return undefined;
}

/** What follows a department's name: "the Labour ward", "the Accident and Emergency department". */
const PART_AFTER = /^(?:\s+(?:and|of|&)\s|\s+(?:ward|wards|floor|department|unit|team|clinic|service|services|theatre|theater|room|bay|suite|section|division|staff|doctors?|nurses?|physicians?|specialists?)\b)/;
/** Medical words by their ending ("Uveitis Clinic", "Clinic of Dermatovenerology", "the Gynaecologists"). */
const MEDICAL_ENDING = /(?:itis|osis|oses|ology|ologic|ological|ologists?|ologies|iatry|iatric|iatrics|ics|ism|emia|aemia|oma|omas|pathy|pathies|plasty|scopy|therapy|ians|ists|eons|gery)$/;
function properInstitutionWord(t: Tok): boolean {
  return !t.initials && !isGenericInstitutionWord().has(t.word) && !isNationality().has(t.word) && !INSTITUTION_HEADS.has(t.word) && !STREET_HEADS.has(t.word) && !MEDICAL_ENDING.test(t.word);
}

/**
 * The tokens of an institution's name around the head word at h ("St Mary's Hospital",
 * "Hospital Universitario La Paz", "University of Ibadan Teaching Hospital", "Northgate General"),
 * or undefined when every word in it is generic ("the University Hospital", "Regional Medical Centre").
 */
function institutionSpan(text: string, toks: Tok[], h: number): [number, number] | undefined {
  const CONNECT = /^ (?:of|for|de|del|della|di|da|do|la|le|of the|for the|für|y|e) $/;
  let s = h;
  while (s - 1 >= 0 && joined(text, toks[s - 1], toks[s]) && !/^(?:The|A|An|Our|This|That|Their|His|Her|In|At|To|From)$/.test(toks[s - 1].word) && h - s < 5) {
    // A possessive only just before the head ("St Mary's Hospital").
    if (toks[s - 1].possessive && s !== h) break;
    s--;
  }
  let e = h;
  while (e + 1 < toks.length && !toks[e].possessive && e - h < 6) {
    const gap = text.slice(toks[e].end, toks[e + 1].start);
    const n = toks[e + 1];
    if (joined(text, toks[e], n)) e++;
    else if (/^ (?:and|&) $/.test(gap) && (INSTITUTION_HEADS.has(n.word) || isGenericInstitutionWord().has(n.word))) e++;
    else if (CONNECT.test(gap)) e++;
    else break;
  }
  // Trim what follows the name: "Northgate Hospital Surgical (outpatient…)", "… Sciences Iran".
  let lastHead = h;
  for (let k = h; k <= e; k++) if (INSTITUTION_HEADS.has(toks[k].word) && !WEAK_HEADS.has(toks[k].word)) lastHead = k;
  // After "of" the words are the name's own ("University of Medical Sciences"); after a space they may be the sentence's.
  const ownTail = lastHead < e && CONNECT.test(text.slice(toks[lastHead].end, toks[lastHead + 1].start));
  while (e > lastHead && (isNationality().has(toks[e].word) || isRegion().has(toks[e].word) || (!ownTail && (isGenericInstitutionWord().has(toks[e].word) || MEDICAL_ENDING.test(toks[e].word))))) e--;
  while (s < h && /^(?:The|A|An)$/.test(toks[s].word)) s++;
  const words = toks.slice(s, e + 1);
  // "St Mary's", "Saint Luke's": the saint is the proper name; "the University Hospital" has none.
  const proper = words.filter(properInstitutionWord);
  if (!proper.length) return undefined;
  const heads = words.filter((w) => INSTITUTION_HEADS.has(w.word));
  if (heads.every((w) => WEAK_HEADS.has(w.word) || w.word === 'General')) {
    // "Medical", "Health", "General" alone: only "Northgate General", "X Medical Center", "X Health System".
    const last = toks[e];
    const strongPair = heads.some((w) => w.word === 'Medical' || w.word === 'Health') && words.some((w) => ['Center', 'Centre', 'Centers', 'Centres', 'College', 'School', 'System', 'Services', 'Service', 'Trust', 'Campus', 'Group', 'Network', 'Partners', 'Foundation', 'Board'].includes(w.word));
    const generalAtEnd = last.word === 'General' && e > s && !isStop(toks[e - 1]);
    const childrens = heads.some((w) => /^Children/.test(w.word)) && e > h;
    const centre = heads.some((w) => w.word === 'Centre' || w.word === 'Center') && words.some((w) => /^(?:Cancer|Heart|Eye|Trauma|Burns?|Spinal|Neuroscience|Rehabilitation|Epilepsy|Stroke|Medical)$/.test(w.word));
    const memorial = heads.some((w) => w.word === 'Memorial') && words.length > 1;
    const trust = heads.some((w) => w.word === 'Trust') && words.some((w) => w.word === 'NHS' || w.word === 'Foundation' || w.word === 'Health');
    if (!(strongPair || generalAtEnd || childrens || centre || memorial || trust)) return undefined;
  }
  return [s, e];
}
