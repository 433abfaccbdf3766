import { lazyPattern } from './pattern';
import { FORM_AMBIGUOUS, FORM_BASE, FORM_NOUN_FIRST, FORM_PRESENT, formClass, listedClasses, presentForms } from './lexicon';
import type { ClaimCategory, ClaimCue, ClaimPattern, ClaimWordSet } from './types';

/**
 * Claim cues, grouped by category. A sentence without a citation is a claim when one of these
 * matches (and no exclusion applies, see exclusions.ts). Order matters only within a category:
 * the first match is the one named in the message. Patterns are run on the sentence text
 * (markup removed), so they never see `**` or `[1]`-style markup other than citations.
 */

/** How categories are labelled, their default severity and which wins when several match. */
/**
 * How categories are labelled, their default severity and which wins when several match.
 * `short` is what the one-line message says ("Uncited claim (statistic about a population).");
 * `label` and `what` are for hover, `explain` and the docs.
 */
export const CATEGORY_INFO: Record<ClaimCategory, { label: string; short: string; severity: 'warning' | 'info'; priority: number; what: string }> = {
  literature: { label: 'literature', short: 'about published work', severity: 'warning', priority: 0, what: 'a claim about published work' },
  efficacy: { label: 'efficacy/causal', short: 'effect or cause', severity: 'warning', priority: 1, what: 'a claim about an effect or a cause' },
  statistic: { label: 'statistic/epidemiology', short: 'statistic about a population', severity: 'warning', priority: 2, what: 'a figure about a population' },
  frequency: { label: 'frequency', short: 'how often something happens', severity: 'warning', priority: 3, what: 'a generalisation about how often something happens' },
  general: { label: 'general', short: 'general medical fact', severity: 'info', priority: 4, what: 'a general statement of medical fact' },
};

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a few|a handful of|several|few';
/** Not bound to this patient or the authors' own unit ("… in this patient", "… in our unit"). */
const NOT_OURS = String.raw`(?!\s+(?:(?:rate\s+)?(?:of\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+)?(?:in|of|for|at)\s+(?:this|our|her|his|the\s+present)\s+(?:[\p{L}-]+\s+)?(?:patient|case|unit|hospital|department|cent(?:re|er)|clinic|series|cohort|institution|ward)s?\b))`;
const POPULATION = 'patients|cases|people|persons|individuals|subjects|adults|children|infants|women|men|males|females|population|inhabitants|births|deaths|those|participants|smokers|survivors';
/** Not "reported to" an authority, a service or the family: this case notified, not the literature ("reported to the health authorities"). */
const NOT_TO_A_BODY = String.raw`(?!\s+to\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:authorit(?:y|ies)|cent(?:re|er)|agency|board|department|registry|service|office|committee|police|family|parents))`;

// ---------------------------------------------------------------------------
// Literature: published work, reported cases, authors
// ---------------------------------------------------------------------------
const LITERATURE: ClaimCue[] = [
  {
    name: 'author named with "et al."',
    category: 'literature',
    pattern: lazyPattern(String.raw`\bet\s+al\b\.?`, 'iu'),
    strong: true,
    examples: { claims: ['Bohr et al. recorded an annual incidence of 4 per 100,000.'] },
  },
  {
    name: 'author reports',
    category: 'literature',
    // Capitalised name(s), optionally "and colleagues", then a reporting verb: "Smith reported",
    // "Do and Kellar reported", "Wechsler and colleagues reported". `accept` checks the name
    // against NOT_AUTHOR_NAMES.
    pattern: /(?<![\p{L}\p{N}])(\p{Lu}[\p{Ll}'\u2019-]+)(?:\s+(?:and|&)\s+\p{Lu}[\p{Ll}'\u2019-]+)?(?:\s+(?:and|&)\s+(?:colleagues|co-?workers))?\s+(?:(?:has|have|had)\s+)?(?:first\s+|also\s+|previously\s+)?(?:reported|described|proposed|speculated|postulated|hypothesi[sz]ed|recommended|advocated|introduced|coined)\b/u,
    accept: (m) => !NOT_AUTHOR_NAMES.has(m[1].toLowerCase()),
    examples: {
      claims: [
        'Smith reported a similar course in two adults.',
        'Kovacs described the same sequence of cramps and then weakness.',
        'In 1998, Wechsler and colleagues reported eight patients.',
      ],
      leaves: ['Radiology reported a normal cervical spine.'],
    },
  },
  {
    name: 'study or trial',
    category: 'literature',
    pattern: lazyPattern(
      String.raw`\b(?:(?:in|from)\s+(?:a|an|one|another)\s+(?:[\p{L}-]+,?\s+){0,3}?(?:study|trial|cohort|registry|meta-analysis)` +
        String.raw`|other\s+(?:studies|trials|series|reports|reviews|surveys|cohorts)|(?:previous|prior|earlier|recent|several|many|some|most|numerous|various|large|published|randomi[sz]ed|controlled|prospective|retrospective|observational|clinical|epidemiologic(?:al)?|population[- ]based|animal|experimental|case[- ]control|multicent(?:er|re))\s+(?:[\p{L}-]+\s+){0,2}?(?:studies|study|trials?|series|reports|reviews|surveys|cohorts|analyses)` +
        // "studies have shown", "studies suggest"; not "electrodiagnostic studies showed" (this patient's tests).
        String.raw`|(?<!\b(?:conduction|imaging|doppler|electrodiagnostic|electrophysiological|urodynamic|sleep|laboratory|genetic|serological|coagulation|flow|function|motility|radiological|contrast|culture|blood|stool|urine|iron|thyroid|viral|antibody)\s+)(?:studies|trials|reports|reviews|meta-analyses)\s+(?:(?:have|has)\s+(?:also\s+|consistently\s+|repeatedly\s+)?(?:shown|demonstrated|reported|found|suggested|indicated|described|confirmed|revealed)|(?:also\s+)?(?:show|demonstrate|report|find|suggest|indicate|describe|confirm))` +
        String.raw`|(?:systematic\s+review|meta-analysis|randomi[sz]ed\s+(?:controlled\s+)?trial|placebo[- ]controlled)` +
        // "the trial has shown", "a study suggests"; not "the Doppler study suggested" (a test).
        String.raw`|(?:trial|study)\s+(?:(?:has|have)\s+(?:shown|demonstrated|reported|found|revealed|concluded|suggested|indicated)|(?:shows|demonstrates|reports|finds|reveals|concludes|suggests|indicates)))\b`,
      'iu',
    ),
    strong: true,
    examples: {
      claims: [
        'In a Swedish study, familial occurrence was found in five families.',
        'Previous reports describe a benign course.',
      ],
      leaves: [
        'Electrodiagnostic studies showed a length-dependent neuropathy.',
        'The Doppler study suggested a venous thrombosis.',
      ],
      caseLeaves: ['Other genetic analyses found no mutation.', 'Urodynamic studies show an overactive detrusor.'],
    },
  },
  {
    // Weak: "a nerve conduction study of the left arm" is this patient's test.
    name: 'a study',
    category: 'literature',
    // Not a review of this hospital's own records ("a review of the cancer registry showed").
    pattern: lazyPattern(String.raw`\b(?:a|an|one|another)\s+(?:[\p{L}-]+,?\s+){0,3}?(?:study|trial|series|survey|review|meta-analysis|cohort|registry)\s+(?:in|of|by|from|published|conducted|including|involving|showed|found|reported|demonstrated|linked)\b(?!\s+(?:the\s+|our\s+|his\s+|her\s+)?(?:[\p{L}-]+\s+){0,2}?(?:records|registry|register|charts|files|notes|database|archives?)\b)`, 'iu'),
    examples: {
      claims: ['A study of 86 patients found surgery in three quarters.', 'A survey by a French group found cramps in a third of those asked.', 'A Canadian cohort of older drivers tied cramps to falls.'],
      caseLeaves: ['A nerve conduction study of the left arm showed slowing.'],
      leaves: ['A review of the clinic records found two more families.'],
    },
  },
  {
    name: 'has been reported',
    category: 'literature',
    // "had been" only with a verb of publishing: "which had been noted six months before" is
    // this patient's history.
    pattern: lazyPattern(String.raw`\b(?:(?:has|have)\s+(?:(?:also|previously|rarely|only|all|not|never|ever|often|frequently|commonly|widely|variously|already|recently|repeatedly|extensively|well)\s+)*been\s+(?:\p{L}+ly\s+)?(?:reported|described|documented|published|proposed|suggested|attributed|implicated|recognized|recognised|studied|investigated|associated|linked|shown|demonstrated|established|hypothesi[sz]ed|postulated|advocated|recommended)|had\s+(?:(?:also|previously|rarely|only|not|never|ever|often|already|widely)\s+)*been\s+(?:reported|described|documented|published|proposed|suggested|implicated|shown|demonstrated))\b${NOT_TO_A_BODY}`, 'iu'),
    strong: true,
    examples: {
      claims: ['Vasculitis has also been reported after vaccination.', 'Only eight cases have been published.', 'It had been reported that the toxin spares the sensory nerves.'],
      caseLeaves: ['MRI showed a cyst, which had been noted six months before.', 'The boy had been reported to the health authorities as a case of measles.'],
    },
  },
  {
    // Weak: "the patient has been observed for a year" is this patient's course.
    name: 'has been used or observed',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:has|have)\s+(?:(?:also|previously|rarely|only|all|not|never|ever|often|frequently|commonly|widely|already|recently|repeatedly|successfully)\s+)*been\s+(?:\p{L}+ly\s+)?(?:used|tried|noted|observed|identified|considered|employed|applied)\b`, 'iu'),
    examples: {
      claims: ['Mexiletine has been used with variable results.'],
      leaves: ['The patient has been observed for a year without relapse.'],
    },
  },
  {
    name: 'reported cases',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:(?:reported|described|published|documented|previous|similar|(?<!\bthe\s)other)\s+(?:cases|reports|series)|previously\s+(?:reported|described|published|documented)|case\s+reports\s+(?:describe|report|show|suggest)|cases?\s+(?:have|has|were|was)\s+(?:been\s+)?(?:reported|described|published))\b${NOT_TO_A_BODY}`, 'iu'),
    strong: true,
    examples: { claims: ['Previously described cases were mostly in young women.', 'Similar cases responded to quinine.'], caseLeaves: ['The first was seen in May; the other cases followed within a week.', 'The case was reported to the national pharmacovigilance centre.'] },
  },
  {
    name: 'the literature',
    category: 'literature',
    // Not "(we present the case) with a review of the literature": that is the authors' own work.
    pattern: lazyPattern(String.raw`\b(?:(?:in|from|within|throughout)\s+the\s+(?:[\p{L}-]+\s+)?literature|(?:on|in|after|from)\s+(?:a\s+|our\s+)?review\s+of\s+(?:the\s+)?(?:[\p{L}-]+\s+)?literature|literature\s+(?:review|search|reports?|shows?|suggests?|describes?|data)|published\s+literature)\b`, 'iu'),
    strong: true,
    examples: {
      claims: ['Only four cases are described in the literature.', 'Cases in the literature were mostly young women.'],
      leaves: ['We present the case with a review of the literature.'],
    },
  },
  {
    // "This is the first reported case": unhedged novelty is a claim about the whole literature.
    // Not "the first case was a 40-year-old man" (case 1 of a series), and not hedged ("to our
    // knowledge", the paper's own statement, see exclusions.ts).
    name: 'novelty ("the first reported case")',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:(?:is|was|represents?|constitutes?|be)\s+(?:(?:also|probably|possibly|likely|perhaps)\s+)?(?:the\s+)?first\s+(?:(?:reported|documented|published|described|known|recorded)\s+)?(?:case|report|description)|first\s+(?:reported|documented|published|described)\s+(?:case|report)|(?:first|originally)\s+(?:described|reported|introduced|identified|recognized|recognised|defined|coined)\s+(?:by(?!\s+(?:the|her|his|our|a|an)\s+(?:[\p{L}-]+\s+)?(?:radiologist|pathologist|surgeon|physician|doctor|nurse|patient|family|parents|mother|father|team|general\s+practitioner|gp|sonographer|dermatologist|ophthalmologist|neurologist|cardiologist)\b)|in\s+\d{4}))\b`, 'iu'),
    strong: true,
    advice: 'Add a citation, or hedge it ("to our knowledge").',
    examples: {
      claims: ['This is the first case of cramps after the vaccine.', 'The syndrome was first described by Isaacs.'],
      caseLeaves: ['The first case was a 40-year-old man with cramps.', 'The lesion was first described by the radiologist as a cyst.'],
    },
  },
  {
    name: 'count of reported cases',
    category: 'literature',
    pattern: lazyPattern(String.raw`\bonly\s+(?:\d+|${NUMBER_WORDS})\s+(?:[\p{L}-]+\s+)?(?:cases|reports|patients|series)\b`, 'iu'),
    strong: true,
    examples: { claims: ['Only two further cases were found.'] },
  },
  {
    name: 'other authors',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:(?:most|many|some|several|other|few)\s+(?:authors|investigators|researchers|experts|groups)|(?<!\b(?:the|our)\s)\b(?:investigators|researchers)\b(?=\s+(?:(?:\p{L}+ly|first|have|has|had|also|later|then|subsequently)\s+)*\p{L}+ed\b)|^some,|^others\s|(?:current\s+)?guidelines\s+(?:recommend|suggest|advise)|according\s+to\s+(?:the\s+)?(?:guidelines|consensus|world\s+health|who|cdc))`, 'iu'),
    examples: { claims: ['Most authors propose immobilisation in supination.', 'Swedish researchers traced the outbreak to imported lettuce.'], leaves: ['The researchers who took the samples were blinded.'] },
  },
  {
    // "Following current guidelines, he received thrombolysis": the guideline is a source to cite,
    // also in the patient's story.
    name: 'practice guidelines followed',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:following|per|according\s+to|as\s+recommended\s+(?:by|in)|in\s+line\s+with|in\s+accordance\s+with|in\s+keeping\s+with|consistent\s+with)\s+(?:the\s+)?(?:(?:current|recent|international|national|published|latest|european|american|british|\d{4})\s+)*(?:[\p{Lu}\d][\p{L}\d-]*\s+)?(?:guidelines?|consensus(?:\s+statement)?|(?<=(?:current|published|international|national|recent|latest|who|expert|nice|cdc|aha|esc|idsa|nccn|esmo|asco|eular|acr|kdigo|easl|aasld|ada)\s+)(?:recommendations|protocols?|polic(?:y|ies)|advice|guidance))\b` +
        // What is advised for people of a kind (", as recommended for patients with asplenia").
        String.raw`|\bas\s+(?:is\s+)?(?:(?:currently|generally|widely|usually)\s+)?(?:recommended|advised|required|mandatory)\s+(?:for|in)\s+(?:all\s+)?(?:[\p{L}-]+\s+){0,2}?(?:patients|people|persons|children|adults|women|men|infants|travell?ers|those|anyone)\b`, 'iu'),
    strong: true,
    examples: { caseClaims: ['Following current guidelines, he received thrombolysis.', 'In keeping with current recommendations, warfarin was stopped five days before surgery.', 'Following the national protocol, she was screened for hepatitis B before rituximab.', 'Following WHO guidance, he was given oral rehydration salts.', 'Prophylactic penicillin was given, as recommended for children without a spleen.', 'Following NICE guidance, she was offered a statin.'], caseLeaves: ['Following the neurologist\'s advice, he received thrombolysis.', 'According to the ward protocol, his drain was removed on day 2.', 'Following his advice, she rested for a week.', 'In keeping with her recommendations, the dose was halved.', 'Penicillin was given, as recommended for him by the ward team.'] },
  },
  {
    // A theory or a hypothesis that someone else put forward; not "our hypothesis", and not a
    // diagnostic hypothesis about this patient ("the hypothesis of a paraneoplastic syndrome").
    name: 'a theory or hypothesis',
    category: 'literature',
    pattern: lazyPattern(String.raw`(?<!\b(?:our|my|working|diagnostic|differential)\s+(?:[\p{L}-]+\s+)?)\b(?:theory|theories|hypothesis\s+that|hypotheses\s+(?:that|about|on|have|are))\b`, 'iu'),
    strong: true,
    discussionOnly: true,
    examples: {
      claims: ['One theory holds that the vaccine unmasks a latent vasculitis.'],
      leaves: ['Our hypothesis is that the cramps came from the nerve.', 'The diagnostic hypothesis of a paraneoplastic syndrome was dropped.'],
    },
  },
  {
    // "given to 14 patients", "in nine of them": a count of patients outside the case sections
    // is someone else's series (ours are excluded: "our two patients", "both patients").
    name: 'count of other patients',
    category: 'literature',
    pattern: lazyPattern(String.raw`\b(?:on|in|of|among|from|for|to)\s+(?:all\s+)?(?:\d+|${NUMBER_WORDS}|thirteen|fourteen|sixteen|seventeen|eighteen|nineteen)\s+(?:[\p{L}-]+\s+){0,2}?(?:patients|cases|children|adults|subjects|participants|women|men)\b`, 'iu'),
    discussionOnly: true,
    examples: {
      claims: [
        'Surgery was performed laparoscopically in 12 patients.',
        'Quinine was given to 14 patients, and in nine of them the cramps stopped.',
      ],
    },
  },
  {
    name: 'report of a group of other patients',
    category: 'literature',
    pattern: lazyPattern(String.raw`(?:^|[,;]\s+)(?:\d+|${NUMBER_WORDS}|fourteen|sixteen|eighteen|thirteen|nineteen|seventeen)\s+(?:[\p{L}-]+\s+){0,2}?(?:patients|cases|children|adults|subjects|participants|women|men)\s+(?:\([^)]*\)\s+)?(?:with\s+[\p{L}\s-]+?\s+)?(?:had|developed|received|showed|were|presented|underwent|died|responded|recovered)\b` +
      // "Patients presented with …" opening a sentence outside the case sections: other patients.
      String.raw`|^(?:patients|children|adults|subjects|participants|women|men)\s+(?:\p{L}+ly\s+)?(?:had|developed|received|showed|were|presented|underwent|died|responded|recovered)\b`, 'iu'),
    discussionOnly: true,
    examples: {
      claims: ['Twenty patients with the syndrome developed a rash.', 'Patients presented with cramps months before weakness.'],
    },
  },
];

// ---------------------------------------------------------------------------
// Efficacy and causal effect
// ---------------------------------------------------------------------------
/** A past-tense auxiliary: the clause tells what happened (to this patient, usually). */
const PAST_AUXILIARY = /\b(?:was|were|had|did)\b/iu;

const EFFECT_VERBS = [
  'increase', 'improve', 'reduce', 'decrease', 'lower', 'raise', 'prolong', 'shorten', 'prevent', 'cause', 'induce',
  'trigger', 'protect', 'worsen', 'promote', 'inhibit', 'enhance', 'predispose', 'relieve', 'alleviate', 'cure',
  'halt', 'slow', 'delay', 'accelerate', 'aggravate', 'exacerbate', 'minimi[sz]e', 'maximi[sz]e', 'eliminate', 'restore',
];
const EFFECT_3SG = EFFECT_VERBS.map((v) => `${v}s`);
/** Words after which an effect verb's -s form is a plural noun ("other causes", "the increases"). */
const NOUN_BEFORE = 'other|possible|potential|secondary|main|known|common|rare|major|underlying|various|several|frequent|usual|treatable|reversible|the|its|their|these|those|such|all';
const EFFECT_BASE = EFFECT_VERBS.join('|');
/** After an effect verb: not an effect but a thought ("raises the question", "increases the suspicion"). */
const NOT_AN_EFFECT = String.raw`(?!\s+(?:(?:the|a|an|some|serious|further)\s+)?(?:questions?|possibility|possibilities|suspicion|concerns?|issues?|doubts?|hypothesis|awareness|alarm)\b)(?<!\benhances?(?=\s+(?:\p{L}+ly\s+)?(?:with|after|on|following|avidly|homogeneously|heterogeneously)\b))`;
const PHRASAL = 'lead\\s+to|leads\\s+to|result\\s+in|results\\s+in|contribute\\s+to|contributes\\s+to|give\\s+rise\\s+to|gives\\s+rise\\s+to';

const EFFICACY: ClaimCue[] = [
  {
    name: 'effect verb',
    category: 'efficacy',
    retell: true,
    // Not the noun ("secondary causes of hypertension", "other causes were ruled out").
    pattern: lazyPattern(String.raw`(?<!\b(?:${NOUN_BEFORE})\s+)\b(?:${EFFECT_3SG.join('|')}|leads\s+to|results\s+in|contributes\s+to|gives\s+rise\s+to)\b(?!\s+(?:of|were|was|are|is|have|had|include|included)\b)${NOT_AN_EFFECT}`, 'iu'),
    examples: {
      claims: ['Early surgery reduces the risk of recurrence.'],
      caseClaims: ['Quinine reduces the frequency of cramps.'],
      caseLeaves: ['In the search for secondary causes of cramps, thyroid function was normal.', 'This raises the question of a genetic cause.', 'The scan shows a 3 cm mass in the right lobe that enhances with gadolinium.'],
      leaves: ['Other causes were ruled out.'],
    },
  },
  {
    name: 'effect verb after a plural subject',
    category: 'efficacy',
    retell: true,
    // "These treatments increase", "they reduce": a plural noun (or they) right before the base form.
    // Not an auxiliary or a pronoun ending in -s ("the growth was slow", "this slows").
    pattern: lazyPattern(String.raw`\b(?:they|(?!(?:its|was|has|this|does|thus|whereas|plus|yes|as|is|us)\s)\p{L}{2,}(?<![siu])s)\s+(?:(?:also|often|usually|significantly|further|markedly|clearly|generally)\s+)?(?:${EFFECT_BASE}|${PHRASAL})\b`, 'iu'),
    examples: {
      claims: ['These treatments increase the life expectancy.'],
      caseClaims: ['These treatments increase the life expectancy.', 'They reduce the frequency of cramps.'],
      caseLeaves: ['Because the growth was slow, a benign tumour was suspected.'],
    },
    presentVerb: true,
  },
  {
    // ", leading to": the consequence as a participle clause after the mechanism.
    name: 'consequence (", leading to")',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`,\s+(?:(?:thereby|thus|eventually|ultimately|often|usually|frequently|finally)\s+)?(?:leading\s+to|resulting\s+in|contributing\s+to|giving\s+rise\s+to|predisposing\s+to|causing|inducing|preventing)\b`, 'iu'),
    // Not after a past-tense clause: "The diagnosis was delayed, leading to a fall" tells this case.
    accept: (m) => !PAST_AUXILIARY.test(m.input.slice(0, m.index)),
    examples: {
      claims: ['The toxin blocks the enzyme, leading to an excess of transmitter at the synapse.'],
      leaves: ['The diagnosis was delayed, leading to a fall at home.'],
    },
  },
  {
    name: 'possible effect ("may increase")',
    category: 'efficacy',
    retell: true,
    pattern: lazyPattern(String.raw`\b(?:may|can|could|might|will|would|cannot)\s+(?:not\s+)?(?:also\s+|even\s+|significantly\s+|further\s+|potentially\s+|eventually\s+)?(?:${EFFECT_BASE}|${PHRASAL}|be\s+(?:fatal|lethal|life-threatening|curative|effective|beneficial|responsible))\b`, 'iu'),
    examples: { claims: ['Corticosteroids may increase the risk of infection.', 'Corticosteroids may worsen the weakness.'] },
  },
  {
    // Outside the case sections only: in the patient's story, "the abscess may account for the
    // rigidity" is the authors explaining this patient's signs.
    name: 'possible explanation ("may account for")',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\b(?:may|can|could|might|would)\s+(?:not\s+)?(?:(?:also|even|partly|partially|in\s+part|well)\s+)?(?:explain|account\s+for)\b(?!\s+(?:why|how)\s+(?:[^.;,]*?\s)?(?:was|were|had|did)\b)`, 'iu'),
    discussionOnly: true,
    examples: {
      // Not what happened in this case ("may explain why the scan was normal").
      claims: ['Hypokalaemia may account for the weakness seen after diuretics.', 'Low potassium may explain the cramps seen with thiazides.'],
      leaves: ['This may explain why the first scan was normal.'],
      caseLeaves: ['The abscess in the basal ganglia may account for the rigidity.'],
    },
  },
  {
    name: 'association',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\b(?:is|are|was|were|be|been|being|strongly|closely|often|frequently|commonly|significantly)\s+(?:\p{L}+ly\s+)?(?:associated|linked|correlated|related|attributed|attributable)\s+(?:with|to)\b|\bcorrelates\s+with\b`, 'iu'),
    examples: { claims: ['Smoking is associated with a poor response to treatment.'] },
  },
  {
    name: 'effectiveness',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\b(?:(?:is|are|be|been|remains?|proved?|proven)\s+(?:\p{L}+ly\s+)?(?:(?:more|less|most|very|highly|equally|not)\s+)?(?:effective|efficacious|ineffective|beneficial|useful|safe)|efficacy|effectiveness|(?:treatment|therapy|drug|procedure|method)\s+of\s+choice|first[- ]line|gold[- ]standard|standard\s+(?:of\s+care|treatment|therapy)|mainstay|cornerstone|benefits?\s+(?:from|of))\b`, 'iu'),
    examples: { claims: ['Budesonide is effective in collagenous colitis.'] },
  },
  {
    name: 'cause',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\b(?:(?:is|are)\s+(?:\p{L}+ly\s+)?(?:caused|triggered|induced|mediated)\s+by|(?:is|are)\s+(?:(?:usually|often|mostly|commonly|typically|generally)\s+)?(?:due|secondary)\s+to|(?:is|are)\s+responsible\s+for|risk\s+factors?|(?:increases?|raises?|reduces?|lowers?|decreases?)\s+the\s+risk|(?:confers?|carr(?:y|ies)|poses?)\s+(?:an?\s+|the\s+)?(?:(?:high|higher|increased|low|lower|significant|small|substantial|lifelong)\s+)?risk|risk\s+of\s+\p{L}+\s+is|(?:a|the|an)\s+(?:\p{L}+\s+)?(?:etiologic|aetiologic|causative|predisposing)\s+(?:factor|agent)|results\s+from|arises\s+from)\b`, 'iu'),
    examples: { claims: ['Most cases are caused by a viral infection.'] },
  },
  {
    // "Levetiracetam works faster than valproate": one treatment against another. Not after a
    // past-tense auxiliary ("recovery was faster than expected" tells this case).
    name: 'comparison of treatments ("faster than")',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\b(?:faster|slower|better|worse|safer|(?:more|less)\s+effective(?:ly)?|superior|inferior)\s+(?:than|to)\b`, 'iu'),
    accept: (m) => !PAST_AUXILIARY.test(m.input.slice(0, m.index)),
    examples: { claims: ['Levetiracetam works faster than valproate.'], leaves: ['Recovery was faster than expected after the second dose.'] },
  },
  {
    // "riluzole, the only drug licensed for ALS": a claim about licensing or evidence, also
    // inside a sentence about the patient.
    name: 'the only approved treatment',
    category: 'efficacy',
    pattern: lazyPattern(String.raw`\bthe\s+only\s+(?:(?:[\p{L}-]+\s+){0,2}?(?:drug|treatment|therapy|medication|medicine|agent|option|cure|vaccine|intervention)\s+(?:(?:currently|now|yet|ever)\s+)?(?:licensed|approved|available|known|shown|proven|registered|effective)|(?:curative|effective|definitive|proven|established)\s+(?:[\p{L}-]+\s+)?(?:drug|treatment|therapy|option|intervention|procedure|approach))\b`, 'iu'),
    strong: true,
    examples: { caseClaims: ['He was given riluzole, the only drug licensed for ALS in his country.', 'Surgery is the only curative option for this tumour.'] },
  },
];

// ---------------------------------------------------------------------------
// Statistics and epidemiology
// ---------------------------------------------------------------------------
const STATISTIC: ClaimCue[] = [
  {
    name: 'incidence or prevalence',
    category: 'statistic',
    // Not a figure of this patient or the authors' own unit ("the incidence in our unit").
    pattern: lazyPattern(String.raw`\b(?:incidence|prevalence|epidemiology|epidemiologic(?:al)?)\b${NOT_OURS}`, 'iu'),
    strong: true,
    examples: { claims: ['Its annual incidence is four per 100,000.', 'The prevalence of cramps rises with age.'], leaves: ['The incidence of this complication in our unit is low.'] },
  },
  {
    name: 'rate per population',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:per\s+(?:100[, ]?000|10[, ]?000|1[, ]?000|100|million|thousand|capita)(?!\s*(?:m?l|dl|µl|ul|fields?|hpf|g|mg|kg|cm|mm|grams?)\b)|(?:\d[\d,.]*|one|two|three|four|five)\s+(?:in|out\s+of|of\s+every)\s+(?:\d[\d,.]*|a\s+(?:thousand|million))\s+(?:[\p{L}-]+\s+)?(?:${POPULATION}))\b`, 'iu'),
    strong: true,
    examples: { claims: ['One in 10,000 births is affected.', 'Cramps affect 30 per 1,000 adults each year.'], caseLeaves: ['CSF protein was 45 mg per 100 mL.'] },
  },
  {
    name: 'percentage of a population',
    category: 'statistic',
    // '%' is a pseudo-word: the classifier adds it when the sentence has a percent sign.
    pattern: lazyPattern(String.raw`(?<![\d.,])\d+(?:[.,]\d+)?\s*%\s*(?:of|in)\s+(?:all\s+|the\s+|these\s+|such\s+)?(?:[\p{L}-]+\s+){0,3}?(?:${POPULATION}|series|cohort|sample)\b`, 'iu'),
    strong: true,
    examples: {
      claims: ['Fever occurs in 7-12% of patients.', 'It accounts for 0.1% to 0.7% of tuberculosis cases.'],
      caseClaims: ['About 60% of patients had cramps before weakness.'],
    },
  },
  {
    // Weak and outside the case sections only: "40% of the muscles sampled" is this patient's.
    name: 'percentage of a group',
    category: 'statistic',
    // Also "wake the sleeper in 60%": "of the cases" left implicit.
    pattern: lazyPattern(String.raw`(?<![\d.,])\d+(?:[.,]\d+)?\s*%\s*(?:of|in)\s+(?:all\s+|the\s+|these\s+)?[\p{L}-]{3,}|\bin\s+(?:about\s+|approximately\s+|around\s+|up\s+to\s+|nearly\s+|almost\s+|over\s+|only\s+)?\d+(?:[.,]\d+)?\s*%`, 'iu'),
    discussionOnly: true,
    examples: {
      claims: ['Only 3% to 5% of stromal tumours arise in the duodenum.', 'Calf cramps wake the sleeper in 60%.'],
      caseLeaves: ['Denervation was seen in 40% of the muscles sampled.'],
    },
  },
  {
    // A share of a population in words, not figures ("about a third of adults", "one woman in
    // eight"). Weak: "half of her relatives" and "a third of our patients" speak of this case.
    name: 'share of a population in words',
    category: 'statistic',
    pattern: lazyPattern(
      String.raw`\b(?:(?:a|one|two|three)\s+|(?<=\b(?:to|about|nearly|almost|over|than|roughly)\s+))(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\s+of\s+(?:all\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:${POPULATION})\b` +
        String.raw`|\b(?:one|two|three)\s+(?:[\p{L}-]+\s+)?(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred)\b(?!\s*(?:mg|ml|mL|g|kg|hours?|days?|weeks?|months?|years?|minutes?)\b)`,
      'iu',
    ),
    examples: {
      claims: ['Roughly a third of older adults with cramps report them every night.', 'One man in five over 70 has an enlarged prostate.'],
      leaves: ['About half of her relatives had the same rash.'],
    },
  },
  {
    name: 'mortality or survival',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:mortality(?<!\b(?:patient['\u2019]s|her|his|their|its)\s+(?:[\p{L}-]+\s+)?mortality)\b${NOT_OURS}|case[- ]fatality|survival\s+(?:rate|time|is|of(?!\s+(?:the|her|his|our|this|their)\b))|(?:\d+|five|ten)[- ]year\s+survival|median\s+survival|life\s+expectancy|(?:is|are)\s+(?:often\s+|usually\s+|frequently\s+|uniformly\s+|invariably\s+)?(?:fatal|lethal))\b`, 'iu'),
    strong: true,
    examples: { claims: ['Mortality reaches 30% without treatment.'], caseLeaves: ['The mortality in this patient was attributed to sepsis.', "The patient's mortality risk was put at 20% by the score.", 'The survival of the graft at one year was good.'] },
  },
  {
    name: 'age at onset or diagnosis',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:(?:mean|median|average|typical|usual|peak)\s+age|(?:peak|onset)\s+(?:incidence\s+)?(?:is\s+)?(?:in|between|at)\s+(?:the\s+)?(?:\d|fifth|sixth|fourth|third|second|seventh))\b`, 'iu'),
    strong: true,
    examples: {
      claims: ['The mean age at onset is 55 years.'],
      caseClaims: ['Our patient falls within the typical age at diagnosis, which is 50 to 72 years.'],
    },
  },
  {
    // Weak: "what makes this case unusual is the age of onset" speaks of this case's age.
    name: 'age at onset',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\bage\s+(?:at|of)\s+(?:onset|diagnosis|presentation)\b`, 'iu'),
    examples: {
      claims: ['Age at onset lies between 30 and 50 years.'],
      leaves: ['What makes this case unusual is the age of onset.'],
    },
  },
  {
    name: 'test accuracy',
    category: 'statistic',
    // Not an assay's name: "high-sensitivity troponin", "a highly sensitive CRP assay"; not a
    // sign of the patient ("sensitivity of the right hypochondrium", "sensitivity to light").
    pattern: lazyPattern(String.raw`\b(?:(?<!\b(?:high|ultra)-)sensitivity(?!\s+(?:(?:cardiac\s+)?(?:troponin|c-reactive|crp)\b|(?:of|in|at|over)\s+the\s+(?:right|left|whole|entire|lower|upper|epigastri|abdom|hypochondri|iliac|lumbar|flank|pelvi|chest|breast|scalp|skin|neck|joint)|to\s+(?:palpation|touch|light|sound|noise|cold|heat|pressure|percussion)\b))|specificity|(?:positive|negative)\s+predictive\s+value|diagnostic\s+accuracy|(?:highly|poorly|not)\s+(?:sensitive|specific)(?!\s+(?:cardiac\s+)?(?:troponin|c-reactive|crp|assays?)\b))\b`, 'iu'),
    examples: {
      claims: ['The test has a sensitivity of 86%.', 'The test is highly sensitive for ischaemia.', 'MRI has a high sensitivity for early infarcts.'],
      leaves: ['High-sensitivity troponin was normal.', 'A high sensitivity CRP was measured on admission.', 'A highly sensitive troponin assay was negative.'],
      caseLeaves: ['There is sensitivity of the right hypochondrium on palpation.', 'The child shows sensitivity to light and noise.'],
    },
  },
  {
    name: 'ratio or relative risk',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:odds\s+ratio|hazard\s+ratio|relative\s+risk|risk\s+ratio|lifetime\s+risk|(?:male|female)[- ]to[- ](?:male|female)\s+ratio|(?:\d+|two|three|four|five|ten|twenty)\s*(?:to\s+\d+\s+)?(?:times|-?fold)\s+(?:more|less|higher|lower|greater)|(?:gender|sex|male|female)\s+(?:predilection|preponderance|predominance))\b`, 'iu'),
    strong: true,
    examples: { claims: ['It is about 20 times more common in women than in men.'] },
  },
  {
    // "The time to recovery ranges from 2 to 6 weeks": present tense and outside the case
    // sections only ("CK ranged from 300 to 900 U/L" is this patient's course, also in a discussion).
    name: 'range across cases',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:ranges|range|varies|vary)\s+(?:(?:widely|considerably|greatly|markedly)\s+)?(?:from|between)\s+(?:about\s+|approximately\s+|around\s+)?(?:\d|a\s+few\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|several)\b)`, 'iu'),
    discussionOnly: true,
    examples: { claims: ['The time to recovery ranges from 2 to 6 weeks.'], leaves: ['CK ranged from 300 to 900 U/L.'] },
  },
  {
    name: 'percentage with a present-tense verb',
    category: 'statistic',
    pattern: lazyPattern(String.raw`\b(?:accounts?\s+for|occurs?\s+in|affects?|represents?|ranges?\s+from|var(?:ies|y)\s+from)\b[^;]{0,60}?\d\s*%`, 'iu'),
    strong: true,
    examples: { caseClaims: ['It accounts for about 5% of all neuropathies.'] },
  },
];

// ---------------------------------------------------------------------------
// Frequency and rarity generalisations
// ---------------------------------------------------------------------------
const FREQUENCY: ClaimCue[] = [
  {
    name: 'rarity',
    category: 'frequency',
    // Not "rarely easy" (a difficulty, not a frequency).
    pattern: lazyPattern(String.raw`\b(?:rare|(?:rarely|seldom)(?!\s+(?:easy|simple|straightforward|clear|obvious|possible)\b)|rarer|rarest|rarity|uncommon(?:ly)?|infrequent(?:ly)?|(?:is|are)\s+(?:\p{L}+ly\s+)?(?:unusual|exceptional)|exceptionally)\b`, 'iu'),
    examples: { claims: ['Isolated radial head dislocation is rare in adults.'], caseLeaves: ['The diagnosis is rarely easy.'] },
  },
  {
    name: 'commonness',
    category: 'frequency',
    pattern: lazyPattern(String.raw`\b(?:(?:the\s+)?most\s+(?:common|frequent|prevalent)|commonest|(?:is|are|be|remains?|becomes?)\s+(?:\p{L}+ly\s+)?(?:(?:more|less|very|relatively|quite|fairly|particularly|especially|not|equally)\s+)?(?:common|frequent|prevalent)|(?:more|less)\s+(?:common|frequent|prevalent)|commonly|frequently|often|usually|typically|generally|classically|characteristically|(?:the|a)\s+(?:vast\s+)?majority\s+of|mostly|predominantly|invariably|(?:almost|nearly|virtually)\s+always|regularly|sometimes|occasionally)\b`, 'iu'),
    examples: { claims: ['Fractures are usually seen in adolescence.'], caseClaims: ['Volvulus in adults nearly always has an anatomical cause.'], caseLeaves: ['She almost always has a headache on waking.'] },
  },
  {
    name: 'most, some or other patients',
    category: 'frequency',
    pattern: lazyPattern(String.raw`(?:\b(?:in\s+)?(?:most|many|few|some|several|(?<!\bthe\s)other)\s+(?:of\s+(?:the|these)\s+)?(?:[\p{L}-]+\s+)?(?:${POPULATION})\b|^most\s+(?:were|are|have|had|of)\b)`, 'iu'),
    examples: { claims: ['Some patients also had uveitis.'] },
  },
];

// ---------------------------------------------------------------------------
// General statements about a disease, its mechanism, course or management
// ---------------------------------------------------------------------------
const DEFINITION_NOUNS =
  'disease|disorder|condition|syndrome|entity|infection|injury|complication|tumou?r|neoplasm|malignancy|cancer|variant|form|type|subtype|cause|manifestation|vasculitis|inflammation|lesion|finding|feature|sign|procedure|treatment|therapy|test|marker';

/** After "a common finding in", "as is seen in": not this patient, this report or its figures. */
const NOT_THIS_ONE = String.raw`(?!(?:our|this|her|his|their|the\s+(?:patient|present|video|figure|image|picture|photograph|table|scan)|figures?|fig|tables?|videos?)\b)`;

const GENERAL: ClaimCue[] = [
  {
    name: 'definition or classification',
    category: 'general',
    pattern: lazyPattern(String.raw`\b(?:(?:is|are)\s+(?:a|an)\s+(?:[\p{L}-]+,?\s+){0,4}?(?:${DEFINITION_NOUNS})|(?:is|are)\s+(?:(?:generally|widely|commonly|usually|often|now|still|also)\s+)?(?:known|considered|thought|believed|defined|characteri[sz]ed|classified|regarded|recogni[sz]ed)\s+(?:to|as|by)|belongs?\s+to\s+(?:the|a)\s+(?:group|family|spectrum))\b`, 'iu'),
    examples: {
      claims: ['ALS is a rapidly progressive, fatal neurodegenerative disorder.'],
      caseClaims: ['ALS is a rapidly progressive, fatal neurodegenerative disorder.'],
    },
  },
  {
    name: 'general mechanism or course',
    category: 'general',
    pattern: lazyPattern(String.raw`\b(?:manifests|presents|runs|progresses|resolves|responds|spreads|involves|affects|mimic?ks?|develops|occurs|occur|requires|require|depends|includes|include|consists|comprises|precedes|remains)\b`, 'iu'),
    discussionOnly: true,
    // With tense read from the lexicon, the present-tense fallback finds most of these verbs
    // itself; this cue still decides where the verb's reading is left open (an ambiguous form
    // after a participle).
    examples: { claims: ['The disease runs a benign course.', 'The tumour, if left untreated, remains confined to the kidney.'] },
  },
  {
    name: 'typical or characteristic feature',
    category: 'general',
    pattern: lazyPattern(String.raw`\b(?:(?:is|are|being|be)\s+(?:\p{L}+ly\s+)?(?:(?:very|highly|quite|fairly|not)\s+)?(?:characteristic|typical|classic)\s+(?:of|for)|as\s+is\s+(?:usual|typical|customary|common|often\s+the\s+case)|(?:is|are)\s+(?:the\s+)?(?:\p{L}+\s+)?hallmarks?\s+of)\b`, 'iu'),
    examples: {
      claims: ['Night-time onset is characteristic of idiopathic cramps.'],
      caseClaims: ['Night-time onset is characteristic of idiopathic cramps.'],
    },
  },
  {
    // A general fact told in passing inside a sentence about this patient: an apposition
    // (", a common finding in mitochondrial disease"), "as is usually found in", what a drug is
    // licensed for, "its known efficacy in". Strong: the patient's sentence around it does not
    // make it the patient's. Not when the aside is about this patient ("a rare finding in our
    // patient", "licensed for her by the insurer").
    name: 'general fact told in passing',
    category: 'general',
    pattern: lazyPattern(
      // The appositions share their opening (a comma), matched once: V8 tries each alternative at
      // every position, and this pattern runs on many sentences.
      String.raw`,\s+(?:` +
        String.raw`(?:a|an|the)\s+(?:(?:very|most|relatively|well|frequently|commonly)[\s-]+)?(?:common|typical|frequent|classic(?:al)?|characteristic|well-known|known|recogni[sz]ed|rare|uncommon|unusual|hallmark|cardinal|usual|serious|feared|dreaded|severe|mild|major|important|established|main|leading)\s+(?:[\p{L}-]+\s+)?(?:finding|feature|sign|symptom|cause|complication|manifestation|consequence|marker|presentation|side[\s-]effect|adverse\s+effect|trigger|risk\s+factor|variant|form|subtype|type)\s+(?:of|in|after|with|for)\s+${NOT_THIS_ONE}` +
        // The same apposition with any noun when its adjective can only say how things usually
        // are (", a well-known source of lead exposure", ", a common cause of …"): what the
        // noun is does not matter; adjectives that also grade this patient's own finding
        // ("severe", "main") keep to the nouns above.
        String.raw`|(?:a|an|the)\s+(?:(?:very|most|relatively|frequently|commonly)\s+)?(?:common|typical|frequent|classic(?:al)?|well[\s-]known|well[\s-]recogni[sz]ed|well[\s-]established|recogni[sz]ed|usual|feared|dreaded)\s+(?:[\p{L}-]+\s+){1,2}?(?:of|in|after|with|for|among)\s+${NOT_THIS_ONE}` +
        // An apposition that ties a finding to a disease (", a response typical of Still disease").
        String.raw`|(?:a|an|the)\s+(?:[\p{L}-]+\s+){1,2}?(?:typical|characteristic|pathognomonic|diagnostic|classic)\s+(?:of|for)\s+${NOT_THIS_ONE}` +
        // What a drug or an exposure is known to do (", known to cause …", ", a drug known to induce …").
        String.raw`|(?:(?:a|an|the)\s+(?:[\p{L}-]+\s+){1,2}?)?(?:well[\s-])?known\s+to\s+(?!(?:the|us|our|her|his|their|him|them|have|be\s+(?:present|known))\b)\p{L}+` +
        String.raw`|(?:the|a)\s+(?:hallmark|signature|sine\s+qua\s+non)\s+of\s+${NOT_THIS_ONE}` +
        String.raw`|(?:the|a)\s+(?:first[\s-]line|second[\s-]line|standard|preferred|recommended|usual|gold[\s-]standard|mainstay|established|specific|definitive)\s+(?:[\p{L}-]+\s+)?(?:treatment|therapy|drug|agent|antibiotic|test|investigation|option|approach|procedure|antidote|antitoxin|antivenom|vaccine|regimen|remedy|choice)\s+(?:for|of|in|to)\s+${NOT_THIS_ONE}` +
        String.raw`|(?:a|an|the)\s+(?:[\p{L}-]+\s+){1,3}?(?:(?:strongly|closely|frequently|commonly|often|classically|well)[\s-]+)?(?:associated|linked)\s+with\s+${NOT_THIS_ONE}` +
        String.raw`|(?:a|an|the)\s+(?:[\p{L}-]+\s+)?(?:treatment|therapy|drug|agent|option|procedure|intervention|operation)\s+(?:with|of)\s+(?:proven|established|known|documented|demonstrated|recogni[sz]ed)\s+(?:benefit|efficacy|value|effect)\b` +
        String.raw`)` +
        String.raw`|\bas\s+is\s+(?:\p{L}+ly\s+)?(?:found|seen|observed|described|reported|expected|common|usual|typical|frequent|characteristic)\s+(?:in|with|after)\s+${NOT_THIS_ONE}|\bas\s+(?:it\s+)?(?:(?:often|usually|sometimes|\p{L}+ly)\s+)?(?:happens|occurs)\s+(?:in|with|after)\s+${NOT_THIS_ONE}` +
        String.raw`|\b(?:approved|licensed)\s+(?:by\s+[\p{L}-]+\s+)?(?:for|in)\s+(?:the\s+(?:treatment|prevention)\s+of\s+)?(?!(?:him|her|them|use|this|our|his|their|the\s+patient|compassionate|off-label|off\s+label)\b)\p{L}` +
        String.raw`|\b(?:its|their)\s+(?:known|established|proven|recogni[sz]ed|documented|reported|well-known)\s+(?:efficacy|effect|effects|benefit|benefits|role|value|action|toxicity|safety)\b` +
        // A drug's property given as the reason ("given its narrow therapeutic index").
        String.raw`|\b(?:given|because\s+of|owing\s+to|due\s+to|for|in\s+view\s+of)\s+(?:its|their)\s+(?:(?:very|relatively|long|short|narrow|wide|broad|good|poor|high|low|excellent|favou?rable|better|greater|known)\s+)+(?:[\p{L}-]+\s+)?(?:therapeutic\s+(?:index|window|range)|half-life|penetration|bioavailability|safety\s+profile|side[\s-]effect\s+profile|interactions?|toxicity|clearance|spectrum|potency|efficacy)\b`,
      'iu',
    ),
    strong: true,
    examples: {
      caseClaims: [
        'Her serum lactate was raised, a common finding in mitochondrial disease.',
        'She kept goats, a well-known source of Q fever in farm workers.',
        'His rash faded within a week, a course typical of pityriasis rosea.',
        'He had been taking minocycline, known to cause drug-induced lupus.',
        'The CSF held 40 lymphocytes per microlitre, as is found in viral meningitis.',
        'Her sodium fell to 128 mmol/L, as often happens in older women on thiazides.',
        'She was given atropine, the specific antidote to the muscarinic effects of the poison.',
        'She started ocrelizumab, an antibody licensed for primary progressive MS.',
        'Oxygen stopped the attack within minutes, in keeping with its known efficacy in cluster headache.',
        'Skin biopsy showed Civatte bodies, the hallmark of lichen planus.',
        'He had long used antacids, a known risk factor for milk-alkali syndrome.',
        'She had Miller Fisher syndrome, a mild variant of Guillain-Barré syndrome.',
        'He was given doxycycline, the first-line treatment for early Lyme disease.',
        'Stool cultures grew Yersinia, a bacterium closely associated with reactive arthritis.',
        'Digoxin was reduced, given its narrow therapeutic window.',
        'He was offered hip resurfacing, an operation of proven value in young active men.',
        'Her anaemia was macrocytic, as is common in vitamin B12 deficiency.',
      ],
      caseLeaves: [
        'Her lactate was raised, a rare finding in our patient group.',
        'The rash was itchy, a feature typical of her earlier flares.',
        'She was seen by her general practitioner, known to the family for years.',
        'Quinine was approved for her by the insurer after two letters.',
        'The cramps, as is seen in the video, began in the calf.',
        'He had a fall, the main risk factor for his fracture.',
        'She stopped the tablets, the standard treatment for her in the past year.',
        'The dressing was changed because of its poor absorption of the exudate that day.',
      ],
    },
  },
  {
    // What a treatment or a thing of a kind is, told in passing after a comma: the treatment a
    // condition calls for (", the antidote of choice for …", ", the only antipsychotic licensed
    // for …"), a definition (", a disorder of copper transport", ", an inhibitor of …"), what it
    // is held to be (", considered safe after …", ", shown to reduce …"). A cue of its own, so
    // that its words do not make the long pattern above run.
    name: 'a role or a definition told in passing',
    category: 'general',
    pattern: lazyPattern(
      String.raw`,\s+(?:` +
        String.raw`(?:the|a)\s+(?:[\p{L}-]+\s+){0,2}?(?:treatment|therapy|drug|agent|antibiotic|antidote|test|investigation|option|approach|procedure|regimen|vaccine|modality)\s+of\s+choice\s+(?:for|in)\s+${NOT_THIS_ONE}` +
        String.raw`|the\s+only\s+(?:[\p{L}-]+\s+){1,3}?(?:(?:currently|now|yet|ever)\s+)?(?:licensed|approved|registered|proven|shown\s+to|known\s+to|effective\s+(?:for|in|against)|with\s+(?:proven|established|demonstrated)\s+(?:efficacy|benefit|value))\b` +
        String.raw`|(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:disorder|disease|syndrome|condition|infection|tumou?r|neoplasm|malignancy|vasculitis|deficiency|inhibitor|antagonist|agonist|analogue|analog|antibody|enzyme|organism|bacterium|bacillus|virus|fungus|yeast|parasite|protozoan|hormone|toxin|marker|feature|manifestation|complication)\s+(?:of|characteri[sz]ed\s+by|defined\s+by|caused\s+by|transmitted\s+by|produced\s+by)\s+(?!\d)${NOT_THIS_ONE}` +
        String.raw`|(?:(?:a|an|the)\s+(?:[\p{L}-]+\s+){1,2}?)?(?:widely\s+|generally\s+|now\s+)?(?:considered|regarded)\s+(?:to\s+be\s+|as\s+)?(?:(?:very|relatively|generally)\s+)?(?:safe|effective|beneficial|harmful|useful|superior|contraindicated|first[\s-]line|the\s+(?:best|safest|treatment|drug|standard))\b` +
        String.raw`|(?:(?:a|an|the)\s+(?:[\p{L}-]+\s+){1,2}?)?(?:widely\s+|generally\s+)?(?:shown|proven|thought|believed)\s+to\s+(?!(?:the|us|our|her|his|their|him|them|have|be\s+(?:present|known))\b)\p{L}+` +
        String.raw`)`,
      'iu',
    ),
    strong: true,
    examples: {
      caseClaims: [
        'He was given fomepizole, the antidote of choice for methanol poisoning.',
        'Clozapine was started, the only antipsychotic with proven efficacy in resistant schizophrenia.',
        'A diagnosis of Wilson disease, a disorder of copper transport, was made.',
        'The diagnosis was Whipple disease, an infection caused by Tropheryma whipplei.',
        'Her troponin was raised, a marker of myocardial injury.',
        'She was started on sertraline, an antidepressant considered safe after myocardial infarction.',
        'She was given tranexamic acid, shown to lessen bleeding after trauma.',
      ],
      caseLeaves: [
        'She was given the only bed left on the ward.',
        'The pain was treated with morphine, the treatment of choice for her in the past.',
        'She had a flare, a disorder of her skin that she knew well.',
        'A mass was found in the adrenal gland, a tumour of 4 cm.',
      ],
    },
  },
  {
    // A risk of a kind given as the reason ("because of the risk of Reye syndrome in children",
    // "given the high risk of recurrence after an unprovoked embolism"): not the patient's own
    // risk ("because of the bleeding risk", "… after her biopsy").
    name: 'a risk of a kind as the reason',
    category: 'general',
    pattern: lazyPattern(
        String.raw`\b(?:given|because\s+of|owing\s+to|due\s+to|in\s+view\s+of)\s+the\s+(?:(?:(?:high|higher|increased|known|low|lower|small|substantial|significant|recogni[sz]ed|well-known)\s+)+risk\s+of\s+(?:[\p{L}-]+\s+){1,4}?(?:in|after|with|among|following)\s+${NOT_THIS_ONE}|risk\s+of\s+(?:[\p{L}-]+\s+){1,4}?(?:in|among)\s+(?:(?:young|younger|older|elderly|pregnant|all)\s+)?(?:${POPULATION})\b)`,
      'iu',
    ),
    strong: true,
    examples: {
      caseClaims: ['She was not given aspirin, because of the risk of Reye syndrome in children.', 'Given the high risk of recurrence after an unprovoked embolism, he was anticoagulated indefinitely.'],
      caseLeaves: ['Because of the high risk of bleeding after her biopsy, she stayed overnight.', 'Because of the bleeding risk, the biopsy was deferred.'],
    },
  },
  {
    // "Characteristic findings include …": a list of what a disease shows, outside the case sections.
    name: 'typical findings listed',
    category: 'general',
    pattern: lazyPattern(String.raw`\b(?:characteristic|typical|classic|cardinal|common|usual|key)\s+(?:[\p{L}-]+\s+)?(?:findings|features|signs|symptoms|manifestations)\s+(?:include|are|consist)\b`, 'iu'),
    strong: true,
    discussionOnly: true,
    examples: { claims: ['Typical MRI findings include a hyperintense corticospinal tract, which our patient had.'] },
  },
  {
    // A recommendation for practice, also when the authors make it ("we recommend", "we
    // should advise"): it needs a guideline or evidence behind it. Not "we should have" (a regret
    // about this case) and not "we must note" (a figure of speech).
    name: 'recommendation',
    category: 'general',
    pattern: lazyPattern(String.raw`\b(?:we\s+(?:(?:would|therefore|thus|also|strongly|now)\s+)*(?:should|must|recommend|advise|advocate)\b(?!\s+(?:have|note|mention|acknowledge|admit|emphasi[sz]e\s+that\s+(?:our|this))\b)|(?:is|are)\s+(?:(?:therefore|thus|also|strongly|generally|usually|always|not)\s+)*(?:recommended|advised|advisable|mandatory|warranted|indicated|contraindicated)\b)`, 'iu'),
    strong: true,
    discussionOnly: true,
    examples: {
      claims: [
        'We recommend measuring creatine kinase in every patient with cramps.',
        'We should advise patients to stretch before bed.',
      ],
      leaves: ['We should have measured creatine kinase earlier.', 'We must note that the follow-up was short.'],
    },
  },
];

/**
 * The `general` fallback outside the case sections: a sentence in the present tense (or present
 * perfect, or with a modal verb) that is not about this patient or this report states a fact.
 */
export const PRESENT_TENSE_CUE: ClaimCue = {
  name: 'present-tense statement of fact',
  category: 'general',
  pattern: /(?:)/u,
  discussionOnly: true,
  // No trigger words: it is not in CLAIM_CUES, the classifier applies it last.
  // Its word list is PRESENT_TENSE_WORDS (the data test empties it to remove this cue).
  examples: {
    claims: ['Diagnosis is by clinical, pathological and laboratory correlates.'],
    caseLeaves: ['Diagnosis is by clinical, pathological and laboratory correlates.'],
  },
};

/** Every claim cue, grouped by category. */
export const CLAIM_CUES: readonly ClaimCue[] = [...LITERATURE, ...EFFICACY, ...STATISTIC, ...FREQUENCY, ...GENERAL];

/**
 * Present tense, from an English lexicon (lexicon.generated.ts, derived from the `en-lexicon`
 * package by `npm run schema`, see server/scripts/lexicon.ts; read by lexicon.ts) instead of a hand-kept list of
 * verbs: every finite present form the lexicon knows (about 12,700), each with what else it can
 * be, so that context decides. Only two short lists are kept here: the closed class of
 * auxiliaries and modals, and the medical verbs the lexicon lacks.
 */
const TENSE = listedClasses();

/**
 * Finite "be", "have", "do" and the modals (and the stems the tokenizer leaves of their
 * contractions, "isn" of "isn't"): present whatever stands around them. "would" and "could" state
 * a condition and are not read as present. Closed class, kept by hand.
 */
export const AUXILIARY_PRESENT: readonly string[] = [
  'is', 'are', 'isn', 'aren', 'has', 'hasn', 'have', 'haven', 'does', 'doesn', 'do', 'don',
  'can', 'cannot', 'may', 'might', 'must', 'should', 'shall', 'will',
];

/**
 * Medical verbs the lexicon lacks (checked by test/checker/claims-lexicon.test.ts: each is
 * missing from en-lexicon 1.0.11), third person singular and base form. Hand-kept.
 */
export const MEDICAL_VERBS_3SG: readonly string[] = ['metastasizes', 'metastasises', 'innervates', 'upregulates', 'downregulates', 'potentiates'];
export const MEDICAL_VERBS_BASE: readonly string[] = ['metastasize', 'metastasise', 'innervate', 'upregulate', 'downregulate', 'potentiate'];

let presentFormsMap: ReadonlyMap<string, number> | undefined;
/**
 * Every present form with what it is (lexicon.ts, FORM_*): the present auxiliaries and modals,
 * the lexicon's present forms and the medical verbs, as a map made when first read. The four
 * present-tense sets below are views of it; the classifier starts its own table from the same
 * words (lexicon.ts presentTable, handFormList) and never reads it, so that a check builds no map of them.
 */
export const presentFormsOf = (): ReadonlyMap<string, number> => (presentFormsMap ??= presentForms(AUXILIARY_PRESENT, MEDICAL_VERBS_3SG, MEDICAL_VERBS_BASE));

/**
 * Words that make a sentence present tense (or present perfect / modal): a statement of what
 * is, not of what happened to the patient. Used for the `general` fallback outside the case
 * sections, and to let weak cues count inside them. The forms in AMBIGUOUS_PRESENT count only in
 * context (see classify.ts).
 */
export const PRESENT_TENSE_WORDS: ReadonlySet<string> = formClass(presentFormsOf, FORM_PRESENT);

/**
 * Base forms (the lexicon's VB/VBP, and "have", "do"): also infinitives and imperatives, so
 * present only after a plural subject ("Older adults heal", "they include"; not "to heal",
 * "chest pain").
 */
export const BASE_PRESENT: ReadonlySet<string> = formClass(presentFormsOf, FORM_BASE);

/**
 * Present forms that are also nouns or adjectives ("works", "results", "tests"), and the base
 * forms: verbs only after a plausible subject (not an article, a preposition, "to"), and not
 * right before a verb ("Blood tests showed": the form is then the subject).
 */
export const AMBIGUOUS_PRESENT: ReadonlySet<string> = formClass(presentFormsOf, FORM_AMBIGUOUS);

/**
 * Ambiguous forms whose more frequent reading is the noun or adjective ("results", "tests",
 * "pain", "tire"): an -s form is a verb after a subject pronoun ("it", "this", "which"), or after
 * a noun when a determiner follows ("Ischaemia damages the sheath"); a base form only right after
 * a plural subject.
 */
export const NOUN_FIRST_PRESENT: ReadonlySet<string> = formClass(presentFormsOf, FORM_NOUN_FIRST);

/** Words before an ambiguous form that make it a noun or an infinitive ("to include", "the results"): the lexicon's function words. */
export const NOT_VERB_BEFORE: ReadonlySet<string> = new Set(TENSE.blockers);

/**
 * Subjects of a base form: the lexicon's plural nouns not ending in -s ("people", "data"), and
 * the plural pronouns (closed class, by hand; not the quantifiers, "all", "many", which mostly
 * stand before their noun). Any other word ending in -s (not
 * -ss, -us, -is) counts as a plural noun.
 */
export const PLURAL_SUBJECTS: ReadonlySet<string> = new Set([
  ...TENSE.irregularPlurals,
  'they', 'we', 'you', 'i', 'these', 'those', 'who', 'which', 'that',
]);

/** Subject pronouns of an -s form (closed class, by hand): "it causes", "which results in". */
export const SINGULAR_PRONOUNS: ReadonlySet<string> = new Set(['it', 'he', 'she', 'this', 'that', 'which', 'who', 'what', 'one']);

/**
 * Determiners, possessives and numbers, from the lexicon: right after an ambiguous form they open
 * its object, so a verb after them does not make the form a noun ("Ischaemia damages the fibres
 * found…"; but "Tests for HIV were…").
 */
export const DETERMINER_WORDS: ReadonlySet<string> = new Set(TENSE.determiners);

/** Adverbs that may stand between a subject and its verb ("often tire"): the lexicon's, besides every -ly word. */
export const ADVERB_WORDS: ReadonlySet<string> = new Set(TENSE.adverbs);

/**
 * Past forms not ending in -ed ("found", "underwent"), from the lexicon: a present form right
 * before one (or before "was", "is", a modal, or an -ed word after an ambiguous form) is a noun,
 * the subject ("Blood tests found").
 */
export const PAST_FORMS: ReadonlySet<string> = new Set(TENSE.irregularPast);

/** Verbs that link a subject to what it is: a frame's verb ("is that", "remains possible"). Closed class, by hand. */
export const FRAME_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'am', 'be', 'seem', 'seems', 'appear', 'appears', 'remain', 'remains', 'become', 'becomes']);

/** Words that weigh a possibility: after a frame's verb, the authors' judgement ("remains possible"). Closed class, by hand. */
export const JUDGEMENT_WORDS: ReadonlySet<string> = new Set([
  'possible', 'likely', 'unlikely', 'probable', 'improbable', 'plausible', 'implausible', 'conceivable', 'doubtful',
  'uncertain', 'unclear', 'questionable', 'debatable', 'arguable', 'tenable', 'untenable',
]);

/**
 * Verbs whose "it … to" belongs to "it" ("it tends to recur", "it takes weeks to heal"): no
 * course of action weighed. Closed class, by hand.
 */
export const RAISING_VERBS: ReadonlySet<string> = new Set([
  'seems', 'appears', 'tends', 'happens', 'proves', 'fails', 'continues', 'begins', 'starts', 'ceases', 'needs', 'has',
  'remains', 'gets', 'takes', 'serves', 'comes', 'goes', 'grows', 'used', 'means', 'threatens', 'promises',
]);

/**
 * Nouns of the argument, not of medicine: as the head of a sentence's subject, the sentence is
 * the authors' reasoning about their case ("The answer is not obvious.", "Several points are
 * worth making."). Closed class, by hand.
 */
export const DISCOURSE_NOUNS: ReadonlySet<string> = new Set([
  'point', 'points', 'question', 'questions', 'answer', 'answers', 'issue', 'issues', 'choice', 'choices', 'dilemma',
  'lesson', 'lessons', 'message', 'messages', 'caveat', 'caveats', 'remainder', 'rest', 'aim', 'aims', 'purpose',
  'conclusion', 'conclusions', 'argument', 'arguments', 'objection', 'objections', 'interpretation', 'interpretations',
  'remark', 'remarks', 'comment', 'comments', 'distinction', 'decision', 'decisions', 'puzzle',
]);

/**
 * Capitalised words that can open a sentence before "reported"/"described" but are not an
 * author's name ("Pathology reported", "She described"). Lower case.
 */
export const NOT_AUTHOR_NAMES: ReadonlySet<string> = new Set([
  'the', 'this', 'these', 'that', 'those', 'it', 'they', 'we', 'he', 'she', 'his', 'her', 'our', 'their', 'patient', 'patients',
  'pathology', 'pathologist', 'histology', 'histopathology', 'cytology', 'radiology', 'radiologist', 'biopsy', 'imaging',
  'ultrasound', 'ultrasonography', 'sonography', 'examination', 'laboratory', 'microbiology', 'culture', 'echocardiography',
  'radiographs', 'radiography', 'tomography', 'report', 'reports', 'family', 'mother', 'father', 'parents', 'husband', 'wife',
  'son', 'daughter', 'sister', 'brother', 'relatives', 'nurse', 'nurses', 'staff', 'physician', 'physicians', 'doctor',
  'doctors', 'surgeon', 'surgeons', 'authors', 'author', 'symptoms', 'pain', 'findings', 'neurology', 'cardiology',
  'dermatology', 'endoscopy', 'colonoscopy', 'bronchoscopy', 'serology', 'analysis', 'results', 'test', 'tests', 'scan',
  'scans', 'mri', 'ct', 'emg', 'ecg', 'eeg', 'he', 'none', 'all', 'both', 'one', 'two', 'some', 'others', 'many', 'most',
  'cases', 'case', 'it', 'also', 'as', 'previously', 'recently', 'finally', 'initially', 'later', 'then',
]);

/**
 * A sentence that opens with people in general ("People with myasthenia", "Older adults",
 * "Children under five") and has no past-tense auxiliary is in the present tense, whatever its
 * verb: "People with myasthenia tire towards evening." (the verb lists cannot hold every verb).
 */
export const GENERIC_SUBJECT: ClaimPattern = {
  name: 'people in general as the subject',
  pattern: lazyPattern(String.raw`^(?:(?:in\s+general|generally|typically|however|moreover|also|thus|therefore|overall),?\s+)?(?:(?:most|many|some|all|young|younger|old|older|elderly|adult|affected|untreated|treated)\s+)?(?:people|persons|patients|adults|children|infants|women|men|individuals|smokers|athletes)\s+(?:(?:with|without|who|of|on|under|over|aged|taking|receiving|treated)\b|(?=\p{L}+\s))`, 'iu'),
  examples: { claims: ['People with myasthenia tire towards evening.'], caseClaims: ['People with myasthenia often tire towards evening.'] },
};

/** The word sets that refine the present tense, each one entry with its examples (the data test empties each in turn). */
export const CLAIM_WORD_SETS: {
  ambiguousPresent: ClaimWordSet;
  notVerbBefore: ClaimWordSet;
  basePresent: ClaimWordSet;
  nounFirstPresent: ClaimWordSet;
  pluralSubjects: ClaimWordSet;
  singularPronouns: ClaimWordSet;
  determiners: ClaimWordSet;
  adverbs: ClaimWordSet;
  pastForms: ClaimWordSet;
  frameVerbs: ClaimWordSet;
  judgements: ClaimWordSet;
  raising: ClaimWordSet;
  discourse: ClaimWordSet;
} = {
  ambiguousPresent: {
    name: 'present forms that are also nouns or infinitives',
    words: AMBIGUOUS_PRESENT,
    examples: { leaves: ['Serum levels of sodium were normal.'] },
  },
  notVerbBefore: {
    name: 'words that make the next ambiguous form a noun',
    words: NOT_VERB_BEFORE,
    examples: { leaves: ['Heart sounds were normal without murmurs.', 'The results of the biopsy were normal.'] },
  },
  basePresent: {
    name: 'base forms, present only after a plural subject',
    words: BASE_PRESENT,
    examples: { claims: ['Older adults heal more slowly.'], leaves: ['Chest pain during exercise was the first symptom.'] },
  },
  nounFirstPresent: {
    name: 'forms read first as nouns',
    words: NOUN_FIRST_PRESENT,
    examples: { leaves: ['Night cramps and heat intolerance at the start of treatment.'] },
  },
  pluralSubjects: {
    name: 'plural subjects not ending in -s',
    words: PLURAL_SUBJECTS,
    examples: { claims: ['Data suggest a viral cause.'] },
  },
  singularPronouns: {
    name: 'subject pronouns of an -s form',
    words: SINGULAR_PRONOUNS,
    examples: { claims: ['This damages the myelin sheath.'] },
  },
  determiners: {
    name: 'determiners that open the object of an ambiguous form',
    words: DETERMINER_WORDS,
    examples: { claims: ['Ischaemia damages the fibres found deep in the white matter.'] },
  },
  adverbs: {
    name: 'adverbs between a subject and its verb',
    words: ADVERB_WORDS,
    examples: { claims: ['Affected muscles still ache after exercise.'] },
  },
  pastForms: {
    name: 'past forms not ending in -ed',
    words: PAST_FORMS,
    // Not after a form that is only a verb: "impairs wound healing" ("wound" is the object).
    examples: { leaves: ['Blood counts fell within a day.'], claims: ['Diabetes impairs wound healing.'] },
  },
  frameVerbs: {
    name: "verbs of a frame (\"is that\", \"remains possible\")",
    words: FRAME_VERBS,
    examples: { leaves: ['Heat stroke remains possible, since the room was not cooled.'] },
  },
  judgements: {
    name: 'words that weigh a possibility',
    words: JUDGEMENT_WORDS,
    examples: { leaves: ['Sarcoidosis is unlikely, given that the lymph nodes were small.'] },
  },
  raising: {
    name: "verbs whose \"it … to\" is the subject's own",
    words: RAISING_VERBS,
    examples: { claims: ['It tends to recur within a year of surgery.'] },
  },
  discourse: {
    name: 'nouns of the argument ("the question", "the answer")',
    words: DISCOURSE_NOUNS,
    examples: { leaves: ['The decision between the two treatments is a hard one.'] },
  },
};
