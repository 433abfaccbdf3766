/**
 * Planted-identifier evaluation of the patient-identifier rule (part of `npm run eval`).
 *
 * Reads the published case narratives in ../shared/corpus/narratives/e3c-en-1000.jsonl (CC BY,
 * de-identified as published) from that path, never copying them. A seeded generator writes
 * sentences a resident might write from the chart ("She was admitted on 2 June 2021.",
 * "Her daughter, Anna, …") into the narratives between their sentences, keeps the span of each
 * planted identifier, and scores recall per kind: a planted identifier counts as found when a
 * patient-identifier finding overlaps it (a finding of another kind is counted, and shown apart).
 * The same narratives unmodified are the control: every finding there is listed (--verbose) and
 * counted; real places and hospitals in published texts are identifiers too.
 *
 * Two sets, fixed before any result was seen:
 *  - tuning: narratives 0-499, seed 1, templates and values of set A (the rule may be tuned on it);
 *  - held out: narratives 500-999, seed 2, other templates and other values (set B), never tuned on.
 *
 *   npm run eval                       (both sets)
 *   npx tsx bench/identifiers-eval.ts [--set tuning|held-out] [--verbose] [--narratives FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check, getRule, type Finding } from '../server/src/checker';
import { seededRandom as rng } from './random';

type Kind =
  | 'date' | 'age' | 'phone' | 'email' | 'url' | 'ip-address' | 'record-number' | 'national-id' | 'serial-number'
  | 'postal-code' | 'street-address' | 'person' | 'institution' | 'place';
const STRUCTURED: Kind[] = ['date', 'age', 'phone', 'email', 'url', 'ip-address', 'record-number', 'national-id', 'serial-number', 'postal-code', 'street-address'];
const NAMES: Kind[] = ['person', 'institution', 'place'];
const TARGETS = { structured: 0.98, names: 0.9, controlPer10: 1 };
/**
 * The held-out set scored the first time, before anything was changed after seeing it (the rule
 * as of the commit that added this evaluation). Later runs print the same set again; the rule was not tuned on its misses:
 * "Thornfield Health System", towns of two words not in the list ("Little Dunham"), given names
 * missing from the lists (Dmitri, Colm, Bongani, Ngozi). Ages written "94 y/o" were missed then
 * because of a pre-test that a later speed-up removed.
 */
const HELD_OUT_FIRST = { structured: 0.993, names: 0.902, controlPer10: 1.3 };

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** Four hexadecimal digits, lower case. */
const hex4 = (r: Rand) => int(r, 0, 0xffff).toString(16).padStart(4, '0');
const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

// ---------------------------------------------------------------------------------------------
// Values and templates. A template is a sentence with slots {kind}; a slot's value is planted
// and scored. {given}/{surname} are plain words used to build names, not scored on their own.
// ---------------------------------------------------------------------------------------------
interface ValueSet {
  given: string[];
  surnames: string[];
  institutions: string[];
  towns: string[];
  streets: string[];
  date: (r: Rand) => string;
  age: (r: Rand) => string;
  phone: (r: Rand) => string;
  email: (r: Rand, given: string, surname: string) => string;
  url: (r: Rand) => string;
  ip: (r: Rand) => string;
  record: (r: Rand) => string;
  nationalId: (r: Rand) => string;
  serial: (r: Rand) => string;
  postal: (r: Rand) => string;
}

const SET_A: ValueSet = {
  given: ['Ellen', 'Marcus', 'Priya', 'Tomasz', 'Aisha', 'Henrik', 'Sofia', 'Daniel', 'Mei', 'Oluwaseun', 'James', 'Fatima', 'Lukas', 'Chloe', 'Rafael', 'Ingrid', 'Samuel', 'Leila'],
  surnames: ['Marsh', 'Brennick', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Kowalski', 'Nakamura', 'Fitzgerald', 'Osei', 'Varga', 'Castillo', 'Abernathy', 'Whitcombe', 'Ferreira', 'Dunmore', 'Patel', 'Schofield'],
  institutions: ['Northgate General Hospital', "St Aldhelm's Hospital", 'Fenwick Royal Infirmary', 'Kestrel Park Medical Center', "Mayfield Children's Hospital", 'Harrowgate University Hospital', 'Brookside Memorial Hospital', 'Clinica San Rafael', 'Riverside Neurology Clinic', 'Westbury Community Hospital'],
  towns: ['Leeds', 'Ibadan', 'Porto', 'Graz', 'Tampere', 'Mombasa', 'Bramleigh', 'Ashcombe', 'Wexford', 'Brno', 'Pune', 'Halifax', 'Dundee', 'Kumasi'],
  streets: ['14 Orchard Lane', '221 Kingsley Road', '7 Birch Avenue', '48 Harlow Street', '3 Millbank Close', '90 Station Road', '12 Elm Grove'],
  date: (r) => {
    const d = int(r, 1, 28), m = int(r, 1, 12), y = int(r, 1995, 2023);
    return pick(r, [
      `${d} ${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]} ${ordinal(d)}`, `${pad(d)}/${pad(m)}/${y}`, `${y}-${pad(m)}-${pad(d)}`, `${d}.${m}.${y}`,
      `${MONTHS[m - 1]} ${d}, ${y}`, `${MONTHS[m - 1]} ${y}`, `${ordinal(d)} ${MONTHS[m - 1]}`,
    ]);
  },
  age: (r) => {
    const n = int(r, 90, 104);
    return pick(r, [`${n}-year-old`, `${n} years old`, `aged ${n}`, `${n} year old`]);
  },
  phone: (r) => pick(r, [
    `+44 20 7946 ${int(r, 1000, 9999)}`, `(617) 555-${int(r, 1000, 9999)}`, `0161 496 ${int(r, 1000, 9999)}`, `07700 900${int(r, 100, 999)}`,
    `+1 415 555 ${int(r, 1000, 9999)}`, `617-555-${int(r, 1000, 9999)}`,
  ]),
  email: (r, g, s) => pick(r, [`${g.toLowerCase()}.${s.toLowerCase()}@example.org`, `${g[0].toLowerCase()}${s.toLowerCase()}${int(r, 1, 99)}@mail.example.com`]),
  url: (r) => pick(r, ['www.ellens-recovery-blog.example.com', `https://photos.example.net/u/${int(r, 1000, 9999)}`, 'http://www.fightingals-together.example.org/story']),
  // One in three an IPv6 address (documentation prefix 2001:db8::/32), compressed or not.
  ip: (r) =>
    int(r, 0, 2) === 0
      ? int(r, 0, 1)
        ? `2001:db8:${hex4(r)}:${hex4(r)}::${hex4(r)}`
        : `2001:db8:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}:${hex4(r)}`
      : `${int(r, 10, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`,
  record: (r) => pick(r, [
    `MRN ${int(r, 1000000, 9999999)}`, `hospital number ${int(r, 10, 99)}-${int(r, 1000, 9999)}`, `patient no. K${int(r, 100000, 999999)}`,
    `record ${int(r, 10, 99)}-${int(r, 1000, 9999)}`, `insurance ID ${int(r, 1000, 9999)}-${int(r, 1000, 9999)}-${int(r, 10, 99)}`, `account number ${int(r, 10000, 99999)}-${int(r, 1, 9)}`,
  ]),
  nationalId: (r) => pick(r, [`SSN ${int(r, 100, 899)}-${int(r, 10, 99)}-${int(r, 1000, 9999)}`, `national insurance number QQ ${int(r, 10, 99)} ${int(r, 10, 99)} ${int(r, 10, 99)} C`, `passport number ${int(r, 100000000, 999999999)}`]),
  serial: (r) => pick(r, [`device serial SN-${int(r, 1000, 9999)}-X`, `serial no. ${int(r, 1000, 9999)}-${int(r, 100, 999)}`, `driver's licence number D${int(r, 1000, 9999)}-${int(r, 1000, 9999)}`]),
  postal: (r) => pick(r, [`LS${int(r, 1, 9)} ${int(r, 1, 9)}AP`, `ZIP code 0${int(r, 1000, 9999)}`, `postcode M${int(r, 1, 20)} ${int(r, 1, 9)}PL`]),
};

const SET_B: ValueSet = {
  given: ['Harriet', 'Tobias', 'Ngozi', 'Anders', 'Yusuf', 'Beatriz', 'Colm', 'Svetlana', 'Kwame', 'Isabelle', 'Dmitri', 'Maren', 'Arjun', 'Noor', 'Felix', 'Rosalind', 'Bongani', 'Eleni'],
  surnames: ['Quill', 'Achterberg', 'Mensah', 'Halvorsen', 'Demir', 'Albuquerque', 'Gallagher', 'Petrova', 'Boateng', 'Laurent', 'Sokolov', 'Eriksen', 'Raman', 'Khalil', 'Hartmann', 'Greaves', 'Dlamini', 'Papadakis'],
  institutions: ['Calderbrook General Hospital', "St Wilfrid's Infirmary", 'Lakemont Regional Medical Centre', 'Hollins Cross University Hospital', 'Saint Brendan Hospital', 'Ravensmoor Clinic', 'Ospedale San Giorgio', "Princess Adaeze Children's Hospital", 'Thornfield Health System', 'Eastmoor Hospice'],
  towns: ['Sheffield', 'Enugu', 'Coimbra', 'Linz', 'Oulu', 'Kisumu', 'Kirkwhelpington', 'Little Dunham', 'Galway', 'Ostrava', 'Nagpur', 'Moncton', 'Aberdeen', 'Tamale'],
  streets: ['5 Quarry Lane', '118 Mortimer Street', '27 Larch Drive', '66 Chapel Road', '9 Heron Crescent', '301 Wellington Avenue', '2 Fairview Terrace'],
  date: (r) => {
    const d = int(r, 1, 28), m = int(r, 1, 12), y = int(r, 1990, 2024);
    const mon = MONTHS[m - 1];
    return pick(r, [
      `${ordinal(d)} of ${mon} ${y}`, `${mon.slice(0, 3)}. ${d}, ${y}`, `${pad(d)}.${pad(m)}.${y}`, `${y}/${pad(m)}/${pad(d)}`, `${m}/${d}/${String(y).slice(2)}`,
      `${d}-${mon.slice(0, 3)}-${y}`, `${mon} ${ordinal(d)}, ${y}`, `the ${ordinal(d)} of ${mon}`,
    ]);
  },
  age: (r) => {
    const n = int(r, 90, 108);
    return pick(r, [`${n}-yr-old`, `${n} years of age`, `age ${n}`, `at the age of ${n}`, `${n} y/o`]);
  },
  phone: (r) => pick(r, [
    `+353 1 555 ${int(r, 1000, 9999)}`, `(212) 555-${int(r, 1000, 9999)}`, `0114 496 ${int(r, 1000, 9999)}`, `+49 30 1234${int(r, 1000, 9999)}`,
    `+33 6 12 34 ${int(r, 10, 99)} ${int(r, 10, 99)}`, `312.555.${int(r, 1000, 9999)}`,
  ]),
  email: (r, g, s) => pick(r, [`${s.toLowerCase()}.${g[0].toLowerCase()}@hospital.example.net`, `${g.toLowerCase()}${int(r, 70, 99)}@example.co.uk`]),
  url: (r) => pick(r, [`https://www.facebook.example.com/groups/${int(r, 10000, 99999)}`, 'www.harriets-journey.example.net', `https://drive.example.org/file/d/${int(r, 100000, 999999)}`]),
  ip: (r) =>
    int(r, 0, 2) === 0
      ? int(r, 0, 1)
        ? `fe80::${hex4(r)}:${hex4(r).slice(2)}ff:fe${hex4(r).slice(2)}:${hex4(r)}`
        : `::ffff:${int(r, 1, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`
      : `${int(r, 1, 223)}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 0, 255)}`,
  record: (r) => pick(r, [
    `medical record number ${int(r, 100000, 999999)}`, `MRN: ${int(r, 10, 99)}-${int(r, 10, 99)}-${int(r, 1000, 9999)}`, `unit number ${int(r, 10, 99)}-${int(r, 1000, 9999)}`,
    `health plan number HP-${int(r, 100000, 999999)}`, `NHS number ${int(r, 100, 999)} ${int(r, 100, 999)} ${int(r, 1000, 9999)}`, `Medicare number ${int(r, 1000, 9999)} ${int(r, 10000, 99999)} ${int(r, 1, 9)}`,
  ]),
  nationalId: (r) => pick(r, [`social security number ${int(r, 100, 899)}-${int(r, 10, 99)}-${int(r, 1000, 9999)}`, `national ID ${int(r, 10000000, 99999999)}`, `ID card number ${int(r, 1000000, 9999999)}X`]),
  serial: (r) => pick(r, [`pacemaker serial number PJN${int(r, 100000, 999999)}`, `S/N ${int(r, 10000, 99999)}`, `licence plate number AB${int(r, 10, 99)}-${int(r, 1000, 9999)}`]),
  postal: (r) => pick(r, [`S${int(r, 1, 20)} ${int(r, 1, 9)}HQ`, `postal code K${int(r, 1, 9)}A ${int(r, 0, 9)}B${int(r, 1, 9)}`, `zip code ${int(r, 10000, 99999)}`]),
};

/** Set A's sentences (tuning). */
const TEMPLATES_A = [
  'She was admitted on {date}.',
  'Symptoms began on {date} with tingling in both feet.',
  'He was discharged home on {date}.',
  'The MRI performed on {date} showed no new lesions.',
  'Her date of birth is {date}.',
  'The patient is a {age} retired engineer.',
  'At presentation he was {age}.',
  'Her son can be reached on {phone}.',
  'The ward was called on {phone} when she deteriorated.',
  'Results were e-mailed to {email}.',
  'She keeps a diary of her symptoms at {url}.',
  'The seizure alarm at home logs to {ip}.',
  'He was registered under {record}.',
  'Her {nationalId} was copied onto the referral.',
  'The implanted stimulator ({serial}) was interrogated.',
  'She lives at {street} with her husband.',
  'His home address is {street}, {postal}.',
  'She was seen by Dr {given} {surname} in clinic.',
  '{given} {surname} is a 45-year-old teacher.',
  'Her husband, {given}, noticed the tremor first.',
  'Mr {surname} was referred by Dr {surname}.',
  'The patient, Mrs {initials}, reported no falls.',
  'He was transferred to {institution} for plasma exchange.',
  'She was first assessed at {institution}.',
  'The patient is a resident of {town}.',
  'He had recently travelled to {town} for work.',
];

/** Set B's sentences (held out). */
const TEMPLATES_B = [
  'First seen in clinic on {date}.',
  'Weakness progressed until {date}, when she could no longer stand.',
  'Lumbar puncture was done on {date}.',
  'He passed away on {date}.',
  'DOB {date}.',
  'Our patient, {age}, lives alone.',
  'The patient was {age} when the tremor started.',
  'Contact number for the daughter: {phone}.',
  'His GP faxed the letter to {phone}.',
  'Please send the MRI images to {email}.',
  'A video of the episodes was uploaded to {url}.',
  'The wearable device reported from IP {ip}.',
  'Chart reviewed ({record}).',
  'The {nationalId} was listed on the admission form.',
  'Her cochlear implant ({serial}) was switched off before the scan.',
  'Home address: {street}.',
  'The family lives at {street} ({postal}).',
  'Prof. {given} {surname} reviewed the biopsy.',
  'Our patient, {given} {surname}, is a keen cyclist.',
  'His daughter {given} manages his medication.',
  'Ms {surname} attended with her mother.',
  'Patient {initials} agreed to publication.',
  'She was readmitted to {institution} two weeks later.',
  'Nerve conduction studies were repeated at {institution}.',
  'He lives in {town} with his partner.',
  'She grew up in {town} and moved abroad in her twenties.',
];

interface Planted {
  kind: Kind;
  start: number;
  end: number;
  text: string;
}

function initials(r: Rand): string {
  const L = 'ABCDEFGHJKLMNPRSTW';
  return pick(r, [`${pick(r, [...L])}.${pick(r, [...L])}.`, `${pick(r, [...L])}.${pick(r, [...L])}.${pick(r, [...L])}.`]);
}

/** Fills a template; returns the sentence and the planted spans within it. */
function fill(template: string, v: ValueSet, r: Rand): { text: string; planted: Planted[] } {
  const planted: Planted[] = [];
  let out = '';
  let last = 0;
  const re = /\{(\w+)\}/g;
  let m: RegExpExecArray | null;
  // A name slot run ("Dr {given} {surname}") is one planted person.
  const given = pick(r, v.given);
  const surname = pick(r, v.surnames);
  let personStart = -1;
  while ((m = re.exec(template))) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const slot = m[1];
    let value = '';
    let kind: Kind | undefined;
    switch (slot) {
      case 'given': value = slot === 'given' && /\{surname\}/.test(template.slice(last, last + 12)) ? given : pick(r, v.given); kind = 'person'; break;
      case 'surname': value = pick(r, v.surnames); kind = 'person'; break;
      case 'initials': value = initials(r); kind = 'person'; break;
      case 'date': value = v.date(r); kind = 'date'; break;
      case 'age': value = v.age(r); kind = 'age'; break;
      case 'phone': value = v.phone(r); kind = 'phone'; break;
      case 'email': value = v.email(r, given, surname); kind = 'email'; break;
      case 'url': value = v.url(r); kind = 'url'; break;
      case 'ip': value = v.ip(r); kind = 'ip-address'; break;
      case 'record': value = v.record(r); kind = 'record-number'; break;
      case 'nationalId': value = v.nationalId(r); kind = 'national-id'; break;
      case 'serial': value = v.serial(r); kind = 'serial-number'; break;
      case 'street': value = pick(r, v.streets); kind = 'street-address'; break;
      case 'postal': value = v.postal(r); kind = 'postal-code'; break;
      case 'institution': value = pick(r, v.institutions); kind = 'institution'; break;
      case 'town': value = pick(r, v.towns); kind = 'place'; break;
    }
    const start = out.length;
    out += value;
    if (kind === 'person' && slot === 'given' && /^ \{surname\}/.test(template.slice(last))) {
      personStart = start;
      continue;
    }
    if (kind === 'person' && slot === 'surname' && personStart >= 0) {
      planted.push({ kind, start: personStart, end: out.length, text: out.slice(personStart) });
      personStart = -1;
      continue;
    }
    if (kind) planted.push({ kind, start, end: out.length, text: value });
  }
  out += template.slice(last);
  return { text: out, planted };
}

/** Writes `count` filled templates between the narrative's sentences. */
function plant(narrative: string, templates: string[], v: ValueSet, r: Rand, count: number): { text: string; planted: Planted[] } {
  const bounds: number[] = [0];
  const re = /[.!?]\s+(?=[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(narrative))) bounds.push(m.index + m[0].length);
  bounds.push(narrative.length);
  const at = new Set<number>();
  while (at.size < Math.min(count, bounds.length)) at.add(pick(r, bounds));
  const points = [...at].sort((a, b) => a - b);
  let text = '';
  let last = 0;
  const planted: Planted[] = [];
  for (const p of points) {
    text += narrative.slice(last, p);
    if (text && !/\s$/.test(text)) text += ' ';
    const s = fill(pick(r, templates), v, r);
    for (const x of s.planted) planted.push({ ...x, start: x.start + text.length, end: x.end + text.length });
    text += s.text + (p < narrative.length ? ' ' : '');
    last = p;
  }
  text += narrative.slice(last);
  return { text, planted };
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const setArg = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'both';
/** ../shared beside the clone; a worktree one level further down (../../shared) is tried next. */
const NARRATIVES = ['..', join('..', '..')].map((up) => join(__dirname, '..', up, 'shared', 'corpus', 'narratives', 'e3c-en-1000.jsonl'));
const file = resolve(args.includes('--narratives') ? args[args.indexOf('--narratives') + 1] : (NARRATIVES.find(existsSync) ?? NARRATIVES[0]));
const rule = getRule('patient-identifier')!;
const findingsOf = (text: string): Finding[] => check(text, { format: 'text', rules: [rule] }).findings;

interface Tally {
  found: number;
  total: number;
  otherKind: number;
  missed: string[];
}

function runSet(name: string, narratives: { id: string; text: string }[], templates: string[], values: ValueSet, seed: number): boolean {
  const r = rng(seed);
  const tally = new Map<Kind, Tally>();
  for (const k of [...STRUCTURED, ...NAMES]) tally.set(k, { found: 0, total: 0, otherKind: 0, missed: [] });
  const control: string[] = [];
  let ms = 0;
  for (const n of narratives) {
    for (const f of findingsOf(n.text)) {
      control.push(`${n.id}  ${f.data?.kind}  "${n.text.slice(f.start, f.end)}"  …${n.text.slice(Math.max(0, f.start - 40), f.end + 30).replace(/\s+/g, ' ')}…`);
    }
    const p = plant(n.text, templates, values, r, 3);
    const t0 = performance.now();
    const found = findingsOf(p.text);
    ms += performance.now() - t0;
    for (const x of p.planted) {
      const t = tally.get(x.kind)!;
      t.total++;
      const hit = found.filter((f) => f.start < x.end && x.start < f.end);
      if (hit.length) {
        t.found++;
        if (!hit.some((f) => f.data?.kind === x.kind)) t.otherKind++;
      } else t.missed.push(`${n.id}  "${x.text}"  …${p.text.slice(Math.max(0, x.start - 50), x.end + 30).replace(/\s+/g, ' ')}…`);
    }
  }
  const fmt = (a: number, b: number) => (b ? (a / b).toFixed(3) : '  -  ');
  console.log(`\n${name}: ${narratives.length} narratives, seed ${seed}, ${templates.length} templates (${(ms / narratives.length).toFixed(2)} ms per planted narrative)`);
  console.log(`${'kind'.padEnd(16)}${'recall'.padStart(8)}${'found'.padStart(8)}${'planted'.padStart(9)}  as another kind`);
  const group = (kinds: Kind[]) => kinds.reduce((acc, k) => ({ found: acc.found + tally.get(k)!.found, total: acc.total + tally.get(k)!.total }), { found: 0, total: 0 });
  for (const k of [...STRUCTURED, ...NAMES]) {
    const t = tally.get(k)!;
    console.log(`${k.padEnd(16)}${fmt(t.found, t.total).padStart(8)}${String(t.found).padStart(8)}${String(t.total).padStart(9)}  ${t.otherKind || ''}`);
  }
  const s = group(STRUCTURED);
  const nm = group(NAMES);
  const per10 = (control.length / narratives.length) * 10;
  console.log(`${'structured'.padEnd(16)}${fmt(s.found, s.total).padStart(8)}${String(s.found).padStart(8)}${String(s.total).padStart(9)}   target ${TARGETS.structured}: ${s.found / s.total >= TARGETS.structured ? 'met' : 'NOT met'}`);
  console.log(`${'names, places'.padEnd(16)}${fmt(nm.found, nm.total).padStart(8)}${String(nm.found).padStart(8)}${String(nm.total).padStart(9)}   target ${TARGETS.names}: ${nm.found / nm.total >= TARGETS.names ? 'met' : 'NOT met'}`);
  const byKind = new Map<string, number>();
  for (const c of control) {
    const k = c.split('  ')[1];
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  console.log(`control (the same narratives unmodified): ${control.length} findings, ${per10.toFixed(2)} per 10 documents (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')});`);
  console.log(`  most are real identifiers left in the published texts (dates, hospitals, towns): run with --verbose to list them.`);
  if (verbose) {
    for (const [k, t] of tally) for (const m of t.missed) console.log(`  missed ${k}: ${m}`);
    for (const c of control) console.log(`  control: ${c}`);
  }
  return s.found / s.total >= TARGETS.structured && nm.found / nm.total >= TARGETS.names;
}

if (!existsSync(file)) {
  console.log(`patient-identifier: narratives not found at ${file} (pass --narratives FILE); skipped.`);
} else {
  const narratives = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string });
  console.log(`\npatient-identifier: planted identifiers in ${narratives.length} published narratives (${file})`);
  if (setArg !== 'held-out') runSet('tuning set (A)', narratives.slice(0, 500), TEMPLATES_A, SET_A, 1);
  if (setArg !== 'tuning') {
    runSet('held-out set (B), never tuned on', narratives.slice(500, 1000), TEMPLATES_B, SET_B, 2);
    console.log(
      `  (first scoring of the held-out set, before any change after seeing it: structured ${HELD_OUT_FIRST.structured}, names and places ${HELD_OUT_FIRST.names}, control ${HELD_OUT_FIRST.controlPer10} per 10 documents)`,
    );
  }
}
