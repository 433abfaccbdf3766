/**
 * Word lists for finding names and places: the bundled name and place lists (data/, generated
 * from npm data packages by scripts/identifier-data.ts) and the words written here that are
 * capitalised in case reports without naming anyone: eponyms, organisms, tests and scales,
 * nationalities, the generic words of institution names.
 *
 * The small lists are split into sets on first use, not when the module loads; the three large
 * generated ones (given names, surnames, places) are searched where they stand (sortedList).
 */
import { COMMON_WORD_NAMES } from './data/common-word-names';
import { GIVEN_NAMES } from './data/given-names';
import { PLACES } from './data/places';
import { REGIONS } from './data/regions';
import { SURNAMES } from './data/surnames';

function lazySet(build: () => Iterable<string>): () => ReadonlySet<string> {
  let set: Set<string> | undefined;
  return () => (set ??= new Set(build()));
}
/**
 * A generated list (data/: names joined by "|", sorted by code unit, no duplicates) read where it
 * stands: `has` is a binary search over the string, its answer kept per word. A check of the
 * bench manuscript asks about ~470 different words of the three large lists (~25,000 names);
 * splitting them into sets took ~3 ms of every CLI run, the searches take a fraction of that.
 */
export function sortedList(data: string): () => Pick<ReadonlySet<string>, 'has'> {
  const known = new Map<string, boolean>();
  const search = (w: string): boolean => {
    // lo: the start of an entry (or past the end); hi: the end of one (its "|", or data.length).
    let lo = 0;
    let hi = data.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = data.lastIndexOf('|', mid - 1) + 1;
      let end = data.indexOf('|', start);
      if (end < 0) end = data.length;
      const entry = data.slice(start, end);
      if (entry === w) return true;
      if (entry < w) lo = end + 1;
      else hi = start - 1;
    }
    return false;
  };
  const list = {
    has(w: string): boolean {
      let found = known.get(w);
      if (found === undefined) known.set(w, (found = search(w)));
      return found;
    },
  };
  return () => list;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const bars = (s: string) => s.split('|');

/** Names that are also ordinary words, capitalised at the start of a sentence or in a title. */
const MORE_COMMON_WORD_NAMES = words(`
  Will May June April August Rose Grace Hope Faith Joy Iris Ivy Holly Ruby Amber Crystal Coral Jade Pearl Dawn Summer Autumn
  Winter Sky Rain Storm River Brook Forest Heather Daisy Lily Violet Poppy Jasmine Olive Hazel Willow Sage Basil Rosemary
  Mark Bill Art Frank Guy Sue Pat Ray Bob Jack Penny Sandy Carol Rich Chance Sunny Patience Prudence Charity Mercy Constance
  Earnest Noble Royal Prince Major King Duke Earl Baron Marshal Deacon Bishop Pope Page Hunter Fisher Cooper Mason Porter
  Carter Taylor Turner Walker Parker Baker Butler Miller Smith Young Long Short Small Little Strong Wise Moody Best Good
  Black White Green Gray Grey Brown Reed Rose Wood Woods Hill Hall Lane Field Fields Park Ford Bank Banks Street Church
  Marsh Moss Stone Rock Glen Dale Cliff Wells Waters Rivers Lake Ocean Bay Cross Bell Case Chase Hart Fox Wolf Lamb Bird
  Swan Crane Drake Finch Robin Wren Hawk Bear Buck Hogg Sparrow Nash Price Rich Cash Gold Silver Steel Iron Stark Sharp
  Love Loving Bliss Gay Happy Merry Jolly Early Late Christmas Easter Noel Sunday Monday Friday Tuesday Wednesday Thursday
  Saturday January February March October November December Spring Fall Miles Power Powers Law Guard Ward Gale Hale Kind
  Minor Major Lord Lady Master Sister Brother Mother Father Son Baby Child Doctor Nurse Said Even Ever Van Von Del Della
  Don Dean Jean Gene Eugene Sonny Norm Norma Alma Vita Mary Amen Cole Rice Wheat Corn Barley Rye Oakley Oak Ash Elm Birch
  Lime Lemon Orange Cherry Apple Berry Plum Peach Honey Candy Candida Cinnamon Ginger Pepper Clove Saffron Myrtle Fern
  Laurel Juniper Cedar Aspen Acacia Magnolia Camellia Dahlia Petunia Zinnia Lotus Lavender Marigold Primrose Posy Clay
  Flint Slate Rocky Stormy Misty Cloud Sol Star Nova Luna Aurora Vesta Venus Mercury Mars Jupiter Atlas Echo Angel Angela
  Angelo Divine Destiny Trinity Genesis Eden Zion Messiah Nevaeh Heaven Mecca Paris London Sydney Florence Victoria
  Austin Dallas Houston Phoenix Savannah Georgia Carolina Virginia Dakota Montana Nevada Madison Jackson Lincoln Washington
  Kent Devon Chester Preston Clifton Ashley Brighton Kingston Hampton Warwick Stanford Oxford Cambridge Harvard Yale
`);

export const isCommonWordName = lazySet(() => [...bars(COMMON_WORD_NAMES), ...MORE_COMMON_WORD_NAMES]);
export const isGivenName = sortedList(GIVEN_NAMES);
export const isSurname = sortedList(SURNAMES);
export const isPlaceName = sortedList(PLACES);
/** Countries, continents, states and provinces (not identifiers), with the British nations and some regions. */
export const isRegion = lazySet(() => [
  ...bars(REGIONS),
  ...words('England Scotland Wales Ireland Britain UK USA US America Europe Africa Asia Oceania Antarctica Scandinavia Siberia'),
  'Northern Ireland', 'Great Britain', 'United Kingdom', 'United States', 'North America', 'South America', 'Latin America',
  'Central America', 'Middle East', 'Far East', 'South Asia', 'East Asia', 'Southeast Asia', 'South East Asia', 'West Africa',
  'East Africa', 'North Africa', 'South Africa', 'Sub-Saharan Africa', 'Central Africa', 'Eastern Europe', 'Western Europe',
  'the Caribbean', 'Caribbean', 'Mediterranean', 'Balkans', 'Sahara', 'Amazon', 'Himalayas', 'Andes', 'Alps', 'Sahel',
  'Mainland China', 'Hong Kong', 'Macau', 'Macao', 'Taiwan', 'Puerto Rico', 'Greenland', 'Tasmania', 'Sicily', 'Sardinia',
  'Corsica', 'Crete', 'Cyprus', 'Bavaria', 'Catalonia', 'Andalusia', 'Lombardy', 'Tuscany', 'Quebec', 'Ontario', 'Punjab',
  'Kashmir', 'Bengal', 'Kerala', 'Tamil Nadu', 'Gujarat', 'Rajasthan', 'Maharashtra', 'Karnataka', 'Sindh', 'Balochistan',
  'Khyber Pakhtunkhwa', 'Anatolia', 'Kurdistan', 'Flanders', 'Wallonia', 'Brittany', 'Normandy', 'Provence', 'Patagonia',
]);

/** Demonyms and other capitalised words of origin, religion and language: not identifiers. */
export const isNationality = lazySet(() =>
  words(`
  African American Americans Asian Asians European Europeans Hispanic Latino Latina Latinx Caucasian Caucasians Arab Arabic
  Afghan Albanian Algerian Angolan Argentine Argentinian Armenian Australian Austrian Azerbaijani Bangladeshi Belgian
  Beninese Bolivian Bosnian Brazilian British Bulgarian Burmese Cambodian Cameroonian Canadian Chilean Chinese Colombian
  Congolese Croatian Cuban Czech Danish Dutch Ecuadorian Egyptian English Eritrean Estonian Ethiopian Filipino Finnish
  French Gabonese Gambian Georgian German Ghanaian Greek Guatemalan Guinean Haitian Honduran Hungarian Icelandic Indian
  Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish
  Kuwaiti Lao Laotian Latvian Lebanese Liberian Libyan Lithuanian Malagasy Malawian Malaysian Malian Maltese Mexican
  Moldovan Mongolian Moroccan Mozambican Namibian Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani
  Palestinian Panamanian Paraguayan Persian Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Saudi
  Scottish Senegalese Serbian Sierra Leonean Singaporean Slovak Slovenian Somali Spanish Sri Lankan Sudanese Swedish Swiss
  Syrian Taiwanese Tajik Tanzanian Thai Togolese Tunisian Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan
  Vietnamese Welsh Yemeni Zambian Zimbabwean Aboriginal Maori Māori Inuit Native Indigenous Roma Romani Sami Berber Tuareg
  Bedouin Han Hmong Zulu Xhosa Yoruba Igbo Hausa Fulani Amhara Oromo Tigrayan Somali Ashkenazi Sephardic Sephardi Jewish
  Muslim Christian Catholic Protestant Orthodox Hindu Sikh Buddhist Jain Mormon Amish Mennonite Hutterite Quaker Anglican
  Baptist Methodist Lutheran Evangelical Pentecostal Jehovah Witness Witnesses Islamic Arabic Hebrew Hindi Urdu Bengali
  Punjabi Tamil Telugu Marathi Gujarati Kannada Malayalam Swahili Mandarin Cantonese Spanish Creole Pashto Dari Farsi
  Nordic Scandinavian Slavic Mediterranean Balkan Caribbean Pacific Atlantic Arctic Celtic Gaelic Anglo Saxon Western
  Eastern Northern Southern Central
`),
);

/** Eponyms and other names that stand for a disease, a sign, a test, a scale or an organism, not a person. */
export const isEponym = lazySet(() =>
 words(`
 Guillain Barré Barre Parkinson Parkinson's Alzheimer Alzheimer's Babinski Hoffmann Hoffman Huntington 
 Hashimoto Hodgkin Kaposi Ewing Horner Wernicke Korsakoff Broca Lewy Creutzfeldt Jakob Charcot
 Duchenne Gowers Romberg Lhermitte Tinel Phalen Kernig Brudzinski Lasègue Lasegue Trendelenburg Chvostek Trousseau
 McBurney Rovsing Kussmaul Cheyne Apgar Wegener Churg Strauss Kawasaki Takayasu Behçet Behcet Sjögren
 Sjogren Raynaud Reiter Stevens Lyell Mallory Weiss Zenker Meckel Hirschsprung Whipple Billroth Nissen
 Ladd Kocher Pfannenstiel Ganz Doppler Ziehl Neelsen Giemsa Papanicolaou Coombs Mantoux
 Widal Snellen Schirmer Tensilon Epley Hallpike Valsalva Heimlich Wechsler Folstein Rinne Jendrassik Argyll
 Adie Parinaud Wallenberg Dejerine Roussy Tolosa Bickerstaff Devic Schilder
 Marchiafava Bignami Binswanger Moyamoya Sturge Hippel Lindau Klippel Feil Chiari Dandy Tourette Rett Angelman
 Prader Willi Klinefelter Noonan Marfan Ehlers Danlos Tay Gaucher Fabry Niemann Krabbe Canavan Pelizaeus
 Merzbacher Kearns Sayre Friedreich Refsum Menkes Lesch Nyhan Zellweger Dravet Lennox Gastaut Landau Kleffner
 Rasmussen Ohtahara Jacksonian Ménière Meniere Ramsay Pancoast Virchow Krukenberg Courvoisier Conn Bartter Gitelman
 Liddle Fanconi Alport Goodpasture Henoch Schönlein Schonlein Buerger Budd Dubin Crigler Najjar Caroli
 Mirizzi Boerhaave Plummer Vinson Peutz Jeghers Turcot Cowden Zollinger Ellison Sheehan Kallmann Laron
 Hurler Sanfilippo Morquio Pompe McArdle Wolff Brugada Lown Ganong Levine Jervell Osler Rendu Janeway Libman Sacks
 Duroziez Quincke Corrigan Traube Dressler Lutembacher Eisenmenger Ebstein Fallot Blalock Taussig Fontan Norwood
 Jatene Bentall Heyde Homans Paget Schroetter Lyme Coxsackie Epstein Barr Norwalk Marburg Ebola Lassa Hendra Nipah Zika
 Chagas Burkitt Waldenström Waldenstrom Castleman Rosai Dorfman Langerhans Erdheim Kikuchi Fujimoto Sézary Sezary
 Auer Pappenheimer Döhle Pelger Huët Sternberg Aschoff Councilman Negri Hirano Rosenthal
 Gleason Breslow Dukes Masaoka Karnofsky Lugano Durie Fuhrman Nottingham Elston Spetzler Risser
 Salter Gustilo Neer Monteggia Galeazzi Colles Rolando Maisonneuve Lisfranc Chopart Segond Bankart 
 Schmorl Scheuermann Perthes Legg Calvé Calve Osgood Schlatter Köhler Kohler Freiberg Kienböck Kienbock Madelung Sprengel
 Dupuytren Peyronie Ledderhose Tietze Mondor Quervain Finkelstein Froment Wartenberg Spurling Adson Lachman
 McMurray Apley Gaenslen Yergason Roos Durkan Chaddock Oppenheim Rossolimo Trömner Tromner Unterberger Fukuda Halmagyi
 Frenzel Bárány Barany Semont Lempert Hutchinson Kayser Fleischer Koplik Forchheimer Nikolsky Auspitz Koebner Köbner Darier
 Wickham Gottron Mees Muehrcke Beau Kernohan Duret Gerstmann Balint Bálint Klüver Bucy Capgras Fregoli Cotard 
 Ganser Munchausen Münchausen Ondine Pickwickian Glasgow Bristol Montreal Addenbrooke Addenbrooke's Edinburgh Rochester
 Boston Denver Bayley Mini Mayo Rotterdam Sydney Manchester Ranson Pugh Geneva Caprini Padua Cockcroft Gault
 Friedewald Benedict Mifflin Jeor Clavien Dindo Glasgow-Blatchford Blatchford Rockall Alvarado Centor
 McIsaac Wilks Framingham Killip Browder Parkland Baux Kanavel
 Mallampati Cormack Lehane Macintosh Magill Guedel Seldinger Sengstaken Blakemore Minnesota Ryle 
 Redivac Hickman Broviac Groshong Tenckhoff Ilizarov 
 Gartland Salter-Harris Lauge Hansen Danis Schatzker Pauwels Seinsheimer Vancouver
 Letournel Judet Pipkin Lopresti Morrey Bado Delbet 
 Jakob Tillaux Shenton
 Hilgenreiner Kocher-Langenbeck Smith-Petersen Ortolani 
 Galeazzi Gaenslen Hurler Maroteaux 
 Candida Aspergillus Listeria Klebsiella Salmonella Shigella Escherichia Staphylococcus Streptococcus Enterococcus
 Pseudomonas Proteus Serratia Enterobacter Citrobacter Acinetobacter Haemophilus Neisseria Moraxella Legionella Mycoplasma
 Chlamydia Chlamydophila Rickettsia Borrelia Treponema Leptospira Brucella Bartonella Francisella Yersinia Vibrio
 Campylobacter Helicobacter Clostridium Clostridioides Bacillus Corynebacterium Nocardia Actinomyces Mycobacterium
 Cryptococcus Histoplasma Coccidioides Blastomyces Pneumocystis Mucor Rhizopus Toxoplasma Plasmodium Giardia Entamoeba
 Cryptosporidium Leishmania Trypanosoma Schistosoma Strongyloides Toxocara Taenia Echinococcus Ascaris Trichinella
 Wolbachia Kingella Eikenella Cardiobacterium Aggregatibacter Bordetella Pasteurella Capnocytophaga Veillonella
 Prevotella Bacteroides Fusobacterium Porphyromonas Peptostreptococcus Propionibacterium Cutibacterium Gardnerella
 Ureaplasma Tropheryma Coxiella Ehrlichia Anaplasma Babesia Naegleria Acanthamoeba Balamuthia Sporothrix Malassezia
 Trichophyton Microsporum Epidermophyton Fusarium Scedosporium Alternaria Penicillium Talaromyces Paracoccidioides
 Hepatitis Herpes Varicella Zoster Influenza Parainfluenza Adenovirus Rhinovirus Enterovirus Rotavirus Norovirus
 Cytomegalovirus Measles Mumps Rubella Dengue Chikungunya Rabies Polio Sars Covid Omicron Delta
`),
);

/** Capitalised words of medical writing and titles that never start a name. */
export const isMedicalOrStopWord = lazySet(() =>
  words(`
  The A An And Or But Of In On At To For From By With Without Within Into Onto Over Under After Before During Since Until
  Upon About Above Below Between Among Against Along Around Across Through Throughout Toward Towards Via Per Versus Vs
  He She His Her Him Hers They Them Their We Our Us I My Me You Your It Its This That These Those There Here Then Thus
  Hence However Although Though While Whereas When Where Which Who Whom Whose What Why How If Unless Because As So Also
  Both Either Neither Each Every All Any Some No None Not Only Just Yet Still Again Further Furthermore Moreover Finally
  First Second Third Fourth Fifth Next Last Later Earlier Initially Subsequently Eventually Meanwhile Overall Notably
  Interestingly Unfortunately Fortunately Importantly Similarly Likewise Otherwise Therefore Consequently Accordingly
  Patient Patients Case Cases Figure Figures Fig Figs Table Tables Panel Supplementary Appendix Video Box Chart Graph
  Abstract Introduction Background Methods Results Discussion Conclusion Conclusions Summary Keywords References
  History Examination Investigations Diagnosis Treatment Management Outcome Outcomes Follow Timeline Consent
  Hospital Hospitals Clinic Clinics Center Centre Department Dept Unit Ward Service Division Institute School College
  University Faculty Laboratory Lab Medical Medicine Health Healthcare Care Emergency Intensive General Regional District
  County Community National International Royal State Federal Central Municipal Provincial Teaching Tertiary Primary
  Secondary Public Private Memorial Children Children's Women's Veterans Affairs Trust Foundation Society Association
  Committee Board Council Review Ethics Ethical Institutional Research Group Study Trial Registry Network Program
  Programme Project Team Staff Surgery Surgical Neurology Neurological Neurosurgery Cardiology Oncology Radiology Pathology
  Pediatrics Paediatrics Pediatric Paediatric Psychiatry Psychiatric Dermatology Ophthalmology Orthopedics Orthopaedics
  Urology Nephrology Gastroenterology Hepatology Endocrinology Rheumatology Haematology Hematology Infectious Diseases
  Internal Family Obstetrics Gynecology Gynaecology Anesthesiology Anaesthesia Anesthesia Otolaryngology Pulmonology
  Respiratory Geriatrics Rehabilitation Physiotherapy Nursing Nurse Nurses Doctor Doctors Physician Physicians Surgeon
  Resident Residents Consultant Registrar Professor Mr Mrs Ms Miss Dr Prof Sir Dame Saint St Mount Mt Lake Lakes River Fort
  Disease Diseases Syndrome Syndromes Disorder Disorders Sign Signs Test Tests Score Scores Scale Scales Criteria Grade
  Grades Stage Stages Type Types Class Classes Level Levels Index Questionnaire Inventory Assessment Examination Battery
  Classification Guideline Guidelines Consensus Statement Recommendations Protocol Staging System Coma Cognitive Mental
  State Motor Sensory Neuropathy Myopathy Palsy Sclerosis Lateral Multiple Amyotrophic Lymphoma Leukemia Leukaemia
  Carcinoma Sarcoma Tumor Tumour Cancer Virus Viral Bacterial Fungal Infection Fever Acute Chronic Severe Mild Moderate
  Left Right Bilateral Anterior Posterior Superior Inferior Medial Upper Lower Total Partial Complete Normal Abnormal
  Positive Negative High Low Increased Decreased Elevated Reduced Diffuse Focal Isolated Rare Unusual Atypical Typical
  Novel New Old Early Late Recurrent Refractory Primary Idiopathic Congenital Acquired Hereditary Familial Sporadic
  Spontaneous Traumatic Post Pre Non Anti Magnetic Resonance Imaging Computed Tomography Ultrasound Ultrasonography
  Electromyography Electroencephalography Nerve Conduction Studies Blood Serum Plasma Urine Cerebrospinal Fluid Lumbar
  Puncture Biopsy Surgery Therapy Drug Drugs Dose Doses Day Days Week Weeks Month Months Year Years Hour Hours Minute
  Minutes Time Times Morning Evening Night Today Yesterday Tomorrow Clinical Diagnostic Differential Final Proposed
  Written Informed Verbal Oral Intravenous Subcutaneous Intramuscular Gene Genes Protein Proteins Receptor Antibody
  Antibodies Antigen Cell Cells Tissue Organ Brain Spinal Cord Heart Lung Lungs Liver Kidney Kidneys Skin Bone Bones
  Muscle Muscles Joint Joints Eye Eyes Ear Ears Nose Throat Head Neck Chest Abdomen Pelvis Arm Arms Leg Legs Hand Hands
  Foot Feet Male Female Man Woman Men Women Boy Girl Boys Girls Infant Infants Newborn Neonate Adult Adults Elderly
  Mother Father Parent Parents Son Daughter Brother Sister Husband Wife Partner Family Friend Relatives Sibling Siblings
  Grandmother Grandfather Aunt Uncle Cousin Twin Twins Baby Child Adolescent Teenager Student Worker Farmer Teacher
  Yes No Okay OK Please Thank Thanks Dear Hello Note Notes See Compare Adapted Source Legend Key Abbreviations
  English Latin Greek Arabic January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter Christmas Easter Ramadan
  North South East West Northern Southern Eastern Western Central Upper Lower Greater Inner Outer Old New Great Little
  Grand Big Small Long Short Black White Red Green Blue Yellow Golden Silver Sacred Holy Good Bad Best Worst Major Minor
  Index Mean Median Standard Deviation Range Ratio Rate Risk Odds Interval Confidence Significant Statistical
`),
);

/** Words of institution names that do not say which institution: "the University Hospital", "Memory Clinic". */
export const isGenericInstitutionWord = lazySet(() => [
  ...isMedicalOrStopWord(),
  ...words(`
  Memory Headache Epilepsy Stroke Movement Pain Fertility Sleep Diabetes Asthma Allergy Travel Vaccination Outpatient
  Outpatients Inpatient Walk-in Specialist Specialty Speciality Eye Dental Sexual Genetic Genetics Heart Trauma Burn Burns
  Neuroscience Neurosciences Sports Occupational Speech Language Hearing Wound Anticoagulation Transplant Transplantation
  Dialysis Renal Fracture Orthopaedic Orthopedic Ophthalmic Cardiac Cardiovascular Vascular Maternal Fetal Foetal Neonatal
  Perinatal Obstetric Youth Army Military Naval Navy Air Force Police Prison Rural Urban City Town Metropolitan Red Cross
  Crescent Referral Reference Base Cottage Field Mission Hospitals Practice Practitioner Practitioners Physicians Surgeons
  Neurological Neurologic Disorders Excellence Standards Quality Safety Prevention Control Communicable Tropical Mental
  Behavioral Behavioural Addiction Substance Abuse Alcohol Drug Poison Poisons Toxicology Blood Transfusion Organ Tissue
  Bank Imaging Diagnostic Diagnostics Laboratory Laboratories Pathology Radiotherapy Chemotherapy Palliative Hospice
  Nursing Home Homes Residential Long-term Acute Subacute Critical Day Night Minor Injuries Injury Urgent Rapid Access
  Multidisciplinary Integrated Comprehensive Advanced Specialised Specialized Affiliated Associated Academic Affiliate
  NHS VA ICU ED ER UK US USA EU Veterans Administration Sciences Science Technology Biomedical Biomedicine Translational
  Human Services Social Welfare Insurance Ministry Government Governmental Organization Organisation World Global
  American British European Asian African Pan Sector Accident Labour Labor Delivery Casualty Oral Maxillofacial
  Plastic Reconstructive Thoracic Abdominal Colorectal Hepatobiliary Breast Bariatric Spine Hand Skull Base Sleep
`),
]);

/**
 * Words after a name that make it an eponym or a term ("Wilson disease", "Bell palsy",
 * "Glasgow Coma Scale", "Lyme disease", "Philadelphia chromosome"), not a person or a place.
 */
export const isEponymHead = lazySet(() =>
  words(`
  Analyser Analyzer Assay Assessment Classification Cognitive Coma Consensus Criteria Developmental Disease
  Handedness Index Inventory Kit Naming Outcome Platform Prediction Prognostic Protocol Questionnaire Rating Scale
  Scanner Score Severity Staging Stool Subarachnoid Syndrome System Test Triage agar aneurysm angle ankle anomaly
  antibodies antibody antigen anxiety approach area artery bacillus bag battery blade block blockade bodies body
  brace broth canal carcinoma cast catheter cell cells chromosome circle clamp classification cognitive coil coma
  consensus criteria criterion culture curve cycle cyst cysts depression diet disc disease diseases diverticulum duct
  effect equation exercise exercises fasciculus fever filter forceps formula fracture fractures functional ganglion
  gene gland grade grading guideline guidelines gyrus handedness hernia hypothesis incision index inventory jaw knee
  law level levels ligament line lines lobe loop lymphoma malformation maneuver maneuvre manoeuvre mask medium
  membrane method model murmur mutation nail naming needle nerve node nodes nodule nucleus operation organ outcome
  palsy pathway pentad performance phenomenon pin pins plate plexus point position pouch principle procedure
  prognostic protocol pupil pupils questionnaire rating ratio receptor reflex reflexes regimen repair retractor ring
  risk rule rules sarcoma scale scales score scores screw screws sequence severity shunt sign signs sinus solution
  space splint spot spots stage staging stain staining stent stool strain strains sulcus syndrome syndromes system
  technique tendon test tests tetrad therapy tract traction translocation triad triangle tube tumor tumors tumour
  tumours type ulcer valve variant vein view virus viruses wire wires zone
`),
);
