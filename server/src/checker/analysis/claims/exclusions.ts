import { lazyPattern } from './pattern';
import type { ClaimClause, ClaimExclusion, ClaimFrame } from './types';

/**
 * What is not a claim. Sentence exclusions say a sentence is about this patient or this report
 * (they block every cue that is not strong); section and paragraph exclusions say where claims
 * are not looked for at all. Data only; classify.ts reads it.
 */
/**
 * What a patient is found to have, named as a thing of this case ("the mass", "this lesion", "a
 * polyp, which measures"): in a case section, these nouns name the patient's own findings.
 */
const FINDINGS = String.raw`lesions?|mass(?:es)?|nodules?|cysts?|swellings?|rash(?:es)?|wounds?|effusions?|polyps?|ulcers?|ulcerations?|pain|fever|collections?|abscess(?:es)?|fistulae?|fistulas|lumps?|plaques?|opacit(?:y|ies)|thickening|fractures?|deformit(?:y|ies)|scars?|discharge|bleeding|ha?ematomas?|thrombus|thrombi|clots?|tremor|weakness|headaches?|symptoms|seizures|attacks|episodes|cramps|spasms|murmur|infiltrates?|consolidation|calcifications?|eruption|papules|enlargement|aneurysms?|stricture|obstruction|hernia|cough|wheeze|itch(?:ing)?|vomiting|diarrho?ea|nausea|dizziness|vertigo|numbness|stiffness|output|fluid|aspirate|specimen`;
/** The same nouns, one word each (the word before a relative clause is looked up among them). */
const FINDING_WORDS: readonly string[] = ['lesions', 'lesion', 'masses', 'mass', 'nodules', 'nodule', 'cysts', 'cyst', 'swellings', 'swelling', 'rashes', 'rash', 'wounds', 'wound', 'effusions', 'effusion', 'polyps', 'polyp', 'ulcers', 'ulcer', 'ulcerations', 'ulceration', 'pain', 'fever', 'collections', 'collection', 'abscesses', 'abscess', 'fistulae', 'fistula', 'fistulas', 'lumps', 'lump', 'plaques', 'plaque', 'opacity', 'opacities', 'thickening', 'fractures', 'fracture', 'deformity', 'deformities', 'scars', 'scar', 'discharge', 'bleeding', 'haematomas', 'hematomas', 'haematoma', 'hematoma', 'thrombus', 'thrombi', 'clots', 'clot', 'tremor', 'weakness', 'headaches', 'headache', 'symptoms', 'seizures', 'attacks', 'episodes', 'cramps', 'spasms', 'murmur', 'infiltrates', 'infiltrate', 'consolidation', 'calcifications', 'calcification', 'eruption', 'papules', 'enlargement', 'aneurysms', 'aneurysm', 'stricture', 'obstruction', 'hernia', 'cough', 'wheeze', 'itching', 'itch', 'vomiting', 'diarrhoea', 'diarrhea', 'nausea', 'dizziness', 'vertigo', 'numbness', 'stiffness', 'output', 'fluid', 'aspirate', 'specimen'];

/**
 * In a case section, the story told in the present: what is done to the patient in the present
 * passive ("A CT scan is performed", "Steroids are started") or a measurement ("the sodium is
 * 118 mmol/L"): its weak claim words are the patient's course ("…, which leads to a rapid
 * improvement"). Not a verb that also states a fact ("is associated", "is seen in").
 */
export const PRESENT_STORY: ClaimExclusion = {
  name: 'a story told in the present ("a CT scan is performed")',
  kind: 'patient',
  caseOnly: true,
  pattern: lazyPattern(
    String.raw`\b(?:is|are)\s+(?:(?:\p{L}+ly|now|then|also|again|first|subsequently|immediately|urgently)\s+)?(?:performed|started|commenced|initiated|given|administered|prescribed|done|taken|obtained|undertaken|carried\s+out|admitted|discharged|transferred|referred|treated|stopped|discontinued|continued|switched|changed|planned|scheduled|sent|drawn|placed|inserted|removed|excised|resected|operated|intubated|extubated|diagnosed|discussed|reviewed|examined|evaluated|investigated|monitored|followed\s+up|\d[\d.,]*\s*(?:mmol|µmol|umol|mg|g|ng|pg|meq|iu|u|units|mm|cm|kg|%|x|×|cells|beats|breaths))(?![\p{L}\d])`,
    'iu',
  ),
  examples: {
    caseLeaves: ['Steroids are started and the improvement is often rapid.', 'The sodium is 118 mmol/L and usually falls after a fluid restriction.'],
    caseClaims: ['Methotrexate is started, as it is the first-line treatment for this condition.', 'Levetiracetam is given, which rarely interacts with other drugs.'],
  },
};

export const SENTENCE_EXCLUSIONS: readonly ClaimExclusion[] = [
  PRESENT_STORY,
  {
    name: 'this patient',
    kind: 'patient',
    // Singular "the patient", "our patient's"; plural only when clearly ours ("both patients",
    // "our two patients"): "the patients who have X" is a generic plural. "The patient" is any
    // patient after a conditional or a general verb ("if the patient is at risk", "allows the
    // patient time to adapt") and with a generic adjective ("the adult patient").
    pattern: lazyPattern(String.raw`\b(?:(?<!\b(?:if|when|whenever|unless|once|until|allows?|predispos(?:e|es)|puts?|places?|exposes?|enables?|requires?|forces?|leaves?)\s+)the\s+(?!(?:adult|paediatric|pediatric|typical|average|individual)\s+patient\b)(?:[\p{L}-]+\s+)?(?:patient|proband|boy|girl|man|woman|child|infant|sibling|baby|neonate|toddler|lady|gentleman)(?!s)|(?:our|this|that|index|present|same|first|second|third|older|younger|each)\s+(?:[\p{L}-]+\s+)?(?:patient|proband|boy|girl|man|woman|child|infant|sibling|baby|neonate|toddler|lady|gentleman)(?!s)|(?:our|this|the\s+present|the\s+index)\s+(?:[\p{L}-]+\s+)?(?:family|kindred|pedigree)|(?:our|these\s+two|the\s+two|the\s+three|all\s+three|our\s+two)\s+(?:[\p{L}-]+\s+)?(?:patients|siblings|children|brothers|sisters|cases)|both\s+(?:[\p{L}-]+\s+)?(?:patients|siblings|children|brothers|sisters))\b`, 'iu'),
    examples: {
      claims: [
        'If the patient is at risk of falls, quinine is best avoided.',
        'Treatment allows the patient time to adapt.',
        'The adult patient tolerates higher doses.',
        'The patients who have bulbar onset progress faster.',
        'Creatine kinase can be high in both these conditions and in both these cases.',
      ],
      leaves: ['The patient is still followed up in clinic.', 'The early deafness in this family points to a mitochondrial variant.'],
      caseLeaves: ['The patient was treated with bismuth subsalicylate.'],
    },
  },
  {
    // A patient or case of the report named by its number ("Patient 2 differs from the others",
    // "in cases 1 and 3 the rash is absent"): the authors' own patients, whatever the tense. Not
    // an age or a count after the noun ("patients 65 years or older", "patients 18 to 40").
    name: 'a numbered patient ("patient 2", "case 3")',
    kind: 'patient',
    pattern: lazyPattern(String.raw`\b(?:patients?|cases?|probands?|siblings?)\s+(?:no\.?\s*)?\d{1,2}\b(?!\s*(?:[-\u2013.,/]\s*\d|years?\b|yrs?\b|y\b|%|months?\b|weeks?\b|days?\b|hours?\b|per\b|to\s+\d|or\s+(?:older|more|over|above)\b|and\s+(?:older|over|above)\b))`, 'iu'),
    examples: {
      leaves: ['Patient 3 differs from the others in the absence of fever.', 'In cases 1 and 4 the rash is absent.'],
      claims: ['Patients 65 years or older are at higher risk.', 'The rash is absent in one case in ten.'],
    },
  },
  {
    name: 'pronoun for the patient',
    kind: 'patient',
    pattern: lazyPattern(String.raw`\b(?:he|she|his|her|him|hers|himself|herself)\b`, 'iu'),
    triggerIsEnough: true,
    examples: { leaves: ['She is still followed up in clinic.', 'Her cramps respond to mexiletine.'] },
  },
  {
    // In a case section, a finding named with "the" or "this" as the subject is this patient's
    // own ("The mass is associated with surrounding oedema.", "The swelling usually settles
    // within hours."): told in the present tense, it describes the patient, not things of its
    // kind. Not a kind named by its population ("the lesions in children"), and outside the case
    // sections the same words may be the kind ("The lesion is usually benign.").
    name: 'a finding of this patient as the subject ("the lesion measures")',
    kind: 'patient',
    caseOnly: true,
    pattern: lazyPattern(
      String.raw`^(?:[^,;:]{1,40},\s+)?(?:(?:most|many|some|all|none|each|several|both|one|two|three)\s+of\s+)?(?:the\s+(?:[\p{L}\d-]+\s+){0,3}?(?:tumou?rs?|neoplasm|growths?)|(?:the|this|that|these|those)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:${FINDINGS}))\b(?!\s+(?:of|in|among)\s+(?:patients|people|persons|children|adults|women|men|infants|humans|this\s+(?:disease|syndrome|condition|disorder))\b)`,
      'iu',
    ),
    examples: {
      caseLeaves: ['The mass is associated with surrounding oedema.', 'The swelling usually settles within a few hours.', 'This lesion is typical of a benign cyst.', 'Most of the nodules are in the upper lobes.'],
      caseClaims: ['The lesions in children usually regress without treatment.'],
      claims: ['The lesion is usually benign.'],
    },
  },
  {
    // In a case section, what a treatment does to "the" finding ("Salbutamol relieves the
    // wheeze within minutes.") is this patient's course: the finding is the patient's own.
    name: 'a finding of this patient as the object ("relieves the wheeze")',
    kind: 'patient',
    caseOnly: true,
    pattern: lazyPattern(String.raw`\b(?:relieves|reduces|improves|abolishes|eases|settles|controls|worsens|aggravates|triggers|provokes|stops|shrinks|resolves|prevents|halves|lessens|eliminates)\s+(?:the|this)\s+(?:[\p{L}-]+\s+)?(?:${FINDINGS})\b(?!\s+(?:of|in|among)\b)`, 'iu'),
    examples: {
      caseLeaves: ['Salbutamol relieves the wheeze within minutes.'],
      caseClaims: ['Salbutamol relieves the wheeze of asthma within minutes.'],
    },
  },
  {
    name: 'this case or report',
    kind: 'report',
    // Also this case's findings: "This radiological finding is due to…" reasons about the case.
    // The noun first, then the determiner looked up behind it: the pattern is tried only where the noun stands.
    pattern: lazyPattern(
      String.raw`\b(?:case|cases|report|study|paper|article|manuscript|presentation)\b(?<=\b(?:our|this|the\s+present|the\s+current|the\s+index|the\s+above|the\s+described)\s+(?:\p{L}+\s+)?\p{L}+)|\b(?:finding|findings|picture|observation|observations)\b(?<=\b(?:this|these|the\s+above|such\s+an?)\s+(?:[\p{L}-]+\s+)?\p{L}+)`,
      'iu',
    ),
    examples: { leaves: ['This case shows how the diagnosis can be missed.', 'This radiological finding is due to a venous backflow.'] },
  },
  {
    // A part of the paper as the subject ("The following sections consider …", "This section
    // reviews …", "In what follows, …"). An entry of its own: "following" is a common word in a
    // case report ("following surgery"), and the pattern above need not run wherever it stands.
    name: 'a part of the paper ("the next section")',
    kind: 'report',
    pattern: lazyPattern(String.raw`\b(?:section|sections|paragraph|paragraphs|chapter|part)\b(?<=\b(?:this|the\s+(?:following|next|remaining|preceding|previous|present)|following|next)\s+(?:\p{L}+\s+)?\p{L}+)|^in\s+(?:what\s+follows|the\s+following)\b`, 'iu'),
    examples: { leaves: ['The next section weighs the causes of a raised ferritin.', 'In what follows, the two scans are compared.'] },
  },
  {
    name: 'the authors (we, our)',
    kind: 'report',
    pattern: lazyPattern(String.raw`\b(?:we|ours?|ourselves)\b`, 'iu'),
    triggerIsEnough: true,
    examples: {
      leaves: [
        'We report a case of lymphocytic colitis.',
        'We have not seen this pattern before.',
        'In our case, the cramps responded to mexiletine.',
      ],
    },
  },
  {
    name: 'the authors (us)',
    kind: 'report',
    // In lower case only: "the US" is a country.
    pattern: /\bus\b/u,
    examples: {
      claims: ['The US has one of the highest rates of opioid prescribing.'],
      leaves: ['This history leads us to suspect a toxic cause.', 'He was referred to us with cramps.'],
    },
  },
  {
    // "Clinicians should keep this diagnosis in mind", "X must be considered in every such
    // patient": the reader is urged to think of something, nothing is stated.
    name: 'exhortation ("should be considered")',
    kind: 'exhortation',
    pattern: lazyPattern(String.raw`\b(?:should|must|needs?\s+to|ought\s+to)\s+(?:(?:always|also|therefore|thus|still|not|never|be|certainly|definitely|routinely|then|first|strongly|seriously|promptly|carefully)\s+)*(?:consider(?:ed)?\b|(?:kept|keep|borne|bear)\s+(?:[\p{L}-]+\s+){0,6}?in\s+mind|remember(?:ed)?\b|(?:made\s+)?aware\b|(?:better\s+|more\s+widely\s+|widely\s+)?known\s+(?:to|by|among)\b|alert\b|vigilant\b|suspicious\b|suspect(?:ed)?\b|think\s+of|thought\s+of|includ(?:e|ed)\s+in\s+the\s+differential|recogni[sz]ed?\b|look\s+(?:out\s+)?for|(?:ask|enquire|inquire)\s+about\b|dismiss(?:ed)?\b|overlooked|ignored?\b|forgotten|neglected|missed|taken\s+into\s+(?:account|consideration)|take\s+into\s+(?:account|consideration)|part\s+of\s+the\s+differential|sought\b|(?<=\bhistor(?:y|ies)\s+(?:should|must)\s+(?:\p{L}+\s+){1,3})(?:taken|obtained|elicited)\b|individuali[sz]ed|tailored\s+to\s+(?:the|each)|personali[sz]ed|judged\s+on\s+(?:its|their)\s+(?:own\s+)?merits|decided\s+(?:case\s+by\s+case|on\s+a\s+case-by-case\s+basis))`, 'iu'),
    examples: {
      leaves: [
        'Neurologists should keep this cause of cramps in mind.',
        'Hypothyroidism must always be considered in a patient with cramps, as it is easily treated.',
        'It should be considered in older adults, although the diagnosis is rarely easy.',
        'This entity should be known to neurologists.',
        'Neurologists should ask about cramps in every patient with weakness.',
        'Cramps must not be dismissed as benign without an examination.',
        'A detailed travel history should always be obtained in such cases.',
        'Other causes of anaemia should be sought before the diagnosis is made.',
        'The timing of surgery should be individualised.',
      ],
      claims: ['Quinine should not be given in pregnancy.', 'Cramps are rare in children, but they should be considered after exercise.'],
    },
  },
  {
    // The reader told what to do, whatever the verb: a clinician as the subject of "should",
    // "must", "need to" ("Radiologists reading a chest film … should look closely at …").
    name: 'clinicians told what to do ("radiologists should")',
    kind: 'exhortation',
    pattern: lazyPattern(String.raw`\b(?:clinicians|physicians|doctors|surgeons|radiologists|pathologists|practitioners|nurses|midwives|pharmacists|dentists|specialists|neurologists|cardiologists|dermatologists|paediatricians|pediatricians|obstetricians|gynaecologists|gynecologists|anaesthetists|anesthesiologists|oncologists|psychiatrists|ophthalmologists|urologists|gastroenterologists|rheumatologists|endocrinologists|intensivists|(?:those|anyone)\s+(?:caring|treating|seeing|looking\s+after|working))\b[^.;]{0,80}?\b(?:should|must|need\s+to|ought\s+to|have\s+to)\b`, 'iu'),
    examples: {
      leaves: ['Surgeons operating on the thyroid in such patients should check the calcium on the first evening.'],
      claims: ['Cramps are common in older adults, but clinicians should still ask about them.'],
    },
  },
  {
    // "Further studies are needed", "the mechanism remains to be elucidated".
    name: 'call for research',
    kind: 'exhortation',
    pattern: lazyPattern(String.raw`\b(?:(?:further|more|additional|larger|future|prospective)\s+(?:[\p{L}-]+\s+){0,2}?(?:studies|research|investigations?|trials|data|work|reports|evidence|series|experience)\s+(?:(?:into|on|of|in|about|regarding|with|comparing|to|from|among|that|which)\s+[^,;.]*?\s)?(?:(?:is|are|will\s+be|would\s+be|should\s+be|must\s+be|may\s+be)\s+)?(?:(?:\p{L}+ly|still|therefore|thus|also|now)\s+)*(?:needed|required|warranted|necessary|carried\s+out|conducted|awaited|welcome)|(?:needs?|requires?|warrants?|deserves?|merits?)\s+(?:further|more|additional)\s+(?:study|studies|research|investigation|evaluation|attention|confirmation)|remains?\s+to\s+be\s+(?:seen|determined|elucidated|clarified|established|proven|confirmed|defined)|(?:has|have|is|are|remains?)\s+(?:still\s+)?yet\s+to\s+be\s+(?:tested|studied|established|determined|shown|proven|defined|clarified|confirmed|evaluated|assessed|answered|explored|examined)(?:\s+in\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}?(?:trial|study))?)\b`, 'iu'),
    examples: {
      leaves: ['Larger studies are needed to confirm the benefit of mexiletine.', 'Whether the cramps herald weakness remains to be established.', 'The value of a second dose has yet to be tested in a randomised trial.'],
      claims: ['More women than men need treatment.'],
    },
  },
  {
    // A course of action weighed for the reader: what to do (an action named by its noun, "early
    // referral", "a repeat scan", "careful follow-up") is "the safest course", "the first step",
    // "essential", "advisable"… — advice, not a finding about a disease.
    name: 'a course of action weighed ("… is the safest course")',
    kind: 'exhortation',
    pattern: lazyPattern(
      String.raw`^(?:[\p{L}-]+\s+){0,3}?[\p{L}-]{3,}(?:tion|sion|ment|ral|ing|up|ups|al)\b[^,;.]{0,60}?\b(?:is|are|remains?|seems?)\s+(?:(?:\p{L}+ly|therefore|thus|also|still|often)\s+)*(?:the\s+(?:(?:best|safest|wisest|surest|simplest|first|most\s+(?:important|useful|sensible|prudent))\s+)(?:step|course|option|approach|measure|thing|way|policy|action)|(?:essential|mandatory|advisable|wise|prudent|sensible|crucial|vital|paramount|indispensable|worthwhile|imperative|key)\b)`,
      'iu',
    ),
    examples: {
      leaves: ['Prompt referral to a burns unit is the safest course.', 'Careful follow-up of these children is essential.', 'A repeat examination after six weeks seems prudent.'],
      claims: ['Surgical drainage is the treatment of choice for large abscesses.', 'Vitamin K is essential for the synthesis of clotting factors.'],
    },
  },
  {
    // A study proposed: a study, trial, registry… as the subject of a verb of use in the
    // conditional or future ("A national registry would help to …", "Randomised trials would be
    // welcome"), or the object of a verb of need ("… deserves a randomised comparison", "… is a
    // matter for a trial"): whatever its modifiers, what is wanted is research, not a finding.
    name: 'a study proposed ("a registry would help")',
    kind: 'exhortation',
    pattern: lazyPattern(
      String.raw`(?:^|[,;:]\s*)(?:[\p{L}-]+\s+){0,4}?(?:stud(?:y|ies)|research|investigations?|trials?|data|work|series|registr(?:y|ies)|databases?|cohorts?|comparisons?|audits?)\b[^,;.]*?\b(?:would|could|might|will)\s+(?:(?:\p{L}+ly|also|certainly)\s+)?(?:help|allow|enable|clarify|establish|answer|settle|tell|determine|define|show|be\s+(?:welcome|useful|valuable|helpful|needed|required|necessary|desirable|informative|worthwhile|of\s+(?:value|interest|use)))\b` +
        String.raw`|\b(?:deserves?|merits?|warrants?|calls?\s+for|awaits?|(?:is|are|remains?)\s+a\s+(?:matter|question|task|subject)\s+for)\s+(?:a|an|further|more|additional|larger|proper|formal|future)?\s*(?:[\p{L}-]+\s+){0,2}?(?:stud(?:y|ies)|trials?|comparisons?|evaluations?|investigations?|research)\b`,
      'iu',
    ),
    examples: {
      leaves: ['An international registry would help to define the outcome of these children.', 'Controlled trials of the two doses would be welcome.', 'Whether the drug shortens the illness deserves a proper trial.'],
      claims: ['Trials have shown that the drug shortens the illness.', 'Registry data show a fall in deaths since 2010.'],
    },
  },
  {
    // "This will help clinicians recognise…": what the report is for.
    name: 'what the report is for ("help clinicians")',
    kind: 'exhortation',
    pattern: lazyPattern(String.raw`\b(?:help|helps|allow|allows|enable|enables|remind|reminds|alert|alerts|encourage|encourages|aid|aids|assist|assists|guide|guides)\s+(?:the\s+|other\s+|fellow\s+|treating\s+)?(?:clinicians?|physicians?|doctors?|surgeons?|readers?|practitioners?|colleagues|radiologists?|pathologists?|neurologists?|specialists?|health\s*care\s+(?:workers|providers|professionals))\b`, 'iu'),
    examples: { leaves: ['This will help clinicians recognise a treatable cause of cramps.'] },
  },
  {
    // The paper talking about itself: "Here we present…", "In this report we describe…".
    name: 'the paper itself ("here we present")',
    kind: 'paper',
    pattern: lazyPattern(String.raw`(?<=(?:^|[,;:]\s*)(?:(?:here(?:in)?|in\s+this\s+(?:paper|report|article|case\s+report|study|patient)|hereby|below|further(?:more)?|finally|also|then|thus|therefore)\s*,?\s+)*)we\s+(?:(?:also|herein|hereby|now|briefly|further|then|therefore|hence|thus|additionally|first|have)\s+)*(?:present(?:ed)?|report(?:ed)?|describe[d]?|discuss(?:ed)?|review(?:ed)?|highlight(?:ed)?|summari[sz]e[d]?|outline[d]?|illustrate[d]?|share[d]?|searched|(?:performed|conducted)\s+a\s+(?:[\p{L}-]+\s+)?(?:literature\s+)?(?:search|review))\b`, 'iu'),
    examples: {
      leaves: ['Here we present a man whose cramps preceded weakness by two years.', 'In this report, we also review the incidence of cramps in older adults.'],
      claims: ['As we report cramps in 40% of patients with the disease, treatment matters.'],
    },
  },
  {
    // "A case of … is described.", "… are discussed together with the literature.", "… are
    // reviewed briefly": the present passive of a verb of writing is the paper's unless what
    // follows makes it a finding (a place, a group, an agent, a manner: "… is described in 40%
    // of patients", "… by several authors", "… as worse at night", "… mainly in young men").
    name: 'the paper itself ("… is described")',
    kind: 'paper',
    pattern: lazyPattern(String.raw`\b(?:is|are)\s+(?:(?:here|herein|also|briefly|hereby|then|further)\s+)*(?:presented|described|discussed|reviewed|summari[sz]ed|illustrated|highlighted|outlined)\b(?!\s+(?:(?:\p{L}+ly|often|also|mainly|most|first)\s+)*(?:in(?!\s+(?:this|the\s+present|the\s+light|the\s+context|detail|brief|turn|the\s+(?:following|next|discussion)|relation\s+to\s+(?:this|our|the\s+present))\b)|among|by|as|from|after|following|during|within|at|on|when|if|with(?!\s+(?:a\s+)?(?:brief\s+|short\s+)?review)|to\s+(?:be|occur|cause|have|affect|involve|respond|recur)|more|less|mostly|only|chiefly|predominantly|usually|typically|frequently|rarely)\b)`, 'iu'),
    examples: {
      leaves: [
        'A case of cramp-fasciculation syndrome is described.',
        'The causes of cramps in older adults are discussed together with the literature.',
        'The case is presented because of its unusual course.',
        'The imaging findings are discussed in the light of earlier reports.',
        'The options for treatment are reviewed briefly.',
      ],
      claims: ['Cramps are described in 40% of patients with the disease.', 'The syndrome is described mainly in young men.', 'Such cramps are described as worse at night.'],
    },
  },
  {
    // "A 40-year-old man with cramps after a marathon is reported.": the case the paper presents.
    name: 'the paper itself ("a case of … is reported")',
    kind: 'paper',
    pattern: lazyPattern(String.raw`^(?:(?:here(?:in)?|in\s+this\s+(?:paper|report|article)|below),?\s+)?(?:a|an|the|two|three)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:case|cases|patient|patients|man|woman|boy|girl|child|infant|neonate|family|siblings)\b[^.;]*?\b(?:is|are)\s+(?:(?:here|herein|also|briefly|hereby)\s+)*(?:reported|presented|described)\s*(?:[.;:]|$|(?=\s+(?:here|herein|below|in\s+(?:this|the\s+present)\s+(?:paper|report|article))\b))`, 'iu'),
    examples: {
      leaves: ['A 40-year-old man with cramps after a marathon is reported.', 'Herein, two siblings with the same mutation are presented.'],
      claims: ['A case of cramps after the vaccine is reported in the literature.', 'A similar association is reported.'],
    },
  },
  {
    // Consent and ethics: the paper's own paperwork ("The family has given written consent.").
    name: 'consent and ethics of the report',
    kind: 'paper',
    pattern: lazyPattern(String.raw`\b(?:(?:(?:written|informed|verbal)\s+)*consent\s+(?:(?:was|has\s+been|had\s+been|were)\s+)?(?:obtained|given|provided|signed|sought|granted)|(?:has|have|had)\s+(?:also\s+)?(?:given|provided|signed)\s+(?:(?:their|her|his)\s+)?(?:(?:written|informed|verbal)\s+)*consent|consent\s+(?:for|to)\s+(?:publication|publish)|(?:ethical|ethics)\s+(?:approval|committee|review|board)|institutional\s+review\s+board)\b`, 'iu'),
    examples: { leaves: ['Written consent for publication is held by the journal.', 'Ethical approval is not required for a single case report.'] },
  },
  {
    // The paper pointing at its figures and tables ("The images in Figure 4 are from…"): the
    // present tense alone makes no claim there.
    name: 'what a figure or table holds',
    kind: 'comment',
    pattern: lazyPattern(String.raw`^(?:the\s+)?(?:[\p{L}-]+\s+)?(?:images?|pictures?|photographs?|scans?|radiographs?|values?|results?|data|findings|timeline|details|slides?|sections?)\s+(?:in|of|shown\s+in|given\s+in|listed\s+in)\s+(?:fig(?:ure)?s?\.?\s*|tables?\s+|videos?\s+)(?:S?\d+|[A-Z]\b)`, 'iu'),
    examples: { leaves: ['The histology slides in Figure 3 are from the second operation.'], claims: ['The findings in Table 2 are typical of the disease.'] },
  },
  {
    // The paper defining its own words ("Here, early means within 48 hours."): no fact.
    name: 'the paper\'s own terms ("here, early means")',
    kind: 'paper',
    pattern: lazyPattern(String.raw`\b(?:here|in\s+this\s+(?:report|paper|article|review|series)|throughout\s+(?:this\s+(?:report|paper|article)|the\s+text))\s*,?\s+(?:[\p{L}'"\u2018\u2019\u201c\u201d-]+\s+){1,4}?(?:refers?\s+to|means|denotes|stands\s+for|is\s+used\s+(?:for|to\s+mean))\b`, 'iu'),
    examples: { leaves: ['Here, recurrence means a new lesion after six months.'], claims: ['Recurrence means a new lesion after a disease-free interval, as defined by the consensus.'] },
  },
  {
    // The authors' own literature search, hedged novelty included ("We found no similar case.",
    // "To our knowledge, this is the first reported case").
    name: "the authors' literature search",
    kind: 'paper',
    pattern: lazyPattern(
      String.raw`\b(?:search|review)(?<=\b(?:a|the|our)\s+(?:[\p{L}-]+\s+){0,2}?(?:literature\s+)?\p{L}+)\s+(?:of\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:literature|databases?|pubmed|medline)\s+)?(?:was|were|has\s+been)\s+(?:performed|conducted|carried\s+out|done|undertaken|made)` +
        String.raw`|\bwe\s+(?:(?:were|are)\s+(?:unable|not\s+able)\s+to\s+(?:find|identify|locate|trace)|(?:could|did)\s+not\s+(?:find|identify|locate|trace)|found\s+no|failed\s+to\s+(?:find|identify|locate)|(?:are|were)\s+not\s+aware\s+of)\b` +
        String.raw`|\bto\s+(?:the\s+best\s+of\s+)?our\s+knowledge,?\s+(?:no\b|none\b|there\s+(?:is|are|has\s+been|have\s+been)\s+no\b|(?:this|it|ours|the\s+present\s+(?:case|report)|our\s+(?:case|patient|report))\s+(?:is|was|represents?)\s+(?:also\s+)?(?:only\s+)?the\s+(?:first|second|third|fourth|fifth|\p{L}+th)\b)` +
        String.raw`|\b(?:this|it)\s+is,?\s+to\s+(?:the\s+best\s+of\s+)?our\s+knowledge,?\s+the\s+(?:first|second|third|fourth|fifth|\p{L}+th)\b` +
        // "…, to our knowledge, the first reported case" wherever it stands (the rewording overstated-claim offers).
        String.raw`|\bto\s+(?:the\s+best\s+of\s+)?our\s+knowledge,?\s+(?:(?:also|only)\s+)?the\s+(?:first|second|third|fourth|fifth|\p{L}+th)\b`,
      'iu',
    ),
    examples: {
      leaves: [
        'We found no similar case in the literature.',
        'To our knowledge, this is the first reported case of cramps after the vaccine.',
        'Ours is to our knowledge, the first reported case of cramps after the vaccine.',
        'A literature search of PubMed was performed for cramp syndromes.',
      ],
      claims: ['The search for a cause of cramps is usually fruitless.'],
    },
  },
  {
    // The authors' own series told in the past tense: its figures are this report's data.
    name: "the authors' own patients (past tense)",
    kind: 'own-data',
    pattern: lazyPattern(String.raw`\b(?:patients|cases|siblings|children)\b(?<=\b(?:our|these|both|all\s+(?:three|four|five|six|\d+)|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+(?:[\p{L}-]+\s+)?\p{L}+)|\b(?:series|cohort|sample|experience|clinic|cent(?:re|er)|department|unit|practice)\b(?<=\b(?:in|of|from)\s+our\s+(?:(?:own|case|patient|local|institutional)\s+)?\p{L}+)|\bcases?\s+\d+\b|\b(?:case|patient)s?\b(?<=\bthe\s+(?:first|second|third|fourth|other)\s+\p{L}+)|^the\s+patients\b`, 'iu'),
    examples: {
      leaves: ['In our three patients the mean age at onset was 61 years.', 'Except for case 1, the other cases had normal creatine kinase.', 'In our cohort, 40% of patients responded to quinine.'],
      caseLeaves: ['The patients were four women and two men with a mean age at diagnosis of 58 years.'],
      claims: ['In patients like ours, the mean age at onset is 60 years.', 'In a Dutch study, these patients were treated with quinine.'],
    },
  },
  {
    // The authors weigh this case's findings: "The normal creatine kinase makes a myopathy
    // unlikely.", "Given the negative serology, an autoimmune cause is unlikely." A sentence that
    // opens on a definite finding or a "given"/"without" phrase and whose verb weighs a diagnosis.
    name: "the authors' reasoning about this case (\"makes a myopathy unlikely\")",
    kind: 'comment',
    pattern: lazyPattern(String.raw`^(?:(?:however|thus|therefore|hence|so|also|moreover|furthermore|indeed|finally|again|in\s+addition),?\s+)?(?:(?:the|this|that|these|those|such|its|their|a|an)\s|(?:given|without|with|despite|in\s+the\s+absence\s+of|because\s+of|since|as)\b)[^;]*?\b(?:(?:seems?|appears?|is|are|looks?|remains?|becomes?)\s+(?:(?:possible|conceivable)\s+but\s+)?(?:(?:therefore|thus|also|then|very|highly|most|less|more|rather|quite|far|even)\s+)*(?:unlikely|likely|improbable|probable|implausible)(?!\s+to\b)|argues?\s+(?:against|for)|speaks?\s+(?:for|against)|rules?\s+out|makes?\s+(?:[\p{L}-]+\s+){1,4}?(?:unlikely|likely|improbable|less\s+likely|more\s+likely)|(?:cannot|can\s+not|could\s+not)\s+(?:be\s+)?(?:(?:completely|entirely|fully|definitely|definitively|formally)\s+)?(?:excluded|ruled\s+out))`, 'iu'),
    examples: {
      leaves: [
        'The normal creatine kinase makes a myopathy unlikely.',
        'Given the negative serology, an autoimmune cause is unlikely.',
        'A vascular cause seems unlikely given the normal angiogram.',
        'A genetic cause is possible but less likely.',
        'A paraneoplastic origin cannot be excluded.',
      ],
      claims: ['The normal creatine kinase makes a myopathy unlikely, as myopathies are usually painful.', 'The disease is likely to recur in older adults.'],
    },
  },
  {
    // This case told again in the present, looking back on it ("In hindsight, the first scan
    // already shows the lesion."): the authors retell their case; a claim word still counts ("In
    // retrospect, fractures of the scaphoid are usually visible on the first film."). Not "Here",
    // which may mean this place as well as this case ("Here, most infections are caught from
    // dogs.").
    name: 'this case looked back on ("in hindsight, the first scan shows")',
    kind: 'comment',
    pattern: lazyPattern(String.raw`^\s*(?:in\s+(?:hindsight|retrospect)|with\s+hindsight|looking\s+back)(?:\s*,\s*|\s+)`, 'iu'),
    examples: {
      leaves: ['In retrospect, the cough is the first sign of the relapse.', 'Looking back, the skin biopsy gives the answer.'],
      claims: ['In retrospect, fractures of the scaphoid are usually visible on the first film.', 'Here, most infections are caught from dogs.'],
    },
  },
  {
    // A finding of this case fitted to a diagnosis, in a sentence that opens on a definite noun
    // phrase: "The raised lactate is compatible with…", "These features point to…"; but "A raised
    // lactate is compatible with…" is a general statement. (An entry of its own: its trigger
    // words are rarer than "is", so it runs only where they stand.)
    name: "the authors' reasoning about this case (\"is compatible with\")",
    kind: 'comment',
    pattern: lazyPattern(String.raw`^(?:(?:however|thus|therefore|hence|so|also|moreover|furthermore|indeed|finally|again|in\s+addition),?\s+)?(?:the|this|that|these|those|such|its|their)\s[^;]*?\b(?:(?:is|are)\s+(?:(?:also|therefore|thus|then|fully|entirely|most|more|less|not|very|highly|strongly|well)\s+)*(?:consistent\s+with|compatible\s+with|in\s+keeping\s+with|in\s+line\s+with|suggestive\s+of|indicative\s+of|(?:best\s+|probably\s+|partly\s+)?explained\s+by)|(?:points?|pointed)\s+(?:to|towards)|(?:suggests?|indicates?|implies)\s+(?:a|an)\b|(?:fits?|favou?rs?)\s+(?:a|an|the)\b|(?:does|do)\s+not\s+(?:exclude|rule\s+out))`, 'iu'),
    examples: {
      leaves: [
        'The raised lactate is compatible with a mitochondrial disorder.',
        'These features point to a toxic cause.',
        'The delay in diagnosis is explained by the mild symptoms.',
        'The timing suggests a post-infectious process.',
        'The normal MRI does not exclude an inflammatory cause.',
      ],
      claims: ['A raised lactate is compatible with a mitochondrial disorder.', 'A normal MRI does not exclude an inflammatory cause.'],
    },
  },
  {
    // "The most likely explanation is a drug reaction.", "Sarcoidosis remains a possibility.",
    // "The main differential diagnosis is sarcoidosis.": a diagnosis weighed is this case's; like
    // "this case", it blocks every cue that is not strong.
    name: 'a diagnosis weighed ("the most likely explanation")',
    kind: 'report',
    // Each alternative opens on its rarest word ("likely", "possibility", "differential") and looks behind for the rest, so that the pattern runs only where that word stands.
    pattern: lazyPattern(String.raw`\b(?:(?:likely|probable|plausible)\s+(?:diagnosis|diagnoses|explanation|explanations|cause|aetiology|etiology|mechanism)(?<=\b(?:most|more|less)\s+\p{L}+\s+\p{L}+)|possibility(?<=\b(?:remains?|is)\s+(?:a|the\s+(?:main|only|other))\s+\p{L}+)|differential(?<=\bthe\s+(?:main|principal|chief|first|most\s+important)\s+\p{L}+)(?:\s+diagnosis)?\s+(?:is|was|includes?|remains))\b`, 'iu'),
    examples: {
      leaves: ['The most likely explanation is a drug reaction.', 'Sarcoidosis remains a possibility.', 'The main differential diagnosis is sarcoidosis.'],
      claims: ['The most common explanation is a drug reaction.'],
    },
  },
  {
    // "It is possible that…", "This may be a coincidence.", "There are several possible
    // explanations.": the authors hedge or speculate; no fact is stated.
    name: 'hedged speculation ("it is possible that")',
    kind: 'comment',
    pattern: lazyPattern(String.raw`\b(?:it\s+is\s+(?:(?:also|therefore|thus|however|still|quite|very|highly|more|less|most|not)\s+)*(?:possible|conceivable|plausible|likely|unlikely|probable|tempting|interesting|noteworthy|notable|remarkable|worth|surprising|unclear|uncertain|not\s+(?:clear|known|certain)|difficult\s+to\s+(?:say|know|tell|determine|exclude|establish))\s+(?:that|whether|if|to|noting|mentioning)|there\s+(?:are|is)\s+(?:(?:several|many|two|three|other|a\s+few|some|various|a\s+number\s+of)\s+)?(?:possible|plausible|alternative|potential)\s+(?:explanations?|reasons?|mechanisms?|interpretations?)|(?:is|are)\s+(?:also\s+)?(?:worth|worthy\s+of)\s+(?:noting|mentioning|emphasi[sz]ing|stressing|highlighting|note|mention|comment)|(?:deserves?|merits?)\s+(?:(?:special|particular|further|brief|some|a\s+brief)\s+)?(?:comment|mention|discussion|attention|emphasis|consideration)|\b(?:explains?|accounts?\s+for)\s+(?:why|how)\s+(?:[^.;,]*?\s)?(?:was|were|had|did)\b|^(?:why|how)\b(?=[^;]*\b(?:unclear|uncertain|unknown|hard|difficult|impossible|not\s+(?:clear|known|certain)|cannot\s+be\s+(?:known|said|determined|explained|answered))\b)|(?:will|would|may|might)\s+(?:show|tell|reveal|determine|clarify)\s+(?:whether|if)|^time\s+will\s+tell|(?:may|might|could|would)\s+(?:not\s+)?(?:also\s+)?have\s+(?:been|\p{L}+ed|\p{L}+en|made|done|led|shown|prevented|changed|helped)|(?:the\s+reader|readers|one|some|critics)\s+(?:may|might|could|would)\s+(?:well\s+)?(?:ask|wonder|question|argue|object)|(?:several|many|two|three|four|other|various|a\s+few|some|different)\s+(?:explanations?|reasons?|mechanisms?|interpretations?|possibilities|hypotheses|scenarios)\s+(?:are|seem|appear)\s+(?:(?:equally|also|therefore)\s+)?(?:possible|plausible|conceivable)|there\s+(?:is|remains)\s+(?:(?:always|also|still|thus|therefore)\s+)*(?:the|a|some)\s+(?:(?:small|remote|real|distinct)\s+)?possibility|(?:several|many|some|other|two|three)\s+(?:questions|issues)\s+remain|^whether\b|\b(?:the|one|a|an\s+open)\s+question\s+(?:is|arises|remains)|(?:is|are|remains?)\s+(?:still|as\s+yet|yet\s+to\s+be)\s+(?:undefined|unclear|unknown|uncertain|unsettled|defined|established|not\s+(?:well\s+)?(?:defined|established|known|understood|clear)))\b`, 'iu'),
    examples: {
      leaves: [
        'It is possible that the two conditions are linked.',
        'It is unclear whether the drug played a role.',
        'There are several possible explanations.',
        'Two interpretations are possible for the rise in calcium.',
        'The timing of the second episode is worth noting.',
        'Longer follow-up will show whether the remission lasts.',
        'An earlier endoscopy might have shortened the admission.',
        'The reader may wonder why no biopsy was taken.',
        'There is always the possibility of a second cause.',
        'Whether the drug played a role is unclear.',
        'The question is whether the vaccine had a part in it.',
        'The best dose of steroids in this situation is still unclear.',
        'Three features of the history merit comment.',
        'How the toxin reached the nerve is difficult to say.',
        'Dehydration may explain why the first scan was normal.',
      ],
      claims: ['It is possible that smoking causes the relapse.', 'Steroids may have a role in severe cases.'],
    },
  },
  {
    // "This may be a coincidence.", "This has implications for management.": a demonstrative
    // alone as the subject points back at the case or the previous sentence.
    name: 'a demonstrative as the subject ("this may be")',
    kind: 'comment',
    pattern: lazyPattern(String.raw`^(?:(?:however|thus|therefore|hence|so|also|moreover|furthermore|indeed|again|in\s+turn|taken\s+together|altogether|overall),?\s+)?(?:this|that|these|those|it(?=\s+(?:is|may|might|could)\s+(?:(?:also|therefore|thus)\s+)?(?:probably|possibly|likely|most\s+likely|perhaps|conceivably)\s+(?:be\s+)?(?:a|an|the)\b))\s+(?:(?:also|probably|possibly|likely|further|again|therefore|thus|may|might|could|would|can|in\s+turn)\s+)*(?:is|are|may|might|could|would|can|has|have|suggests?|indicates?|shows?|supports?|means|implies|raises|highlights?|underlines?|emphasi[sz]es?|illustrates?|reflects?|confirms?|seems?|appears?|remains?)\b`, 'iu'),
    examples: {
      leaves: ['This has implications for management.', 'This may be a coincidence.', 'This is a case of a man with cramps.', 'It is probably a drug reaction.'],
      claims: ['This is a rare cause of cramps.', 'It is probably underdiagnosed in older adults.'],
    },
  },
  {
    // "Early recognition is crucial.", "A high index of suspicion is required.": advice to the
    // reader, in the present tense; a cue in it still counts.
    name: 'advice ("early recognition is crucial")',
    kind: 'comment',
    pattern: lazyPattern(String.raw`\b(?:it\s+is\s+(?:(?:therefore|thus|also|very|extremely|particularly|especially|most|always|of\s+(?:the\s+)?(?:utmost|great|paramount|prime)|all\s+the\s+more)\s+)*(?:important|essential|crucial|vital|imperative|paramount|critical|necessary|mandatory|importance|advisable|wise|prudent)\s+(?:to|that|for\s+(?:clinicians|physicians|doctors|surgeons|the\s+clinician))|(?:early|prompt|timely|rapid|accurate|correct|careful|close|regular|long-term|appropriate)\s+(?:[\p{L}-]+\s+)?(?:recognition|diagnosis|identification|treatment|management|follow-up|monitoring|referral|intervention|surveillance|evaluation)\s+(?:(?:is|are|remains?)\s+(?:(?:therefore|thus|also|very|extremely|particularly|especially|most)\s+)*(?:important|essential|crucial|vital|imperative|paramount|critical|necessary|mandatory|key|required|needed|advisable|warranted)|(?:of|in)\s+(?:(?:these|such|all)\s+)?patients\s+(?:is|are)\s+(?:important|essential|crucial|vital|critical|necessary|mandatory|required|needed))|^(?:(?:a|an|the)\s+)?(?:careful|thorough|detailed|meticulous|complete|systematic|comprehensive)\s+(?:[\p{L}-]+\s+)?(?:history|examination|assessment|evaluation|work-?up|search)\s+(?:(?:of|for|in)\s+[^,;]*?\s)?(?:is|are|remains?)\b|(?:high|low)\s+(?:index|level|degree)\s+of\s+(?:clinical\s+)?suspicion\s+(?:is|are|should\s+be|must\s+be)\s+(?:(?:therefore|thus|also|always)\s+)*(?:required|needed|necessary|essential|important|warranted)|should\s+(?:(?:always|also|therefore)\s+)*(?:prompt|raise|trigger)|awareness\s+of\s+(?:[\p{L}-]+\s+){0,4}?(?:is|are)\s+(?:(?:therefore|thus|also|very|extremely|particularly|especially|most)\s+)*(?:important|essential|crucial|vital|key|critical|necessary|needed|required)|(?:will|would)\s+be\s+(?:needed|required|necessary))\b`, 'iu'),
    examples: {
      leaves: ['Early recognition is crucial.', 'A high index of suspicion is required to make the diagnosis.', 'Such cases should prompt a search for an underlying tumour.', 'A thorough travel history is the key to the diagnosis.'],
      claims: ['Surgery is necessary in most cases.', 'Vitamin D is essential for bone health.'],
    },
  },
  {
    // "The response has been good so far.", "Follow-up is ongoing.": this patient's course, told
    // in the present tense in the Discussion.
    name: "this patient's course so far (\"at the last visit\")",
    kind: 'comment',
    pattern: lazyPattern(String.raw`\b(?:so\s+far|since\s+then|to\s+this\s+day|at\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:last|latest|most\s+recent)\s+(?:visit|follow-up|review|contact|consultation)|is\s+ongoing|(?:is|are)\s+(?:(?:now|currently|still)\s+)?(?:planned|scheduled|awaited|pending|under\s+way|underway|being\s+(?:planned|considered|arranged))|(?:is|remains)\s+(?:(?:now|currently|still)\s+)?(?:alive\s+and\s+well|asymptomatic|symptom-free|free\s+of\s+(?:symptoms|recurrence|relapse|disease))(?=\s*(?:[.;,]|$|\s+(?:at|after|since|and|with|on|two|three|four|five|six|\d)))|remains\s+(?:well|stable|in\s+remission|under\s+(?:follow-up|review|observation))|(?:has|have)\s+(?:(?:also|now|since|already|not|so\s+far)\s+)*been\s+(?:excluded|ruled\s+out|started|initiated|stopped|discontinued|withdrawn|tapered|arranged|scheduled|planned)|(?:will|shall)\s+(?:then\s+|also\s+)?be\s+(?:performed|offered|repeated|undertaken|arranged|scheduled|done|re-?operated))\b`, 'iu'),
    examples: {
      leaves: [
        'The response to treatment has been good so far.',
        'Follow-up is ongoing.',
        'At the last visit, the cramps have not returned.',
        'A repeat nerve conduction study is planned.',
        'Two years on, she remains free of symptoms.',
        'Steroids have now been tapered.',
        'If the cyst refills, a second aspiration will be offered.',
      ],
      claims: ['Relapses are frequent so far as the literature tells.'],
    },
  },
  {
    // "The main limitation is the short follow-up.": the authors on their own report.
    name: 'a limitation of the report',
    kind: 'comment',
    pattern: lazyPattern(String.raw`\b(?:(?:the|a|one|another|main|major|chief|important|further|second|first)\s+)+limitations?\s+(?:is|was|of|here|lies)\b|^limitations\s+(?:include|are)\b`, 'iu'),
    examples: { leaves: ['The main limitation is the lack of genetic testing.'], claims: ['A major limitation of nerve conduction studies is their low sensitivity.'] },
  },
  {
    // "It is unclear whether quinine cures cramps": what follows "whether" is asked, not stated;
    // a weak cue after it, up to the next comma or clause break, does not count (a strong one
    // does: "whether the incidence is rising"; and "Whether or not surgery is performed,
    // recurrence is common" still states that recurrence is common).
    name: 'an open question ("unclear whether")',
    kind: 'question',
    pattern: lazyPattern(String.raw`\b(?:whether\b|(?:unclear|unknown|uncertain|clear|known|certain)\s+(?:if|how|why)\b(?<=\b(?:unclear|unknown|uncertain|not\s+(?:clear|known|certain))\s+\p{L}+))`, 'iu'),
    examples: {
      leaves: ['It is unclear whether quinine cures cramps.', 'It is not known if magnesium reduces the cramps.'],
      caseLeaves: ['It is unclear whether quinine cures cramps.'],
      claims: ['It is unclear whether quinine cures cramps, but cramps are common in older adults.', 'Whether or not surgery is performed, recurrence is common.'],
    },
  },
  {
    name: 'figure or table call-out',
    kind: 'skip',
    pattern: lazyPattern(String.raw`^(?:\(?\s*(?:see\s+|as\s+(?:shown|seen|summari[sz]ed)\s+in\s+)?(?:fig(?:ure)?s?(?:\.\s*|\s+)|(?:tables?|video|supplementary|appendix)\s+)(?:S?\d+|[A-Z]\b))`, 'iu'),
    examples: { leaves: ['Figure 2 shows the axial MRI.'] },
  },
];

/**
 * Clauses judged on their own (by the cues, not by the present-tense fallback) when the
 * sentence as a whole is about this patient or this report.
 */
/**
 * People in general as a clause's subject ("asplenic patients are", "children with asthma
 * have"): no determiner, so not "the patients" or "both children".
 */
const GENERIC_PEOPLE = String.raw`(?!(?:the|our|these|those|both|all|two|three|her|his|their)\b)(?:[\p{L}-]+\s+){0,2}?(?:patients|people|persons|children|adults|women|men|infants|neonates|individuals|smokers)\s+(?:with\s+(?:[\p{L}-]+\s+){1,3}?)?(?:are|have|can|may|do|does|need|develop|tolerate|respond)\b`;
/** "They" as a drug or a class, with a present modal or "do" ("as they do not improve outcome"). */
const THEY_PRESENT = String.raw`they\s+(?:do|can|cannot|may|might|must|seldom|rarely|often|usually)\b`;
/** People in general named anywhere in a clause ("because outcomes are better in young patients"): not this patient's state. */
const IN_PEOPLE = String.raw`[^,;.]*?\b(?:in|among)\s+(?:(?:most|many|some|all|young|younger|old|older|elderly|adult|pregnant|such)\s+)?(?:patients|people|children|adults|women|men|infants|neonates)\b`;
/**
 * A bare plural as a clause's subject ("since wounds contaminated with soil carry a high risk"):
 * things of a kind, not this patient's (after "since", not a time: "since steroids were stopped"
 * is then judged past).
 */
const BARE_PLURAL = String.raw`(?!(?:is|was|has|this|thus|its|his|hers|days|weeks|months|years|hours|times|then|childhood|us)\b)(?!\p{L}*ss\b)\p{L}{3,}s\s`;
/** A share of a population as a clause's subject ("up to 20% of such fractures", "most of them"). */
const SHARE = String.raw`(?:(?:up\s+to|about|around|over|nearly|almost|roughly|only)\s+)?(?:\d+(?:\.\d+)?\s?%|(?:one|two)\s+in\s+\d|most|many|the\s+majority)\s+of\b`;

/**
 * A clause's subject of up to three words (not this patient's: no possessive, no time) before
 * "does", "do", a modal: the present tense of a verb with do-support or a modal is no passing
 * state ("since normal imaging does not exclude …", "since the test can miss …").
 */
const DO_PRESENT = String.raw`(?!(?:she|he|her|his|their|its|our|we|they|then|birth|childhood|infancy|admission|surgery|discharge|\d)\b)(?:[\p{L}-]+\s+){1,3}?(?:does|do|can|cannot|may|will|must)\s+(?:not\s+)?\p{L}`;

/** The kind named with "the" as a clause's subject ("as the drug is cleared by the kidneys", "since the disease is inherited"). */
const KIND_IS = String.raw`the\s+(?:disease|syndrome|condition|disorder|infection|drug|virus|bacterium|organism|mutation|variant)\s+(?:is|are|can)\s`;

/**
 * Places and services a patient lives, works or is treated in ("a village, which is 50 km from
 * …", "a local hospital, which does not have …"): a relative clause on one tells the setting of
 * this case, not a medical fact.
 */
const PLACE_WORDS: readonly string[] = ['village', 'town', 'city', 'hospital', 'clinic', 'centre', 'center', 'unit', 'ward', 'department', 'factory', 'farm', 'school', 'nursery', 'home', 'house', 'flat', 'practice', 'company', 'mine', 'workshop', 'office', 'laboratory'];
/** A measurement with a unit in a clause (", which is set to a tidal volume of 400 mL"): this case's figure. Units in lower case: a pattern naming a capital letter cannot run on the lower-cased sentence. */
const MEASURED = String.raw`[^,;]*?\d\s*(?:mm|cm|km|m|ml|dl|l|kg|g|mg|µg|mcg|mmol|µmol|mmhg|bpm)\b`;

/** A bare plural after up to two modifiers ("calcium antagonists are", "anti-inflammatory drugs can"), no determiner. */
const MODIFIED_PLURAL = String.raw`(?!(?:the|a|an|this|that|these|those|her|his|their|its|our|both|all|each|two|three|four|some|several|many|no)\b)(?:[\p{L}-]+\s+){0,2}?${BARE_PLURAL}`;

export const CLAIM_CLAUSES: readonly ClaimClause[] = [
  {
    // A non-restrictive relative clause has its own subject: a general fact (its claim words
    // judged on their own; the present-tense clause below, judged whole, leaves out forms such
    // as ", which has", ", which will").
    name: 'relative clause (", which prolongs")',
    when: 'patient',
    // Not the authors' inference from this case (", which suggests that…").
    notAfter: new Set(PLACE_WORDS),
    pattern: lazyPattern(String.raw`,\s+which\s+(?!(?:\p{L}+ly\s+)?(?:suggests?|indicates?|implies|means|shows?|supports?|confirms?|argues?|points?|favou?rs?)\b)(?=(?:\p{L}+ly\s+)?(?:is|are|has|have|can|may|might|will|\p{L}+s)\b)`, 'u'),
    examples: {
      caseClaims: ['He was started on valproate, which will often cause weight gain.'],
      caseLeaves: ['She received riluzole, which was stopped after a month.', 'She recovered on quinine alone, which suggests that her variant causes a milder disease.', 'She was referred to our clinic, which is a centre for rare diseases.'],
    },
  },
  {
    // In a case section (or in a sentence about this patient anywhere: the patient's story), a
    // relative clause in the present tense inside the past-tense story is
    // a general fact whatever the sentence is about ("The tumours were phosphaturic mesenchymal
    // tumours, which cause osteomalacia."); judged as a sentence of its own. Not the authors'
    // inference (", which suggests…") nor a finding fitted to a diagnosis (", which is
    // consistent with…"), nor a past verb ending in -s ("was") or a clause dated "ago".
    name: 'a relative clause in the present tense (", which causes")',
    when: 'case',
    // The clause keeps its "which" (the subject of an -s form read first as a noun, "peaks").
    notAfter: new Set([...FINDING_WORDS, ...PLACE_WORDS]),
    pattern: lazyPattern(String.raw`,\s+(?=which\s+(?!${MEASURED}|(?:is|are)\s+(?:\p{L}+ly\s+)?(?:changed|set|worn|kept|taken|given|used|applied|adjusted|repeated|checked|measured|monitored|continued|renewed|replaced|emptied|flushed)\s+(?:every|each|daily|twice|once|weekly|monthly|hourly|at\s+night|\d)|(?:\p{L}+ly\s+)?(?:suggests?|indicates?|implies|means|shows?|supports?|confirms?|argues?|points?|favou?rs?|explains?|reflects?|measures?|weighs?|spans?|reveals?|demonstrates?|yields?|detects?|finds?|recommends?|raises?\s+(?:the\s+|a\s+)?(?:suspicion|possibility|question|concern)|(?:is|are)\s+being|(?:is|are)\s+(?:(?:strongly|weakly|diffusely|focally|also)\s+)?(?:positive|negative|immunoreactive|indicative|suggestive|suspicious)\b|(?:is|are)\s+(?:not\s+)?(?:(?:in)?consistent|compatible|suggestive|(?:typical|characteristic|indicative|diagnostic|reminiscent)\s+of\s+(?:her|his|their|this|our|a|an)\b|in\s+keeping|still|now|currently|due|attributed|located|situated|shown|seen|depicted))\b)(?:\p{L}+ly\s+)?(?:is|are|can|may|might|does|do|(?!(?:was|has|this|thus|as)\b)\p{L}+s|(?<=\p{L}[^siu\W]s,\s+which\s+(?:\p{L}+ly\s+)?)(?!(?:were|had|have|did|could|would|should|she|he|we|they|you|it|i|the|a|an|this|that|her|his|our|their|in|on|at|of|for|to|with|by|from|not|also|then|now|later|again|still)\b)(?!\p{L}+(?:ed|ing|ly|en)\b)\p{L}{3,})\b(?![^,;]*\bago\b))`, 'iu'),
    examples: {
      claims: ['Our patient received riluzole, which prolongs survival in this disease.'],
      caseClaims: ['She had two of the classic risk factors, which include smoking and a family history.', 'Her age of 40 fitted the tumour, which peaks in the fifth decade.', 'The larvae were identified as Anisakis simplex, which is a rare pathogen in humans.', 'Gliclazide was replaced by sitagliptin, which does not cause weight gain.'],
      caseLeaves: ['The sodium was 129 mmol/L, which is consistent with the syndrome.', 'A cyst was found in the left kidney, which is shown in Figure 2.', 'The polyp, which bleeds on contact, was removed at endoscopy.', 'A cast was applied to the arm, which measures 20 cm around the elbow.', 'A biopsy was taken, which reveals granulomas.', 'An MRI is obtained, which finds a lesion in the pons.', 'He lives in a village, which is two hours from the nearest hospital.', 'The wound was dressed with alginate, which is changed every two days.', 'She was put on a ventilator, which delivers 400 mL a breath.', 'The biopsy showed spindle cells, which are positive for CD34.', 'The tests show a raised CRP, which is indicative of infection.', 'She received riluzole, which was stopped after a month.', 'He had a fall, which is a fracture of the wrist two years ago.', 'She had several ulcers, which bleed on contact.', 'He was given two tablets, which he swallowed whole.', 'The results, which we sent to the family, were normal.'],
    },
  },
  {
    // In a case section, an apposition (", a titre found in many healthy women", ", the usual
    // first choice for …") describes a thing as things of its kind are: its claim words are
    // judged as outside the case sections (their tense no longer matters), its present tense
    // alone makes no claim (", a mass that is 3 cm wide"). The patient's own words in it still
    // keep it out (", a rare finding in our patient group").
    name: 'an apposition (", a titre found in many")',
    when: 'case',
    cuesOnly: true,
    // An indefinite noun phrase that goes on to say where or in whom it is found (not ", the
    // majority of tubules showed", a clause; nor ", a rare benign fasciitis", this patient's
    // diagnosis), with no finite verb of its own.
    pattern: lazyPattern(String.raw`,\s+(?=(?:a|an)\s+(?:[\p{L}\d-]+,?\s+){0,4}?(?:found|seen|used|given|known|observed|reported|described|of|in|among|from|for|with|after)\s)(?!(?:a|an)\s+(?:[\p{L}\d-]+\s+){1,4}?(?:was|were|had|did|is|are|has|have)\b)`, 'iu'),
    examples: {
      caseClaims: ['Her ferritin was 600 µg/L, a level seen in many women with fatty liver.', 'He had eaten raw pork, a source of trichinosis in many people.'],
      caseLeaves: ['A mass was found in the pancreas, a lesion that is 4 cm wide.', 'Her cramps began at night, a time when she usually slept well.'],
    },
  },
  {
    // In a case section, an apposition that holds a clause of its own in the present tense
    // (", an enzyme that converts uric acid to allantoin", ", an organism which mainly infects
    // …") says what things of its kind do: judged as a sentence of its own. Not one that names
    // the patient's finding (", a lesion that compresses the ureter"), nor a measurement (", a
    // mass that is 3 cm wide"), nor a clause in the past or present perfect (", a drug that she
    // had taken").
    name: 'an apposition with a clause of its own (", an enzyme that converts")',
    when: 'case',
    pattern: lazyPattern(String.raw`,\s+(?=(?:a|an)\s+(?:[\p{L}\d-]+\s+){0,4}?(?:that|which)\s+(?:(?:\p{L}+ly|often|also|mainly|usually|always|seldom)\s+)?(?:(?:is|are)\s+(?!(?:[\p{L}-]+\s+){0,2}?\d)|can\b|may\b|does\b|do\b|(?!(?:is|was|has|this|thus|as|its|his)\b)\p{L}+s\b))(?!(?:a|an)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:${FINDINGS})\b)`, 'iu'),
    examples: {
      caseClaims: ['She was given rasburicase, an enzyme that converts uric acid to allantoin.', 'The swab grew Nocardia, an organism which mainly infects people with weak immunity.', 'She had taken amiodarone, a drug that often causes thyroid disease.'],
      caseLeaves: ['A nodule was seen in the right lobe, a lesion that compresses the trachea.', 'A mass was found in the pancreas, a tumour that is 4 cm wide.', 'He took ibuprofen, a drug that he had used for years.'],
    },
  },
  {
    // In a case section, an apposition whose clause opens on a preposition and "which" (", a
    // level at which seizures become likely", ", a dose below which the drug has no effect")
    // says what holds of things of its kind: what follows "which" is judged as a sentence of its
    // own (its tense decides: ", a time at which she was asleep" states nothing). Not a clause
    // about the patient.
    name: 'an apposition with a clause after a preposition (", a level at which")',
    when: 'case',
    pattern: lazyPattern(String.raw`,\s+(?:a|an)\s+(?:[\p{L}\d-]+\s+){0,3}?(?:at|in|by|below|above|beyond|under|over|from|with)\s+which\s+(?=(?!(?:she|he|her|his|they|their|we|our|the\s+(?:patient|family))\b)[\p{L}\d-]+)`, 'iu'),
    examples: {
      caseClaims: ['Her potassium was 7.1 mmol/L, a level at which arrhythmias become likely.', 'He took 2 g a day, a dose above which the liver is at risk.'],
      caseLeaves: ['Her cramps began at 3 am, a time at which she was usually asleep.', 'He was moved to a ward, a unit in which the nurses knew him.'],
    },
  },
  {
    // A reason given as a general fact in the patient's story: "Levetiracetam was chosen because
    // it has few interactions.", "…, since the risk of PML rises after two years." Not the
    // patient's own state ("because she is pregnant", "since it has resolved", "because the
    // sodium is low"): a clause about the patient, in the present perfect or with "is"/"are"
    // (mostly the state of this patient), is not one.
    name: 'a reason stated as a general fact (", since it has")',
    when: 'case',
    //
    // "it is" + what is not a passing state ("because it is teratogenic", not "because it is
    // still draining"), and a share of a population ("since up to 20% of such fractures are
    // missed") are general however they are told; "as" gives a reason when "it" or such a share
    // follows it ("as it blocks the receptor"), not when a past verb does ("as it was late").
    pattern: lazyPattern(
      String.raw`(?:^|[,;]\s*|\s)(?:because(?!\s+of\b)|since(?=\s+(?:(?:it|they|this|these|such|the\s+(?:risk|rate|incidence|chance|likelihood|probability|odds)\s+of)\b|${SHARE}|${GENERIC_PEOPLE}|${BARE_PLURAL}|${KIND_IS}|(?!(?:the|a|an|this|that|these|those|it|its|there|one|no|some)\b)[\p{L}-]{4,}\s+(?:can|cannot)\s+be\s|${DO_PRESENT}))|as(?=\s+(?:it\s+(?!(?:was|had|did|would|could|might|\p{L}+ed|is\s+(?:now|still|currently|no\s+longer|not\s+yet|already|\p{L}+ing))\b)|${SHARE}|${GENERIC_PEOPLE}|${THEY_PRESENT}|${KIND_IS}|${MODIFIED_PLURAL}(?:\p{L}+ly\s+)?(?:are|can|cannot|do|does)\s)))\s+` +
        String.raw`(?:(?=${THEY_PRESENT})|(?!(?:she|he|her|his|him|they|their|them|we|our|the\s+patient|the\s+family)\b))` +
        String.raw`(?:(?=it\s+is\s+(?!(?:now|still|currently|no\s+longer|not\s+yet|already|\p{L}+ing)\b)\p{L})|(?=${SHARE})|(?=${MODIFIED_PLURAL}(?:\p{L}+ly\s+)?(?:are|can|cannot|do|does)\s+(?!(?:now|still|currently|no\s+longer|not\s+yet|already|\p{L}+ing)\b))|(?=the\s+(?:disease|syndrome|condition|disorder|infection|drug|virus|bacterium|organism|mutation|variant)\s+(?:is|are|can)\s+(?!(?:now|still|currently|no\s+longer|not\s+yet|already|\p{L}+ing|\p{L}+ed\s+(?:in|on)\s+(?:her|his|their|the\s+patient))\b))|(?=(?!(?:the|a|an|this|that|these|those|it|its|there|one|no|some)\b)[\p{L}-]{4,}\s+(?:can|cannot)\s+be\s+\p{L})|(?=${GENERIC_PEOPLE})|(?=${THEY_PRESENT})|(?=${IN_PEOPLE})|(?!(?:[\p{L}\d-]+\s+){0,5}?(?:(?:has|have)\s+(?:(?:now|still|since|already|just|also)\s+)?(?:been|become|gone|\p{L}+ed|\p{L}+en)|is|are|isn't|aren't)\b))`,
      'iu',
    ),
    examples: {
      caseClaims: [
        'Lamotrigine was chosen because it needs no titration.',
        'An MRI was done, since a normal CT does not exclude a small infarct.',
        'Natalizumab was stopped, since the risk of brain infection rises after two years of treatment.',
        'Valproate was avoided because it is teratogenic.',
        'An MRI was done, since up to 30% of these lesions are invisible on CT.',
        'Amiloride was added, as it blocks the epithelial sodium channel.',
        'She was vaccinated against influenza, as pregnant women are at higher risk of severe illness.',
        'Antibiotics were withheld, as they do not shorten viral bronchiolitis.',
        'Plasma exchange was chosen because responses are faster in younger adults.',
        'Her ferrets were rehomed, since ferrets carry influenza.',
        'Ibuprofen was avoided because NSAIDs are harmful in late pregnancy.',
        'Nifedipine was avoided because calcium antagonists are poorly tolerated in heart failure.',
        'She was offered counselling, since the disease is inherited in a recessive pattern.',
        'He was screened before rituximab, since reactivation can be fatal.',
        'The dose was adjusted, as the drug is cleared by the kidneys.',
        'A lipid profile was checked, as statins are less effective in familial hypercholesterolaemia.',
      ],
      caseLeaves: [
        'Lamotrigine was chosen because she is planning a pregnancy.',
        'The splint was removed since the wound has healed.',
        'Physiotherapy was continued because the weakness is improving.',
        'The scan was repeated because it was blurred.',
        'The dose was reduced because the sodium is low.',
        'It has been a year since the operation, and there has been no relapse.',
        'Because of the bleeding risk, the biopsy was deferred.',
        'The drain was left in because it is still draining.',
        'The dose was halved as it was late in the evening.',
        'The visit was moved, as they could not travel that week.',
        'Surgery was delayed because both children are unwell.',
        'The dose was halved because the tablets are too large for her.',
        'She has been well since steroids were stopped.',
        'The dose was reduced because the infection is resolving.',
      ],
    },
  },
  {
    // The patient named only to compare ("As in our patient, the disease usually…"): what
    // follows the comma is said of the disease, and its claim words count.
    name: 'a comparison with this patient ("as in our patient,")',
    when: 'this case',
    pattern: lazyPattern(String.raw`^\s*(?:as\s+(?:in|with|was\s+the\s+case\s+(?:in|with))|like|similar\s+to|unlike)\s+(?:(?:in\s+)?(?:our|the\s+present|this)\s+)(?:patient|case)s?\s*,\s*`, 'iu'),
    examples: {
      claims: ['As in our patient, the tumour usually presents with painless haematuria.', 'As in our case, the cyst is usually found by chance.'],
      leaves: ['As in our patient, the pain was relieved by sitting forward.'],
    },
  },
  {
    // This patient named only in an aside at the end ("…, though our patient had never
    // smoked."): the main clause before it is judged on its own.
    name: 'an aside about this patient (", though our patient")',
    when: 'patient',
    whole: true,
    judges: 'before',
    // (Opens on the conjunction, so that it is tried only where one stands; the comma before it
    // stays with the main clause.)
    pattern: lazyPattern(String.raw`(?<=\S,?\s)(?:though|although|even\s+though|whereas|while|but|as\s+(?:in|with|was\s+the\s+case\s+(?:in|with))|unlike|like)\s+(?:[^,;]*?\s)?(?:our|this|the\s+present)\s+(?:[\p{L}-]+\s+)?(?:patient|case)\b[^,;]*$`, 'iu'),
    examples: {
      claims: ['Smoking is a further risk factor, though our patient had never smoked.', 'The fever usually settles within a day, but our patient had fever for a week.', 'Another cause is a drug reaction, although our patient took no drugs.'],
      leaves: ['The fever settled within a day, as in our patient.'],
    },
  },
  {
    // The authors' framing verb before a statement that is judged on its own.
    name: 'the authors\' framing ("we postulate that")',
    when: 'report',
    pattern: lazyPattern(String.raw`\bwe\s+(?:(?:also|therefore|thus|now|strongly|would|further)\s+)*(?:postulate|believe|think|propose|suggest|hypothesi[sz]e|speculate|assume|presume|conclude|argue|infer|feel)\s+that\s+`, 'iu'),
    examples: {
      claims: ['We postulate that some older adults with cramps have a subclinical neuropathy.'],
      leaves: ['We postulate that the cramps in our patient were neuropathic.'],
    },
  },
];

/**
 * What a sentence's only present-tense verb may frame (structure.ts reads it from the words
 * around the verb): outside the case sections its present tense alone then makes no claim, as
 * the frame states nothing general itself. Read last, when nothing else has decided the sentence.
 */
export const CLAIM_FRAMES: readonly ClaimFrame[] = [
  {
    // "is that", "may be that", "is because" before a clause in the past tense: the authors
    // weigh what happened in this case.
    name: 'a frame around what happened ("it may be that … was")',
    reads: 'clause',
    content: 'past',
    examples: {
      leaves: ['The likely reason is that the tablets were crushed before use.', 'It may be that the infusion ran too fast.'],
      claims: ['It seems that the virus persists in the ganglia.'],
    },
  },
  {
    // "It is likely that", "It is interesting that" before a clause in the present tense: the
    // hedge frames a statement of its own, which makes the claim.
    name: 'a hedge before a statement ("it is likely that … drives")',
    reads: 'clause',
    content: 'present',
    opens: ['that'],
    states: true,
    examples: {
      claims: ['It is possible that the virus persists in the ganglia.'],
      leaves: ['It is possible that the virus persisted in the ganglia.', 'It is unclear whether the virus persists in the ganglia.'],
    },
  },
  {
    // "remains possible", "is unlikely" with a reason in the past tense after it.
    name: 'a possibility weighed from what happened ("remains possible, as … was")',
    reads: 'judgement',
    content: 'past',
    examples: {
      leaves: ['A drug reaction remains possible, as the rash began after the first dose.'],
      claims: ['Spontaneous recovery is possible, as the nerve grows about a millimetre a day.'],
    },
  },
  {
    // "It pays to …", "It helps to …": a course of action weighed for the reader.
    name: 'a course of action weighed ("it helps to")',
    reads: 'infinitive',
    examples: {
      leaves: ['It helps to weigh the feet at each visit.'],
      claims: ['It tends to recur within a year of surgery.'],
    },
  },
  {
    // A noun of the argument as the subject's head ("the answer", "several points"), before a
    // form of "be" or a verb of its own: the authors reason about their case.
    name: 'the argument as the subject ("the question is")',
    reads: 'argument',
    examples: {
      leaves: ['The main lesson is a simple one.', 'Two caveats apply.', 'The case teaches two things.', 'Both readings are plausible.'],
      claims: ['The main complication is a wound infection in one patient in ten.'],
    },
  },
  {
    // The present perfect of a subject with an article or possessive, since a past event: this
    // case's course so far.
    name: 'the course since an event ("has not recurred since … was")',
    reads: 'course',
    examples: {
      leaves: ['The swelling has not recurred since the cyst was drained.'],
      claims: ['Survival has improved since rituximab was introduced.'],
    },
  },
  {
    // The reader told what to do in the passive ("Clinicians are encouraged to …"), or what any
    // such case calls for ("Any such child merits …").
    name: 'the reader told what to do ("readers are advised to")',
    reads: 'advice',
    examples: {
      leaves: ['Physicians are urged to report such reactions.', 'Every such fall merits an x-ray of the hip.', 'A talk on this subject deserves a slot in the induction of new nurses.'],
      claims: ['Physicians are often reluctant to prescribe opioids.', 'Fever in a neutropenic adult warrants antibiotics within the hour.'],
    },
  },
  {
    // A subject that weighs a possibility ("one likely cause"), a form of "be", then a definite
    // noun phrase: the authors name a candidate in their case. Not a mechanism or cause named
    // for a kind of patient ("… is a fall in cardiac output", "… is the loss of …").
    name: 'a candidate named in this case ("one likely cause is the …")',
    reads: 'weighed',
    weighsDiagnosis: true,
    examples: {
      leaves: ['One plausible source is the well water on the farm.', 'The probable culprit is the new herbal tea.'],
      claims: ['The likely mechanism is the loss of inhibitory neurons in the cord.', 'One likely cause is a fall in cardiac output.'],
    },
  },
  {
    // "Against …" or "In favour of …" opening the sentence, before a form of "be": the authors
    // weigh a diagnosis of their case, the thing weighed placed first.
    name: 'what tells for or against a diagnosis ("against a stroke is …")',
    reads: 'against',
    weighsDiagnosis: true,
    examples: {
      leaves: ['In favour of a viral cause is the cough that preceded the rash.', 'Against gout is the normal urate level.', 'Against a late-onset form is the young age at onset.'],
      claims: ['Against influenza, yearly vaccination is the most effective protection.'],
    },
  },
  {
    // The present passive with a place in the paper: what the paper shows where.
    name: 'where the paper shows it ("are listed below")',
    reads: 'paper',
    examples: {
      leaves: ['The doses are given in Table 2.', 'The criteria are set out below.'],
      claims: ['Dantrolene is given in malignant hyperthermia.'],
    },
  },
];

/**
 * Back-matter headings that hold no claims (matched after lower-casing, numbering and
 * punctuation removed, by prefix): declarations, contributions, funding...
 */
export const SKIPPED_HEADINGS: readonly string[] = [
  'abbreviations', 'list of abbreviations', 'acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment',
  'competing interests', 'conflict of interest', 'conflicts of interest', 'declaration of interest', 'declarations',
  'disclosure', 'disclosures', 'funding', 'financial support', 'sources of funding', 'authors contributions',
  'author contributions', 'authors contribution', 'contributors', 'author information', 'authors information',
  'availability of data', 'data availability', 'ethics', 'ethical approval', 'ethics approval', 'consent',
  'supplementary material', 'supplementary materials', 'additional files', 'keywords', 'key words', 'affiliations',
  'correspondence', 'references', 'bibliography', 'notes', 'footnotes', 'orcid',
];

/** A run-in label that opens an abstract written without a heading: "**Abstract** Lymphocytic colitis...". */
export const ABSTRACT_RUN_IN = /^\s*(?:abstract|summary)(?:\s*[:.\u2014\u2013-]|\s+(?=\p{Lu}))/iu;

/** Run-in labels of a structured abstract ("Background:", "Case presentation", "Conclusions"). */
export const ABSTRACT_PART_RUN_IN =
  /^\s*(?:background|introduction|objectives?|aims?|context|case\s+(?:presentation|report|description|summary)s?|presentation\s+of\s+cases?|methods?|results?|findings|discussion|conclusions?|learning\s+points?|importance|observations?|relevance)(?:\s*[:.\u2014\u2013-]|\s+(?=\p{Lu}))/iu;

/** A keywords line ("Keywords: ALS, cramps") holds no sentences to check. */
export const KEYWORDS_RUN_IN = /^\s*key\s*-?\s*words?\s*[:.]/iu;

/**
 * A citation still to be found ("[citation needed]", "[ref]", "[?]"): the sentence is not
 * reported again; the `placeholder` rule reports the marker until it is filled in.
 */
export const PENDING_CITATION = /\[(?:citations?(?:\s+needed)?|refs?(?:\s+needed)?|references?(?:\s+needed)?|cite|source|\?)\]/i;
