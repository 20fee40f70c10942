import type { Candidate, Pass, PassContext } from "../../types";
import { TableColumns } from "../columns";
import { termFormKey } from "../terms";
import { emit, isDigit, PII } from "./common";
import { AMBIGUOUS, GIVEN, isAmbiguousSurname, MAX_NAME_LENGTH, NAME_HASH_SEED, nameHashStep, nameKind, nameKindOfCodes, NOT_LISTED, SURNAME } from "./nameTable";

/**
 * People's names. One walk over the capitalised words of the text; a word is a name when
 * - it is a known given name followed by a surname (`Camille Devaux`, `Vanessa P. Hertzog`,
 *   `Jean-Pierre Le Goff`, `Sarah O'Connor`), or a known given name alone that is not also a
 *   common word (`Glyceria`; `Rose` and `Pierre` need more);
 * - a title comes before it (`M.`, `Mme`, `Dr`, `Mr.`, `Madame`);
 * - context says so: a greeting (`Bonjour Camille,`), a phrase (`my name is`, `said`,
 *   `je m'appelle`), a field label (`Nom :`, `From:`, `Participants :`), a sign-off
 *   (`Best,` / `Cordialement,`), a chat speaker (`[10:02] Camille Devaux :`), a table or CSV
 *   column whose header says it holds names (`Nom`, `Contact`, `Name`), an `@mention`.
 * Then every part of a full name found, seen alone elsewhere in the text (`chez Devaux`), is
 * the same person. Code identifiers (`class Camille`, `Camille.create()`), months, weekdays,
 * brands and city names alone stay silent.
 */

/** A name list of the pass: membership of a lower-case word. */
interface NameList {
  has(lower: string): boolean;
}

let lists: { plain: NameList; ambiguous: NameList; surnames: NameList } | undefined;

/**
 * The lists read from the generated table (nameTable.ts), with this file's corrections: a
 * given name that is also a common word of NOT_NAMES is an ambiguous one, and no word of
 * NOT_NAMES or STOP is a surname. The corrections are checked only for a listed word.
 */
export function names(): { plain: NameList; ambiguous: NameList; surnames: NameList } {
  if (!lists) {
    const madeAmbiguous = new Set<string>();
    const notSurnames = new Set<string>(STOP);
    for (const w of NOT_NAMES) {
      if (nameKind(w) === GIVEN) madeAmbiguous.add(w);
      notSurnames.add(w);
    }
    lists = {
      plain: { has: (w) => nameKind(w) === GIVEN && !madeAmbiguous.has(w) },
      ambiguous: {
        has: (w) => {
          const kind = nameKind(w);
          return kind === AMBIGUOUS || (kind === GIVEN && madeAmbiguous.has(w));
        },
      },
      surnames: { has: (w) => nameKind(w) === SURNAME && !notSurnames.has(w) },
    };
    for (const w of TITLES) addToTable(w.toLowerCase());
    for (const w of STOP) addToTable(w);
    for (const w of SOFT) addToTable(w);
    for (const w of JOB_WORDS) addToTable(w);
  }
  return lists;
}

/**
 * Hashes (the name table's FNV-1a over the code units) of every title, stop word, soft word
 * and job word, lower case: open addressing, 0 = empty. With the name table, mayBeKnown tells
 * from a capitalised word's char codes, with no slice and no toLowerCase, that it is no name
 * of the lists and no such word; a collision here (rare at this load) only sends a word to the
 * slow path for nothing.
 */
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const KNOWN_HASHES = new Int32Array(1 << TABLE_BITS);

function addToTable(lower: string): void {
  let h = NAME_HASH_SEED;
  for (let i = 0; i < lower.length; i++) h = nameHashStep(h, lower.charCodeAt(i));
  h |= 1;
  let k = h & TABLE_MASK;
  while (KNOWN_HASHES[k] !== 0 && KNOWN_HASHES[k] !== h) k = (k + 1) & TABLE_MASK;
  KNOWN_HASHES[k] = h;
}

/** Lower case of code units above ASCII, worked out on first sight: 0 = not yet, 0xffff = not one code unit (`İ`) or context-dependent (`Σ`). */
const LOWER = new Uint16Array(65536);
/** The word's lower-case code units, for the name table's comparison in place. */
const LOWERED = new Uint16Array(MAX_NAME_LENGTH);

/** Whether text[s, e) lower-cased may be a listed name, a title or a stop word (false: certainly none). */
export function mayBeKnown(text: string, s: number, e: number): boolean {
  let h = NAME_HASH_SEED;
  const n = e - s;
  for (let i = s; i < e; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c |= 32;
    } else {
      let l = LOWER[c];
      if (l === 0) {
        const lower = String.fromCharCode(c).toLowerCase();
        l = lower.length !== 1 || c === 0x3a3 ? 0xffff : lower.charCodeAt(0);
        LOWER[c] = l;
      }
      if (l === 0xffff) return true;
      c = l;
    }
    if (i - s < MAX_NAME_LENGTH) LOWERED[i - s] = c;
    h = nameHashStep(h, c);
  }
  if (nameKindOfCodes(LOWERED, n, h) !== NOT_LISTED) return true;
  h |= 1;
  for (let k = h & TABLE_MASK; ; k = (k + 1) & TABLE_MASK) {
    const v = KNOWN_HASHES[k];
    if (v === h) return true;
    if (v === 0) return false;
  }
}

/** Street words written before the street's name in Italian, Spanish, Portuguese, Polish, Hungarian, Catalan… */
const STREET_BEFORE_LIST = ["via", "vicolo", "viale", "piazza", "piazzale", "strada", "corso", "largo", "rua", "rúa", "calle", "avenida", "camino", "carrer", "travessa", "ulica", "ul", "utca", "aleja", "al", "plac", "praça", "plaza", "paseo", "passeig", "ronda", "rambla", "strasse", "straße"];
const STREET_BEFORE = new Set(STREET_BEFORE_LIST);
/** Street types after a street's name: `Marina Fort Street`, `Leokadia Trail`, `Millicent Drive`; the capitalised words before them are a street. */
const STREET_AFTER = new Set([
  "street", "st", "road", "rd", "avenue", "ave", "av", "drive", "dr", "lane", "ln", "boulevard", "blvd", "place", "pl", "square", "sq", "court", "ct",
  "terrace", "close", "crescent", "way", "trail", "loop", "mall", "bypass", "park", "parks", "lodge", "isle", "flat", "flats", "creek", "pass", "point",
  "extensions", "extension", "gardens", "grove", "heights", "hills", "ridge", "circle", "highway", "hwy", "alley", "row", "walk", "mews", "parkway", "pkwy",
  "plaza", "pike", "turnpike", "expressway", "freeway", "estates", "meadows", "village", "valley", "view", "vista", "crossing", "junction", "landing",
  "manor", "mill", "mills", "orchard", "pines", "port", "ranch", "shores", "springs", "station", "summit", "forge", "forges", "fork", "forks", "glen",
  "harbor", "haven", "knoll", "lake", "lakes", "meadow", "mount", "mountain", "oval", "pine", "plains", "prairie", "rapids", "rest", "river", "run",
  "shoal", "spur", "stream", "track", "trace", "tunnel", "underpass", "union", "unions", "ville", "wall", "well", "wells", "brook", "brooks", "burg",
  "bridge", "cape", "causeway", "center", "centre", "cliff", "cliffs", "club", "common", "corner", "corners", "course", "cove", "crest", "dale", "dam",
  "divide", "falls", "ferry", "field", "fields", "ford", "fort", "freeway", "garden", "gateway", "green", "greens", "hill", "hollow", "inlet", "island",
  "islands", "key", "keys", "light", "lights", "lock", "locks", "neck", "overpass", "path", "plain", "radial", "ramp", "shore", "skyway", "squares", "stravenue",
  "throughway", "trafficway", "viaduct", "vista", "ways",
  "rue", "allée", "impasse", "quai", "chemin", "cours", "boulevard", "gasse", "weg", "allee", "platz", "straat", "laan", "plein", "gata", "gatan", "vej", "katu", "tie", "vägen",
]);
const HARD_NOT_NAMES = [
  // months and weekdays, English and French
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "german", "french", "english", "british", "american", "italian", "spanish", "african", "european", "asian",
  // fonts
  "arial", "helvetica", "verdana", "tahoma", "calibri", "roboto", "garamond", "futura", "georgia", "cambria", "consolas", "menlo", "monaco",
  // brands, products and platforms
  "apple", "amazon", "tesla", "mercedes", "chanel", "dior", "cartier", "alexa", "siri", "cortana", "oracle", "adobe",
  "shopify", "stripe", "slack", "notion", "figma", "canva", "zoom", "discord", "signal", "meta", "google", "android",
  "ruby", "julia", "perl", "dart", "swift", "rust", "kotlin", "elixir", "crystal", "electron", "angular", "django",
  "ember", "jasmine", "karma", "mocha", "chai", "jest", "sinon", "jenkins", "travis", "docker", "kafka", "hadoop",
  "lodash", "express", "next", "nuxt", "vue", "svelte", "deno", "bun", "node", "yarn", "webpack", "rollup", "vite",
  "debian", "ubuntu", "fedora", "alpine", "arch", "windows", "linux", "darwin", "unix", "java", "scala", "haskell",
  "basic", "logo", "lisp", "prolog", "cobol", "fortran", "delphi", "ivy", "maven", "gradle",
  // French possessives opening a sentence (`Ton MacBook Pro t'attendra`), and `Time Zone`
  "mon", "ton", "son", "ma", "ta", "sa", "time", "sony", "aesop",
  "can", "pour", "dans", "avec", "sans", "sous", "sur", "tous", "tout", "bien", "bon", "belle", "beau", "joli",
  "ali", "abc", "test", "demo", "admin", "user", "client", "server", "master", "main", "default", "true", "false",
  // type names of programming languages
  "string", "number", "boolean", "bool", "object", "array", "function", "null", "undefined", "integer", "int", "float", "double", "void",
  "promise", "symbol", "bigint", "buffer", "dict", "tuple", "char", "byte", "none", "nil",
  "toutes", "chère", "cher", "merci", "bonjour", "salut", "hello", "dear", "team", "thanks", "madame", "monsieur",
  "del", "van", "von", "der", "den", "des", "les", "una", "uno", "dos", "tres", "elle",
  // pronouns some locales list as given names
  "you", "she", "his", "her", "him", "our", "they", "them", "your", "nous", "vous", "ils", "lui", "leur", "moi", "toi", "elles", "eux",
  // street words of other languages before a street's name: `Via Nuova`, `Rúa do Paseo`, `ul. Cicha`
  ...STREET_BEFORE_LIST,
];

/**
 * Given names that are also places or everyday words (`Grant`, `Taylor`, `Jordan`, `Austin`):
 * alone they need a cue, but right after a known given name or a title they are a surname
 * (`Olivia Grant`, `Mrs. Baker`), and with a cue they are a given name (`Hi Jordan,`).
 */
const SOFT_PLACES = [
  // cities, regions and countries that are given names too
  "paris", "florence", "lourdes", "victoria", "sydney", "austin", "chelsea", "orlando", "jackson", "charlotte", "savannah",
  "phoenix", "dallas", "houston", "denver", "madison", "lincoln", "georgia", "virginia", "carolina", "adelaide", "regina",
  "valence", "nancy", "vienne", "lorraine", "france", "india", "china", "kenya", "israel", "jordan", "chad", "america",
  "africa", "asia", "europe", "italy", "germany", "brazil", "cyprus", "spain", "canada", "china", "japan", "russia", "poland",
  "ireland", "scotland", "england", "wales", "holland", "belgium", "austria", "sweden", "norway", "denmark", "finland", "iceland",
  "greece", "turkey", "egypt", "morocco", "algeria", "tunisia", "mexico", "chile", "peru", "argentina", "colombia", "cuba",
  "australia", "zealand", "uruguay", "paraguay", "bolivia", "ecuador", "venezuela", "panama", "nigeria", "ghana", "mali",
  "niger", "senegal", "guinea", "congo", "angola", "israel", "iran", "iraq", "syria", "lebanon", "armenia", "albania",
  "miami", "tampa", "atlanta", "boston", "chicago", "seattle", "portland", "vegas", "memphis", "nashville", "reno",
  "brooklyn", "london", "berlin", "milan", "lyon", "nice", "cannes", "sienna", "verona", "venice", "geneva", "aurora",
  // cities the given-name data lists too (`séminaire à Annecy`)
  "annecy", "dijon", "clermont", "pau", "zurich", "sion", "laval", "sevilla", "valencia", "roma", "milano", "dublin", "brighton", "alger", "oran",
  // US states and regions the data lists as given names (`Governing law: California`, `fabriqué en Provence`)
  "alabama", "alaska", "arizona", "california", "colorado", "florida", "hawaii", "kansas", "louisiana", "missouri", "montana", "nevada", "tennessee", "texas", "utah", "provence", "ontario", "bali", "sicily",
];
/** Everyday words that are given names too (vocatives may use them: `Don't go, Mark!`). */
const SOFT_WORDS = [
  // words in code and prose
  "will", "mark", "bill", "bob", "pat", "sue", "joy", "hope", "faith", "summer", "winter", "autumn", "spring", "dawn",
  "sky", "star", "storm", "rain", "river", "ocean", "angel", "honey", "sugar", "candy", "penny", "cash", "buck",
  "king", "prince", "princess", "queen", "duke", "earl", "baron", "major", "sage", "page", "chase", "hunter", "archer",
  "mason", "cooper", "carter", "taylor", "miller", "parker", "porter", "tucker", "walker", "fisher", "baker", "booker",
  "reed", "wade", "lane", "dale", "glen", "grant", "price", "rich", "sterling", "cliff", "rock", "stone", "ford",
  "max", "min", "ray", "drew", "sandy", "rusty", "dusty", "lucky", "happy", "sunny", "misty", "holly", "ivory", "amber",
  "crystal", "jade", "pearl", "ruby", "diamond", "jewel", "coral", "violet", "rose", "lily", "daisy", "iris", "poppy",
  "camel", "tiger", "bear", "wolf", "fox", "hawk", "dove", "robin", "wren", "lark", "finch",
  "unity", "liberty", "justice", "trinity", "harmony", "destiny", "serenity", "genesis", "journey", "legend", "miracle",
  "nova", "luna", "stella", "sol", "terra", "gaia", "atlas", "titan", "orion", "apollo", "athena", "zeus", "thor", "odin",
  // a programming language too (`the Ada compiler`)
  "ada",
  "loki", "freya", "echo", "iris", "juno", "mars", "venus", "mercury", "saturn", "neptune", "pluto", "jupiter",
];

/**
 * Names of programming languages that are common given names too: ambiguous (a name with a
 * surname or a cue, `Pascal Dupont`, `Grace Adeyemi added a comment`), never alone (`written in Pascal`).
 */
const LANGUAGE_NAMES = ["grace", "pascal"];

export const NOT_NAMES = [...HARD_NOT_NAMES, ...SOFT_PLACES, ...SOFT_WORDS, ...LANGUAGE_NAMES];
const HARD = new Set(HARD_NOT_NAMES);
const SOFT = new Set([...SOFT_PLACES, ...SOFT_WORDS]);
const PLACES = new Set(SOFT_PLACES);

const ORG_WORDS_LIST = [
  "technologies", "technology", "solutions", "consulting", "associates", "partners", "holdings", "industries", "systems", "services",
  "labs", "laboratories", "agency", "foundation", "institute", "orchestra", "corporation", "incorporated", "capital", "ventures",
  "investments", "resources", "software", "media", "studios", "association", "club", "museum", "musée", "fondation", "société", "cabinet",
  "enterprises", "international", "brothers", "bros", "motors", "airlines", "records", "publishing", "press", "pharmaceuticals", "analytics",
  "networks", "communications", "entertainment", "productions", "management", "logistics", "energy", "insurance", "finance", "financial",
];

/** Words that never start or continue a name, whatever the lists say. */
export const STOP = new Set([
  ...HARD_NOT_NAMES,
  "the", "and", "et", "ou", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "is", "are", "was",
  "inc", "ltd", "llc", "plc", "sas", "sarl", "sasu", "eurl", "sa", "sci", "gmbh", "ag", "bv", "nv", "corp", "co", "company",
  "street", "st", "rue", "avenue", "av", "road", "rd", "lane", "drive", "dr", "boulevard", "bd", "blvd", "place", "square",
  "chemin", "allée", "impasse", "quai", "route", "cours", "way", "court", "ct", "terrace", "close", "crescent",
  "university", "université", "school", "école", "hospital", "hôpital", "bank", "banque", "group", "groupe", "team", "équipe",
  "north", "south", "east", "west", "nord", "sud", "est", "ouest", "new", "saint", "sainte",
  "directrice", "directeur", "director", "manager", "responsable", "chef", "ceo", "cto", "cfo", "head", "lead",
  "tiktok", "instagram", "facebook", "twitter", "linkedin", "youtube", "microsoft", "netflix", "spotify", "uber", "whatsapp",
  "telegram", "snapchat", "pinterest", "salesforce", "hermès", "github", "gitlab", "npm", "vs", "code", "paypal", "visa",
  "mastercard", "iphone", "ipad", "mac", "macos", "ios", "chrome", "firefox", "safari", "edge", "ai", "api", "ui", "ux",
  // retailers and marketplaces a brief names (`ne pas citer Sephora ni Nocibé`)
  "sephora", "nocibé", "nocibe", "marionnaud", "ulta", "lush", "zalando", "shein", "temu", "vinted", "leboncoin", "etsy", "shopify", "fnac", "darty",
  "decathlon", "monoprix", "carrefour", "auchan", "sezane", "sézane", "asos", "uniqlo", "ikea", "amazon", "aliexpress", "colissimo", "chronopost",
  "ok", "oui", "non", "yes", "no", "note", "notes", "todo", "fixme", "voir", "see", "cf", "ps", "nb", "re", "fwd", "tr",
  // legal boilerplate before the holder's name: `Copyright (c) Isaac Z. Schlueter`
  "copyright", "license", "licence", "trademark",
  // groups after a list of names: `Isaac Z. Schlueter and Contributors`
  "contributors", "others", "friends", "family", "colleagues", "collaborators", "maintainers", "authors", "associés", "collègues", "amis",
  // parts of an address after a street's name: unit words and street types
  "suite", "apt", "apartment", "unit", "box", "bureau", "floor", "étage", "bâtiment", "bât", "building", "bldg", "po", "bp", "cedex",
  "trail", "loop", "flat", "flats", "pass", "point", "park", "parkway", "pkwy", "plaza", "heights", "hills", "ridge", "grove", "gardens",
  "circle", "highway", "hwy", "alley", "row", "walk", "mews", "passage", "sentier", "rond-point", "esplanade", "parvis", "faubourg",
  ...ORG_WORDS_LIST,
]);

/** Words that end an organisation's name (`Russell Investments`, `Nera Economic Consulting`, `Hall Orchestra`): the capitalised words before them are no person. */
const ORG_WORDS = new Set(ORG_WORDS_LIST);

/** Job titles right before a name (`Producer Mashuu Samurakami`, `la photographe Clara Petit`); a capitalised one is no name itself. */
const JOB_WORDS = new Set([
  "producer", "director", "founder", "cofounder", "co-founder", "singer", "songwriter", "guitarist", "drummer", "bassist", "pianist", "actor", "actress",
  "author", "writer", "novelist", "poet", "journalist", "reporter", "editor", "photographer", "designer", "developer", "engineer", "architect",
  "ceo", "cto", "cfo", "coo", "president", "chairman", "chairwoman", "chair", "senator", "governor", "mayor", "minister", "professor", "coach",
  "artist", "rapper", "composer", "lawyer", "attorney", "judge", "officer", "agent", "assistant", "intern", "consultant", "freelancer", "spokesperson",
  "spokesman", "spokeswoman", "nurse", "doctor", "surgeon", "teacher", "student", "secretary", "treasurer", "captain", "sergeant", "detective",
  "directeur", "directrice", "fondateur", "fondatrice", "chanteur", "chanteuse", "auteure", "autrice", "écrivain", "écrivaine", "journaliste",
  "photographe", "graphiste", "développeur", "développeuse", "ingénieur", "ingénieure", "architecte", "avocat", "avocate", "juge", "président",
  "présidente", "ministre", "maire", "professeur", "professeure", "consultante", "stagiaire", "assistante", "comédien", "comédienne",
  "acteur", "actrice", "réalisateur", "réalisatrice", "producteur", "productrice", "notaire", "infirmier", "infirmière", "médecin", "docteure",
  "rédacteur", "rédactrice", "traducteur", "traductrice", "gérant", "gérante", "trésorier", "trésorière", "secrétaire", "coach",
  // `Harriet Okoro, General Counsel`
  "general", "counsel", "juriste",
]);
/** Kin and other relations right before a name: `my kid Marie`, `ma fille Sophie`, `her colleague Tom Becker`. */
const RELATION_WORDS = new Set([
  "kid", "son", "daughter", "wife", "husband", "mother", "father", "mom", "mum", "dad", "brother", "sister", "uncle", "aunt", "cousin",
  "nephew", "niece", "grandson", "granddaughter", "grandmother", "grandfather", "grandma", "grandpa", "friend", "colleague", "coworker",
  "boss", "fiancé", "fiancée", "girlfriend", "boyfriend", "neighbour", "neighbor", "stepson", "stepdaughter",
  "fils", "fille", "femme", "mari", "mère", "père", "frère", "sœur", "soeur", "oncle", "tante", "cousine", "neveu", "nièce", "ami", "amie",
  "copain", "copine", "collègue", "voisin", "voisine", "épouse", "époux", "maman", "papa", "enfant", "filleul", "filleule", "compagnon", "compagne",
]);
/** Verbs that take a person as their subject, right after a name: `Tomomi Nishiyama lives at`, `Marie Dubois explique`. */
const PERSON_VERBS = new Set([
  "said", "says", "told", "tells", "asked", "asks", "explained", "explains", "replied", "replies", "answered", "shouted", "whispered",
  "lives", "lived", "smiled", "laughed", "cried", "thanked", "recalled", "recalls", "admitted", "insisted", "complained", "married",
  "dit", "déclare", "explique", "expliquait", "répond", "répondit", "ajoute", "habite", "habitait", "raconte", "confie", "précise", "souligne", "rappelle",
  // a ticket's or a doc's activity line: `Grace Adeyemi added a comment`, `Grace propose un bug bash`
  "commented", "wrote", "propose", "proposes", "proposed", "suggère", "suggests", "suggested",
]);
/** Words right before a name that say it names someone (`called`, `named`, `I'm`): the name must be known or have two parts. */
const NAMING_CUES = new Set(["called", "named", "nicknamed", "surnamed", "i'm", "i’m", "im", "née", "né", "born", "alias", "aka"]);

/** Titles before a name; the title itself is not part of the finding. Case matters. */
const TITLES = new Set([
  "Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Sir", "Dame", "Lady", "Lord", "Rev", "Hon",
  "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Madame", "Monsieur", "Mademoiselle", "Docteur", "Professeur", "Maître", "Me", "Pr",
  "Herr", "Frau", "Sr", "Sra", "Srta", "Don", "Doña", "Signor", "Signora",
]);
/** Titles that are also everyday words: they count only before a known given name or a surname in capitals. */
const WEAK_TITLES = new Set(["Me", "Don", "Sir", "Lady", "Lord", "Hon", "Dame", "M", "Pr"]);

/** Words after which a capitalised word is a name even when the lists do not know it. */
const STRONG_CUES = new Set(["said", "says", "asked", "replied", "wrote", "told", "thanked", "dit", "écrit", "répond", "répondu", "demande", "appelle", "appelé", "appelée", "nommé", "nommée", "signé", "signed"]);
/** Greetings: the next capitalised word is a name when it is a known given name, ambiguous or not. */
const GREETINGS = new Set(["bonjour", "bonsoir", "salut", "coucou", "hello", "hi", "hey", "dear", "cher", "chère", "chers", "merci", "thanks", "thank", "bravo", "congrats", "félicitations", "cc"]);
/** Sign-offs: the name follows on the same line after a comma, or on the next line. */
const SIGN_OFFS = new Set(["best", "regards", "cheers", "thanks", "sincerely", "cordialement", "amicalement", "bises", "merci", "salutations", "bien", "yours", "warmly", "respectueusement"]);
/** Field labels followed by `:` whose value on the line is one or more names. */
const LABELS = new Set([
  "name", "names", "nom", "noms", "prénom", "prenom", "contact", "contacts", "author", "authors", "auteur", "auteurs", "from", "de", "to", "à", "cc", "bcc", "cci",
  "attendees", "participants", "présents", "presents", "absents", "excusés", "interlocuteur", "interlocutrice", "responsable", "signataire", "owner",
  "assignee", "reporter", "reviewer", "reviewers", "by", "par", "destinataire", "expéditeur", "sender", "recipient", "manager",
  "contributors", "maintainer", "maintainers", "organizer", "organisateur", "speaker", "speakers", "host", "guest", "invité", "invités", "titulaire", "holder",
  "patient", "candidat", "candidate", "employee", "employé", "salarié", "référent", "referent", "person", "personne", "directed",
  "founder", "founders", "co-founders", "cofounders", "fondateur", "fondateurs", "fondatrice", "fondatrices", "cofondateurs", "team", "équipe", "members", "membres",
  "demandeur", "demandeuse", "requester", "requérant", "requérante", "assigné", "assignée", "assigned",
]);
/** Labels of a group of people, which introduce names wherever they stand in the line. */
const GROUP_LABELS = new Set(["founders", "co-founders", "cofounders", "fondateurs", "fondatrices", "cofondateurs", "attendees", "participants", "speakers", "guests", "invités", "intervenants", "members", "membres", "présents", "absents", "excusés"]);
/** Table and CSV headers of columns holding names (lower case, compared word by word). */
const NAME_HEADERS = new Set([
  "nom", "noms", "name", "names", "prénom", "prenom", "prénoms", "contact", "contacts", "interlocuteur", "interlocutrice", "responsable", "auteur", "author",
  "surname", "firstname", "lastname", "fullname", "full_name", "first_name", "last_name", "participant", "participants", "attendee", "attendees",
  "owner", "assignee", "signataire", "destinataire", "expéditeur", "sender", "recipient", "person", "personne", "employé", "employee", "candidat", "candidate",
  "manager", "référent", "referent", "titulaire", "who", "qui", "membre", "member", "speaker", "intervenant", "intervenante",
]);
/** Words before a capitalised word that make it an identifier, not a name. */
const CODE_BEFORE = new Set(["class", "interface", "new", "extends", "implements", "type", "enum", "struct", "function", "def", "import", "export", "const", "let", "var", "typeof", "instanceof", "trait", "impl", "module", "namespace", "package", "object", "record", "fn", "func"]);
/** JSDoc, Javadoc and decorator words that follow `@` without being anyone. */
const DOC_TAGS = new Set([
  "param", "params", "returns", "return", "type", "typedef", "example", "see", "since", "deprecated", "throws", "throw", "author", "link", "default",
  "property", "prop", "class", "constructor", "override", "private", "public", "protected", "readonly", "abstract", "async", "callback", "description",
  "event", "fires", "function", "global", "ignore", "inheritdoc", "interface", "kind", "license", "member", "memberof", "module", "name", "namespace",
  "package", "requires", "summary", "template", "this", "todo", "tutorial", "version", "yields", "internal", "alpha", "beta", "remarks", "enum",
  "extends", "implements", "typeparam", "defaultvalue", "component", "injectable", "input", "output", "media", "import", "include", "mixin", "font",
  "keyframes", "supports", "charset", "layer", "apply", "tailwind", "next", "latest", "types", "babel", "angular", "vue", "nestjs", "here", "channel", "everyone",
]);

/** Lower-case particles inside a name: `Van der Berg`, `Jean de La Fontaine`, `Ibn Battuta`. */
const PARTICLES = new Set(["de", "du", "des", "d'", "d’", "van", "von", "der", "den", "del", "della", "di", "da", "dos", "das", "le", "la", "ter", "ten", "bin", "ben", "ibn", "al", "el", "zu", "y"]);

const MAX_PARTS = 4;

/**
 * Endings and prefixes that no common English or French word has: a surname even where no list
 * holds it (`Vanderlinden`, `Kowalski`, `Claessens`; Flemish, Irish and Mauritanian prefixes run
 * into the name: Vanderlinden, Fitzgerald, Ouldali).
 */
const STRONG_SURNAME_ENDINGS = "ová|ski|ska|cki|czyk|czak|sson|dóttir|dottir|vić|ević|ović|escu|opoulos|enko|chuk|shvili|ckx|aert|aerts|ssens";
const STRONG_SURNAME_SHAPE = new RegExp(`(?:${STRONG_SURNAME_ENDINGS})$|^(?:vander|vanden|fitz|ould)[a-zà-ÿ]{3,}$`);
/** Those, and endings that words share too (Kaczmarek, Jeknić, Papadopoulos, Martin, Rossini): a surname's shape beside other evidence. */
const SURNAME_SHAPE = new RegExp(
  `(?:${STRONG_SURNAME_ENDINGS}|sky|cka|arek|sen|ić|vich|vic|eanu|idis|akis|dze|yan|ian|ov|ova|ev|eva|in|ina|ez|az|oglu|oğlu|elli|etti|ini|ino|ucci|acci|ello|mann|berg|stein|feld|baum|ovski|ovsky|ynck|inck)$|^(?:vander|vanden|vande|fitz|ould)[a-zà-ÿ]{3,}$`,
);

/** `O'Brien`, `O’Neill`, `McAllister`: a surname by its prefix, in lower case. */
const IRISH_SCOTTISH = /^(?:o['’]|mc)[a-z]{3}/;

/** Whether a name's words after its first hold a listed surname or an O'/Mc one (`Tom Smith`, `Tom O'Reilly`). */
function surnameFollows(state: State, words: readonly { lower: string }[]): boolean {
  for (let i = 1; i < words.length; i++) if (state.surnames.has(words[i].lower) || IRISH_SCOTTISH.test(words[i].lower) || STRONG_SURNAME_SHAPE.test(words[i].lower)) return true;
  return false;
}


/** A listed surname or a surname's ending. */
function surnameLike(state: State, lower: string): boolean {
  return state.surnames.has(lower) || SURNAME_SHAPE.test(lower);
}

/** Classes of code units above ASCII, worked out on first sight: 1 = known, 2 = letter, 4 = upper case. */
const NON_ASCII = new Uint8Array(65536);

function classOf(c: number): number {
  let k = NON_ASCII[c];
  if (k === 0) {
    const s = String.fromCharCode(c);
    k = 1;
    if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f) && /\p{L}|\p{M}/u.test(s)) k |= 2;
    if ((k & 2) !== 0 && s !== s.toLowerCase() && s === s.toUpperCase()) k |= 4;
    NON_ASCII[c] = k;
  }
  return k;
}

function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return c >= 0xc0 && (classOf(c) & 4) !== 0;
}

function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && (classOf(c) & 2) !== 0;
}

function isLower(c: number): boolean {
  return c < 128 ? c >= 97 && c <= 122 : isLetter(c) && !isUpper(c);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** End of the word at `s`: letters, with inner `-` or apostrophe before a letter (Jean-Pierre, O'Connor). */
function wordEnd(text: string, s: number): number {
  const n = text.length;
  let i = s;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) i++;
    else if ((c === 45 || isApostrophe(c)) && i > s && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
      // English possessive: `Matej's` is Matej.
      if (isApostrophe(c) && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && !(i + 2 < n && isLetter(text.charCodeAt(i + 2)))) break;
      i++;
    }
    else break;
  }
  return i;
}

/** Whether the word is Capitalised or ALL CAPS (at least two letters for all caps). */
function capitalised(text: string, s: number, e: number): "title" | "caps" | undefined {
  if (!isUpper(text.charCodeAt(s))) return undefined;
  let lower = 0;
  let upper = 1;
  let inner = false;
  for (let i = s + 1; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!isLetter(c)) continue;
    if (isUpper(c)) {
      upper++;
      const b = text.charCodeAt(i - 1);
      if (!(b === 45 || isApostrophe(b))) inner = true;
    } else lower++;
  }
  if (lower === 0) return upper >= 2 ? "caps" : undefined;
  // `Jean-Pierre`, `O'Connor`, `McDonald`, `DeVito`: capitals inside after a hyphen, an apostrophe
  // or a Mc/Mac/De/Di/La/Le prefix; `TypeError`, `JavaScript` are identifiers.
  if (inner && !/^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)\p{Lu}\p{Ll}+$/u.test(text.slice(s, e))) return undefined;
  return upper <= 3 ? "title" : undefined;
}

interface Word {
  s: number;
  e: number;
  lower: string;
}

interface State {
  text: string;
  out: Candidate[];
  context: PassContext;
  plain: NameList;
  ambiguous: NameList;
  /** Surnames that are no given name and no common word (`Kaczmarek`, `Hajdu`). */
  surnames: NameList;
  columns: TableColumns | undefined;
  /** Words of company names (before SAS, Inc, GmbH …): never a person. */
  companies: Set<string>;
  /** Names found, emitted at the end once every company name of the text is known. */
  found: { s: number; end: number; confidence: number; words: Word[] }[];
  /** Parts of full names found, for the second walk. */
  parts: Set<string>;
  /** Given names of full names, looked for in lower case too (readLowercaseParts). */
  lowerParts: Set<string>;
  /** Given name and surname of full names, ASCII-folded, looked for run together in handles and links (readJoinedHandles). */
  joinable: [string, string][];
  /** End of the last name emitted: words before it were already read. */
  emittedTo: number;
  spans: [number, number][];
  /** End of the line lineHasTable last looked at, and its answer. */
  tableLineEnd: number;
  tableLine: boolean;
  /** End of the line headingLine last looked at, and its answer. */
  headingLineEnd: number;
  headingLine: boolean;
  /** End of the last capitalised run extendName read. */
  extendedTo: number;
  /** Whether the text is a transcript (inTranscript), once known. */
  transcript?: boolean;
  /** Found names of two words or more, run together (joinedNames), made on first need. */
  joinedNames?: Set<string>;
}

/** The word before `s` on the same line and what separates them, or undefined. */
function previousWord(text: string, s: number): { word: Word; gap: string } | undefined {
  let i = s;
  const limit = Math.max(0, s - 12);
  while (i > limit && !isLetter(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 10) i--;
  if (i === 0 || !isLetter(text.charCodeAt(i - 1))) return undefined;
  const e = i;
  const wl = Math.max(0, e - 24);
  while (i > wl && (isLetter(text.charCodeAt(i - 1)) || isApostrophe(text.charCodeAt(i - 1)))) i--;
  return { word: { s: i, e, lower: text.slice(i, e).toLowerCase() }, gap: text.slice(e, s) };
}

/** Whether the line holding `s` is a heading (Markdown `#`, man page `.SH`/`.SS`/`.TH`, HTML `<h1>`…`<h6>`); once per line. */
function headingLine(state: State, s: number): boolean {
  if (s >= state.headingLineEnd) {
    const text = state.text;
    let ls = s;
    while (ls > state.headingLineEnd + 1 && text.charCodeAt(ls - 1) !== 10 && s - ls < 200) ls--;
    let i = ls;
    while (i < s && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    const head = text.slice(i, i + 4);
    state.headingLine = c === 35 || head === ".SH " || head === ".SS " || head === ".TH " || /^<h[1-6][\s>]/i.test(head);
    let le = text.indexOf("\n", s);
    if (le < 0) le = text.length;
    state.headingLineEnd = le;
  }
  return state.headingLine;
}

/** The character-level half of looksLikeCode: what touches the word on either side. */
function codeNeighbours(text: string, s: number, e: number): boolean {
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  // `!Soleil` (a negation, or a password's symbols) is no word of prose, where `!` ends a sentence before a space.
  if (before === 46 || before === 95 || before === 36 || before === 35 || before === 47 || before === 92 || before === 60 || before === 33) return true;
  const after = e < text.length ? text.charCodeAt(e) : 32;
  // `Soleil#2`: a hash glued to a word is code or a password, never a name in prose.
  if (after === 40 || after === 95 || after === 60 || after === 91 || after === 36 || after === 35 || isDigit(after)) return true;
  return after === 46 && e + 1 < text.length && isLetter(text.charCodeAt(e + 1));
}

/**
 * Whether a cue for an unknown word could be near: a capitalised word follows (a surname), the
 * word starts its line (speaker, signature, table row), or a space, colon, comma or pipe is
 * right before it (a label, a list, a phrase like `name is`, a cell).
 */
function mayHaveCue(text: string, s: number, e: number): boolean {
  if (nextIsCapitalised(text, e)) return true;
  const b = s > 0 ? text.charCodeAt(s - 1) : 10;
  if (b === 10 || b === 124 || b === 9 || b === 44 || b === 59) return true;
  // A quoted CSV cell's first word (`,"Kowalski, Anna",`), a quoted value (`"lastName": "Devaux"`).
  if (b === 34 || b === 39) {
    const b2 = s > 1 ? text.charCodeAt(s - 2) : 10;
    if (b2 === 58 || b2 === 61 || b2 === 32) return nameKeyBefore(text, s);
    return b === 34 && (b2 === 10 || b2 === 44 || b2 === 59 || b2 === 9);
  }
  if (b !== 32) return false;
  const b2 = s > 1 ? text.charCodeAt(s - 2) : 10;
  // After a lower-case word (`said Iwase`, `name is X`), a colon, a comma, a pipe, `>` or a line start.
  if ((b2 >= 97 && b2 <= 122) || b2 === 58 || b2 === 44 || b2 === 124 || b2 === 62 || b2 === 10 || b2 === 63 || b2 === 59 || b2 >= 0xc0) return true;
  // After `M.` (Monsieur): `Excusé : M. Fontaine`.
  return b2 === 46 && s > 2 && text.charCodeAt(s - 3) === 77 && (s === 3 || !isLetter(text.charCodeAt(s - 4)));
}

/** Whether the word at [s, e) reads as an identifier in code. */
function looksLikeCode(text: string, s: number, e: number, prev: { word: Word; gap: string } | undefined): boolean {
  const before = s > 0 ? text.charCodeAt(s - 1) : 32;
  // `.Camille`, `_Camille`, `$Camille`, `#Camille`, `::Camille`, `/Camille`, `\Camille`, `<Camille`
  if (before === 46 || before === 95 || before === 36 || before === 35 || before === 58 || before === 47 || before === 92 || before === 60 || isDigit(before)) return true;
  const after = e < text.length ? text.charCodeAt(e) : 32;
  // `Camille(`, `Camille.create`, `Camille_x`, `Camille<T>`, `Camille2`, `CamilleService` (camel case)
  if (after === 40 || after === 95 || after === 60 || after === 91 || after === 36 || isDigit(after) || isUpper(after)) return true;
  if (after === 46 && e + 1 < text.length && isLetter(text.charCodeAt(e + 1))) return true;
  // `exports.Pax = Pax;`: a value assigned in code.
  if (after === 59) {
    let i = s - 1;
    while (i > 0 && text.charCodeAt(i) === 32) i--;
    if (text.charCodeAt(i) === 61) return true;
  }
  if (after === 61 && text.charCodeAt(e + 1) !== 61) return false;
  if (prev && prev.gap === " " && CODE_BEFORE.has(prev.word.lower)) return true;
  return false;
}

/** The start of the sentence-initial position: start of text, of a line, or after `. ! ?`. */
function sentenceInitial(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 34 || text.charCodeAt(i) === 0xab || text.charCodeAt(i) === 42)) i--;
  if (i < 0) return true;
  const c = text.charCodeAt(i);
  if (c === 46) return !abbreviationDot(text, i);
  return c === 10 || c === 33 || c === 63 || c === 13;
}

/** Whether the dot at `i` ends a title or an initial (`M.`, `Dr.`, `Mrs.`, `J.`), not a sentence. */
function abbreviationDot(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && k > i - 12 && isLetter(text.charCodeAt(k - 1))) k--;
  if (k === i || (k > 0 && (isLetter(text.charCodeAt(k - 1)) || isDigit(text.charCodeAt(k - 1))))) return false;
  return (i - k === 1 && isUpper(text.charCodeAt(k))) || TITLES.has(text.slice(k, i));
}

/**
 * Reads a name forward from the word at [s, e): initials, particles and capitalised words
 * on the same line, at most MAX_PARTS words. Returns the end and how many surname-like words
 * followed the first.
 */
function extendName(state: State, s: number, e: number, titled = false): { end: number; more: number; words: Word[]; initial: number } {
  const text = state.text;
  const words: Word[] = [{ s, e, lower: text.slice(s, e).toLowerCase() }];
  // `Olivia Grant`, `Mrs. Baker`: a word that is also a place or an everyday word is a surname only there.
  const softOk = titled || state.plain.has(words[0].lower);
  let end = e;
  let more = 0;
  // 2 after an initial with its dot (`Stefanía K. Oddgeirsdóttir`), 1 after one without (`Csanád P Gere`).
  let initial = 0;
  let i = e;
  while (words.length < MAX_PARTS + 2) {
    // One space (or a middle initial's dot and a space).
    if (text.charCodeAt(i) !== 32) break;
    const ws = i + 1;
    const we = wordEnd(text, ws);
    if (we === ws) break;
    const lower = text.slice(ws, we).toLowerCase();
    const cap = capitalised(text, ws, we);
    // Middle initial: `P.` or `P` before another capitalised word.
    if (we - ws === 1 && cap === undefined && isUpper(text.charCodeAt(ws))) {
      const dot = text.charCodeAt(we) === 46 ? 1 : 0;
      // `Entre M. Lucien Moreau`: after a word no list knows, `M.` is the title of the name that follows.
      if (dot === 1 && text.charCodeAt(ws) === 77 && words.length === 1 && !state.plain.has(words[0].lower) && !state.ambiguous.has(words[0].lower)) break;
      const ns = we + dot + 1;
      if (text.charCodeAt(we + dot) === 32 && capitalised(text, ns, wordEnd(text, ns))) {
        i = we + dot;
        initial = Math.max(initial, dot + 1);
        continue;
      }
      break;
    }
    if (PARTICLES.has(lower)) {
      // Particles count only before a capitalised word: `van der Berg`, `Le Goff`, `de La Fontaine`.
      let pe = we;
      for (let k = 0; k < 2 && text.charCodeAt(pe) === 32; k++) {
        const ps = pe + 1;
        const pe2 = wordEnd(text, ps);
        if (pe2 === ps || !PARTICLES.has(text.slice(ps, pe2).toLowerCase())) break;
        pe = pe2;
      }
      const ns = pe + 1;
      if (text.charCodeAt(pe) === 32 && capitalised(text, ns, wordEnd(text, ns))) {
        i = pe;
        continue;
      }
      if (cap === undefined) break;
    }
    if (!cap || STOP.has(lower) || (!softOk && SOFT.has(lower))) break;
    if (looksLikeCode(text, ws, we, undefined) && text.charCodeAt(we) !== 46) break;
    words.push({ s: ws, e: we, lower });
    end = we;
    more++;
    i = we;
    if (more >= MAX_PARTS - 1) break;
  }
  return { end, more, words, initial: more > 0 ? initial : 0 };
}

function emitName(state: State, s: number, end: number, confidence: number, words: Word[]): void {
  state.emittedTo = end;
  if (companyFormAfter(state.text, end)) {
    for (const w of words) state.companies.add(w.lower);
    return;
  }
  state.found.push({ s, end, confidence, words });
}

/** Whether the line holding `s` starts with a field label followed by `:` before `s`. */
function labelBefore(text: string, s: number): boolean {
  if (groupBefore(text, s)) return true;
  let ls = s;
  const limit = Math.max(0, s - 200);
  while (ls > limit && text.charCodeAt(ls - 1) !== 10) ls--;
  let colon = ls;
  const colonLimit = Math.min(s, ls + 40);
  while (colon < colonLimit && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= colonLimit) return false;
  // Between the label's colon and the word: names and list separators only (`Camille Devaux <c@x.fr>, `), no second colon or sentence.
  for (let i = colon + 1; i < s; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 40 || c === 61 || c === 123 || c === 34 || (c === 46 && text.charCodeAt(i + 1) === 32 && !isUpper(text.charCodeAt(i - 1)))) return false;
  }
  // The label: one or two words, optionally after `>`, `-`, `*`, spaces.
  const head = text.slice(ls, colon).replace(/^[\s>*#_-]+/, "").replace(/[\s*_]+$/, "").toLowerCase();
  if (head.length === 0) return false;
  const words = head.split(/\s+/);
  const last = words[words.length - 1];
  if (head.length > 24) return false;
  return words.length <= 3 && LABELS.has(last) && words.every((w) => /^[\p{L}'’-]+$/u.test(w));
}

/** Keys of data fields holding a person's name, lower case without `_`, `-` or spaces: `lastName`, `last_name`, `family-name`, `prénom`. */
const NAME_KEYS = new Set(["firstname", "lastname", "surname", "familyname", "givenname", "fullname", "middlename", "prenom", "prénom", "nomdefamille", "nomcomplet", "contactname", "customername", "clientname", "authorname", "recipientname", "sendername"]);

/**
 * Whether a data key naming a person's name ends right before the value at `s`: `"lastName":
 * "Devaux"`, `nom_de_famille = "Dupont"`, and unquoted only as a YAML line's key (`last_name:
 * Okonkwo`; not a type annotation's `fullName: Identifier | …`).
 */
function nameKeyBefore(text: string, s: number): boolean {
  let i = s - 1;
  const quoted = i >= 0 && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39);
  if (quoted) i--;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || (text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== 61)) return false;
  i--;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i >= 0 && (text.charCodeAt(i) === 34 || text.charCodeAt(i) === 39)) i--;
  const ke = i + 1;
  while (i >= 0 && ke - i <= 24 && (isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 95 || text.charCodeAt(i) === 45)) i--;
  const ks = i + 1;
  if (ke - ks < 3 || (i >= 0 && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 46))) return false;
  if (!NAME_KEYS.has(text.slice(ks, ke).toLowerCase().replace(/[_-]/g, ""))) return false;
  if (quoted) return true;
  // Unquoted: the key opens its line (after indentation or a list's `- `) and the value ends it with no code sign.
  let ls = ks;
  while (ls > 0 && (text.charCodeAt(ls - 1) === 32 || text.charCodeAt(ls - 1) === 9 || text.charCodeAt(ls - 1) === 45)) ls--;
  if (ls > 0 && text.charCodeAt(ls - 1) !== 10) return false;
  const le = text.indexOf("\n", s);
  return !/[|;<>(){}=&]/.test(text.slice(s, le < 0 ? text.length : le));
}

/** A group introduced inside a sentence, the word in its list: `the brainchild of our 3 founders: Monjeau, Graves and Reed`. */
function groupBefore(text: string, s: number): boolean {
  let colon = s - 1;
  const limit = Math.max(0, s - 80);
  while (colon > limit) {
    const c = text.charCodeAt(colon);
    if (c === 58) break;
    // Names and list separators only between the colon and the word.
    if (c === 10 || c === 46 || c === 40 || c === 61 || c === 123 || c === 34 || c === 59) return false;
    colon--;
  }
  if (text.charCodeAt(colon) !== 58) return false;
  const we = colon;
  let ws = we;
  while (ws > 0 && isLetter(text.charCodeAt(ws - 1))) ws--;
  if (ws > 0 && text.charCodeAt(ws - 1) === 45) while (ws > 0 && (isLetter(text.charCodeAt(ws - 1)) || text.charCodeAt(ws - 1) === 45)) ws--;
  return we > ws && GROUP_LABELS.has(text.slice(ws, we).toLowerCase());
}

/** Right after a label's colon or a list separator (`, ` `; ` ` et ` ` and ` ` & `). */
function listPosition(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 42 || text.charCodeAt(i) === 34)) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c === 58 || c === 44 || c === 59 || c === 47 || c === 38) return true;
  return (text.startsWith("et", i - 1) || text.startsWith("and", i - 2)) && !isLetter(text.charCodeAt(i - (text.startsWith("et", i - 1) ? 2 : 3)));
}

/** `[10:02] Camille Devaux :`, `Camille: …`, `> Camille Devaux:` — a speaker at the start of a line: 0 no, 1 yes, 2 after a timestamp. */
function speakerAt(text: string, s: number, end: number): number {
  let i = s - 1;
  let stamped = false;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 62)) i--;
  if (i >= 0 && text.charCodeAt(i) === 93) {
    stamped = true;
    // A timestamp in brackets: skip it.
    let open = i - 1;
    while (open >= 0 && i - open <= 24 && text.charCodeAt(open) !== 91) open--;
    if (open < 0 || i - open > 24) return 0;
    i = open - 1;
    while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  }
  if (i >= 0 && text.charCodeAt(i) !== 10) return 0;
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  if (!(text.charCodeAt(j) === 58 && text.charCodeAt(j + 1) !== 47)) return 0;
  return stamped ? 2 : 1;
}

/** Table and CSV headers of columns holding places, companies or things, whose cells are no people (`Dublin` under `ville`). */
const NOT_NAME_HEADERS = new Set([
  "ville", "villes", "city", "cities", "town", "pays", "country", "région", "region", "département", "departement", "state", "province", "county", "lieu", "location", "venue",
  "société", "societe", "company", "entreprise", "organisation", "organization", "employer", "employeur", "marque", "brand", "produit", "product", "article",
  "adresse", "address", "rue", "street", "statut", "status", "catégorie", "categorie", "category", "poste", "fonction", "job", "role", "rôle",
]);

/** Words before a line's colon that are labels, roles or script parts, not speakers: `Note:`, `User:`, `Hook:`, `CTA:`. */
const SPEAKER_NOT = new Set([
  ...LABELS, ...NAME_HEADERS, ...NOT_NAME_HEADERS,
  "note", "notes", "warning", "error", "info", "answer", "question", "user", "assistant", "system", "bot", "agent", "customer", "client", "support",
  "moderator", "interviewer", "interviewee", "summary", "status", "result", "total", "date", "time", "subject", "objet", "tip", "example", "source",
  "output", "input", "step", "update", "edit", "réponse", "résumé", "action", "decision", "décision", "next", "suivi", "todo", "fixme", "bug", "fix",
  "important", "attention", "rappel", "remarque", "conclusion", "contexte", "context", "goal", "objectif", "problem", "problème", "solution",
  "description", "title", "titre", "link", "lien", "tags", "priority", "priorité", "deadline", "budget", "cible", "target", "format", "ton", "tone",
  "hook", "caption", "légende", "script", "scène", "scene", "plan", "shot", "voix", "narrateur", "narrator", "intro", "outro", "price", "prix", "server",
  "address", "adresse", "phone", "email", "mail", "tel", "téléphone", "mobile", "website", "site", "company", "société", "role", "rôle", "ville", "city",
  // documentation and configuration labels
  "type", "types", "default", "defaults", "value", "values", "usage", "option", "options", "returns", "return", "param", "params", "parameters",
  "arguments", "args", "version", "license", "licence", "homepage", "repository", "see", "deprecated", "since", "alias", "aliases", "platform",
  "command", "commands", "flag", "flags", "config", "key", "keys", "path", "file", "files", "category", "kind", "level", "mode", "state", "label",
  "labels", "group", "scope", "reason", "cause", "details", "message", "code", "response", "request", "method", "environment", "requires", "required",
  // a ticket's, an order's or a form's fields
  "canal", "channel", "file", "queue", "commande", "order", "facture", "invoice", "devis", "quote", "projet", "project", "sujet", "topic",
  "heure", "durée", "duration", "échéance", "due", "livraison", "delivery", "montant", "amount", "quantité", "quantity", "référence", "ref", "réf",
  "tarif", "rate", "offre", "offer", "service", "pôle", "agence", "agency", "quand", "when", "where", "quoi", "what", "créé", "created",
]);

/** Whether prose follows the colon after `end`: a letter or a quote, not a number, a path or a value. */
function proseAfterColon(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 58) return false;
  i++;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return c === 34 || c === 0x201c || c === 0xab || (isLetter(c) && /^\S+ \S/.test(text.slice(i, i + 40)));
}

/** `Name: …` lines at the start of lines, the speaker as written. */
const SPEAKER_LINE = /^[ \t>]*(?:\[[^\]\n]{1,24}\][ \t]*)?([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'’-]*) ?:(?![/\d])/gm;

/** Whether the text is a transcript: two speakers or more at the start of lines, one at least a listed given name; once per text. */
function inTranscript(state: State): boolean {
  if (state.transcript === undefined) {
    const speakers = new Set<string>();
    let named = false;
    const re = SPEAKER_LINE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    for (let n = 0; n < 2000 && (m = re.exec(state.text)) !== null; n++) {
      const lower = m[1].toLowerCase();
      if (SPEAKER_NOT.has(lower) || STOP.has(lower) || HARD.has(lower)) continue;
      speakers.add(lower);
      if (state.plain.has(lower) || (state.ambiguous.has(lower) && !SOFT.has(lower))) named = true;
    }
    state.transcript = named && speakers.size >= 2;
  }
  return state.transcript;
}

/** After a sign-off (`Best,` / `Cordialement,`) on this line or alone on the line above. */
function afterSignOff(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i >= 0 && text.charCodeAt(i) === 10) {
    i--;
    if (i >= 0 && text.charCodeAt(i) === 13) i--;
  }
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || !(text.charCodeAt(i) === 44 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 33)) return false;
  const prev = previousWord(text, i + 1);
  if (!prev || !SIGN_OFFS.has(prev.word.lower)) return false;
  // The sign-off starts its line: `Best,` / `Bien à vous,` / `Merci,`.
  let k = prev.word.s - 1;
  let words = 0;
  while (k >= 0 && text.charCodeAt(k) !== 10) {
    if (text.charCodeAt(k) === 32) words++;
    k--;
  }
  return words <= 3;
}


/** 1 when the cell at `s` is in a column of names, 2 when it repeats its column's header, 3 when its column holds places or companies, else 0. */
function inNameColumn(state: State, s: number): number {
  const columns = (state.columns ??= new TableColumns(state.text));
  const header = columns.headerAt(s)?.header;
  if (!header) return 0;
  if (state.text.startsWith(header, s)) return 2;
  const lowered = header.toLowerCase();
  if (NAME_HEADERS.has(lowered)) return 1;
  const words = lowered.split(/[\s/_-]+/);
  for (const w of words) if (NAME_HEADERS.has(w)) return 1;
  return NOT_NAME_HEADERS.has(lowered) || (words.length <= 2 && NOT_NAME_HEADERS.has(words[0])) ? 3 : 0;
}

/** Whether the line holding `s` has a table or CSV separator; worked out once per line (words come in order). */
function lineHasTable(state: State, s: number): boolean {
  if (s >= state.tableLineEnd) {
    const text = state.text;
    let ls = s;
    while (ls > state.tableLineEnd + 1 && text.charCodeAt(ls - 1) !== 10) ls--;
    let le = text.indexOf("\n", s);
    if (le < 0) le = text.length;
    let has = false;
    for (let i = ls; i < le && !has; i++) {
      const c = text.charCodeAt(i);
      has = c === 124 || c === 44 || c === 59 || c === 9;
    }
    state.tableLineEnd = le;
    state.tableLine = has;
  }
  return state.tableLine;
}

function readWord(state: State, s: number): number {
  const text = state.text;
  const e = wordEnd(text, s);
  if (s < state.emittedTo) return e;
  if (e - s < 2) return e;
  // `I'm`, `I’ll`: the pronoun, whose name follows.
  if (text.charCodeAt(s) === 73 && isApostrophe(text.charCodeAt(s + 1))) return e;
  // Identifier-shaped by its neighbours (`Object.keys`, `new Error(`, `String(x)`): rejected before any slice.
  if (codeNeighbours(text, s, e)) return e;
  // `Usamov and Bowers were …`: checked before the word alone, since either may be unknown.
  if (text.charCodeAt(e) === 32 && (text.startsWith("and ", e + 1) || text.startsWith("et ", e + 1))) {
    const pairEnd = readPair(state, s, e);
    if (pairEnd > 0) return pairEnd;
  }
  // `F. Delcourt`, `J. Ouédraogo`: an initial and its dot before the word (not `M.`, read as a title below; not `U.S. Army`).
  if (s >= 3 && text.charCodeAt(s - 1) === 32 && text.charCodeAt(s - 2) === 46 && text.charCodeAt(s - 3) >= 65 && text.charCodeAt(s - 3) <= 90 && text.charCodeAt(s - 3) !== 77) {
    const b = s > 3 ? text.charCodeAt(s - 4) : 32;
    if (!isLetter(b) && !isDigit(b) && b !== 46 && b !== 95) {
      const end = readInitialed(state, s - 3, s, e);
      if (end > 0) return end;
    }
  }
  // Most capitalised words are no listed name and no title, and an unknown word needs a cue
  // (below): with neither, the word is nothing, decided from char codes alone.
  const maybeKnown = mayBeKnown(text, s, e);
  if (!maybeKnown && (s < state.extendedTo || !mayHaveCue(text, s, e))) return e;
  // Headings are titles, not people: `## Caret Dependencies`, `.SH "Life Cycle Scripts"`, `<h2>`.
  if (headingLine(state, s)) return e;
  // A table's header line repeated as a row: labels, not people; the whole line is passed over.
  if ((s === 0 || text.charCodeAt(s - 1) === 10) && lineHasTable(state, s)) {
    const repeated = (state.columns ??= new TableColumns(text)).repeatedHeaderEnd(s);
    if (repeated > 0) return repeated;
  }
  const cap = capitalised(text, s, e);
  if (!cap) return e;
  // The lists hold no name under three letters: a two-letter word inside a run already read is nothing new.
  if (e - s < 3 && s < state.extendedTo && cap === "title" && !isTitleStart(text, s)) return e;
  return readCandidate(state, s, e, maybeKnown, cap);
}

/** What opens the line of a parcel's or a letter's addressee: `ATTN: HUGO MARCHETTI`, `A L'ATT. DE M. KARIM MANSOURI`, `Z. HD. JONAS WEBER`. */
const ATTENTION_CUES = ["ATT", "Z. HD", "C/O"];
/** What may follow `ATT`: `ATTN`, `ATT.`, `ATTENTION`. */
const ATT_TAIL = /N\b|\.|ENTION\b/y;
const ATTENTION_REST = /[.:]?[ \t]*(?:(?:DE|OF|TO|DU)[ \t]+)?((?:M|MME|MLLE|MR|MRS|MS|DR)\.?[ \t]+)?([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+){1,2})(?![\p{L}\d])/uy;

/**
 * Names in capitals after an attention cue, as shipping labels and letters print them. The
 * first word a listed given name, or a title before it; `ATTN: SERVICE RETOURS` is no person.
 * (The word walk passes over words in capitals: they are acronyms and constants in code.)
 */
function readAttention(state: State): void {
  const text = state.text;
  for (const cue of ATTENTION_CUES) {
    for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + cue.length)) {
      if (at > 0 && isLetter(text.charCodeAt(at - 1))) continue;
      let from = at + cue.length;
      if (cue === "ATT") {
        ATT_TAIL.lastIndex = from;
        if (!ATT_TAIL.test(text)) continue;
        from = ATT_TAIL.lastIndex;
      }
      ATTENTION_REST.lastIndex = from;
      const m = ATTENTION_REST.exec(text);
      if (!m) continue;
      const words = m[2].toLowerCase().split(/[ \t]+/);
      if (words.some((w) => STOP.has(w) || ORG_WORDS.has(w))) continue;
      if (m[1] === undefined && !state.plain.has(words[0]) && !state.ambiguous.has(words[0])) continue;
      const end = ATTENTION_REST.lastIndex;
      const start = end - m[2].length;
      emit(state.out, state.context, PII.person, start, end, 0.8);
      state.spans.push([start, end]);
    }
  }
}

/** The local parts of addresses that services and companies send from. */
const SERVICE_LOCALS = new Set(["noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "notification", "notify", "info", "news", "newsletter", "hello", "bonjour", "support", "team", "contact", "mailer", "alerts", "alert", "billing", "factures", "invoice", "invoices", "updates", "system", "bot"]);

/** Whether ` <local@domain>` after `end` is a service's address, or one whose domain is the word itself (`Qonto <x@qonto.com>`). */
function serviceSender(text: string, end: number, lower: string): boolean {
  if (text.charCodeAt(end) !== 32 || text.charCodeAt(end + 1) !== 60) return false;
  // Anonymize's second look, at its own output (`Qonto <[EMAIL_1]>`): the first look, which saw the address, decided.
  if (/^<\[EMAIL_\d+\]>/.test(text.slice(end + 1, end + 20))) return true;
  const m = /^<([^@\s>]{1,40})@([^>\s]{1,80})>/.exec(text.slice(end + 1, end + 130));
  if (!m) return false;
  const local = m[1].toLowerCase();
  return SERVICE_LOCALS.has(local) || local.startsWith("noreply") || local.startsWith("no-reply") || m[2].toLowerCase().split(".").includes(lower);
}

/**
 * Whether the table or CSV cell holding `s` reads as a name as a whole: up to five capitalised
 * words or particles, no digit (`Camille Devaux`, `Van der Berg`), not a title such as
 * `Tarn 45L unboxing` or `Behind the scenes Montreux` (a Notion export's `Name` column).
 */
function nameShapedCell(text: string, s: number): boolean {
  let a = s;
  while (a > 0 && s - a < 80) {
    const c = text.charCodeAt(a - 1);
    if (c === 10 || c === 44 || c === 59 || c === 9 || c === 124 || c === 34) break;
    a--;
  }
  let b = s;
  while (b < text.length && b - s < 80) {
    const c = text.charCodeAt(b);
    if (c === 10 || c === 13 || c === 44 || c === 59 || c === 9 || c === 124 || c === 34) break;
    b++;
  }
  // A mention is a name too: `| @Trần Minh Đức |`.
  const cell = text.slice(a, b).trim().replace(/^@/, "");
  if (/\d/.test(cell)) return false;
  const words = cell.split(/\s+/);
  return words.length <= 5 && words.every((w) => PARTICLES.has(w.toLowerCase()) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/** Lower-case words before an initial and a surname that say a person follows: `vu avec F. Delcourt`, `signed by J. Smith`. */
const INITIAL_CUES = new Set(["avec", "par", "chez", "pour", "with", "by", "from", "cc", "to", "signé", "signed", "contact", "auteur", "author", "merci"]);
/** The item before, in a list of initials and surnames: `S. Haddad, ` before `F. Delcourt`. */
const INITIAL_ITEM_BEFORE = /(?:^|[\s(])[A-Z]\. \p{Lu}[\p{L}'’-]+(?:, | et | and | & )$/u;
/** The item after: `, J. Ouédraogo`. */
const INITIAL_ITEM_AFTER = /^(?:, | et | and | & )[A-Z]\. \p{Lu}\p{Ll}/u;

/**
 * A surname after an initial at `is` (`F. Delcourt`): a person when the surname is listed, when
 * such names make a list (`S. Haddad, F. Delcourt, J. Ouédraogo`), after a label (`Contact : A. Nowak`),
 * a sign-off or a word that introduces a person (`avec`, `by`). Returns the name's end, 0 when none.
 */
function readInitialed(state: State, is: number, s: number, e: number): number {
  const text = state.text;
  if (e - s < 3 || s < state.emittedTo || capitalised(text, s, e) !== "title") return 0;
  if (looksLikeCode(text, s, e, undefined) || headingLine(state, s)) return 0;
  const lower = text.slice(s, e).toLowerCase();
  if (STOP.has(lower) || SOFT.has(lower) || JOB_WORDS.has(lower) || TITLES.has(text.slice(s, e)) || ORG_WORDS.has(lower)) return 0;
  const prev = previousWord(text, is);
  const cued =
    (state.surnames.has(lower) && !state.ambiguous.has(lower)) ||
    INITIAL_ITEM_AFTER.test(text.slice(e, e + 8)) ||
    INITIAL_ITEM_BEFORE.test(text.slice(Math.max(0, is - 40), is)) ||
    (listPosition(text, is) && labelBefore(text, is)) ||
    nameKeyBefore(text, is) ||
    (prev !== undefined && prev.gap === " " && INITIAL_CUES.has(prev.word.lower)) ||
    (startsLine(text, is) && afterSignOff(text, is));
  if (!cued || orgWordAfter(text, e) || companyFormAfter(text, e)) return 0;
  emitName(state, is, e, 0.75, [{ s, e, lower }]);
  return e;
}

/**
 * The rest of readWord, for the few words its cheap tests let through: a function of its own so
 * that the hot tests compile small and soon, and a deoptimisation here (a branch first taken
 * late in a run) does not throw their optimised code away (docs/speed.md).
 */
function readCandidate(state: State, s: number, e: number, maybeKnown: boolean, cap: "title" | "caps"): number {
  const text = state.text;
  // Not in the table: no title, no stop word, no listed name; nothing to slice.
  const word = maybeKnown ? text.slice(s, e) : "";
  const lower = maybeKnown ? word.toLowerCase() : "";

  // A title: `M. Dupont`, `Mme Devaux`, `Dr. Cettina Fanucci`.
  if (maybeKnown && TITLES.has(word)) {
    let ns = e;
    if (text.charCodeAt(ns) === 46) ns++;
    else if (word === "M") return e;
    if (text.charCodeAt(ns) !== 32) return e;
    return readTitled(state, word, ns + 1, e);
  }
  // `M. Julien Robert`: WORD_START passes over the one-letter `M`, so its name is read from here.
  if (s >= 3 && text.charCodeAt(s - 1) === 32 && text.charCodeAt(s - 2) === 46 && text.charCodeAt(s - 3) === 77 && (s === 3 || !isLetter(text.charCodeAt(s - 4)))) {
    const end = readTitled(state, "M", s, s);
    if (end > s) return end;
  }
  // A job title is no name, but the name after it is one (`Producer Mashuu Samurakami`).
  if (maybeKnown && JOB_WORDS.has(lower)) return e;

  if (cap === "caps") return e;
  if (maybeKnown && STOP.has(lower)) return e;
  const plain = maybeKnown && state.plain.has(lower);
  const soft = maybeKnown && SOFT.has(lower);
  const ambiguous = maybeKnown && !plain && (soft || state.ambiguous.has(lower));
  const known = plain || ambiguous;
  // Glued to a percent-escape (`Orion%20Cloud` in a URL): a listed given name still reads as one there, any other word is the URL's.
  if (!plain && text.charCodeAt(e) === 37) return e;
  // Inside a run of capitalised words already read from an earlier word: nothing new to learn
  // (a place or a common word there was read as a surname or ended that run).
  if (!known && s < state.extendedTo) return e;
  if (soft && s < state.extendedTo && !greetingBefore(text, s)) return e;
  // Unknown words need a cue; with none of the cheap signs of one around, stop here.
  if (!known && !mayHaveCue(text, s, e)) return e;
  const prev = previousWord(text, s);
  if (looksLikeCode(text, s, e, prev)) return e;

  // Cheap questions first; most capitalised words in code and prose fail them all.
  const prevLower = prev?.word.lower;
  const strong =
    prev !== undefined &&
    ((prev.gap === " " && STRONG_CUES.has(prevLower!)) ||
      (prev.gap === " " && prevLower === "is" && /\bname$/i.test(text.slice(Math.max(0, prev.word.s - 6), prev.word.s - 1))) ||
      (prev.gap === " " && prevLower === "me" && /\bcalls?$/i.test(text.slice(Math.max(0, prev.word.s - 7), prev.word.s - 1))) ||
      (prev.gap === " " && (prevLower === "m'appelle" || prevLower === "m’appelle")) ||
      // `l'interphone au nom de Benhamou`, `réservé au nom de Martin` (not English `the name of`, which names anything).
      (prev.gap === " " && prevLower === "de" && /\bau nom$/i.test(text.slice(Math.max(0, prev.word.s - 7), prev.word.s - 1))) ||
      ((prev.gap === "? " || prev.gap === ": ") && prevLower === "name"));
  // `Hi Jordan,` but not `Hello Paris!`: a word that is also a place or a common word is greeted only before a comma.
  const greeted = known && prev !== undefined && (prev.gap === " " || prev.gap === ", ") && GREETINGS.has(prevLower!) && (!soft || text.charCodeAt(e) === 44);
  // `Producer Mashuu Samurakami`, `my kid Marie`, `ma fille Sophie`, `called Marjo Honkasalo`, `I'm Annemette Iversen`.
  // A capitalised job word inside a sentence belongs to a proper noun (`the Developer Command Prompt`), not before a name.
  const job = prev !== undefined && prev.gap === " " && JOB_WORDS.has(prevLower!) && (!isUpper(text.charCodeAt(prev.word.s)) || sentenceInitial(text, prev.word.s));
  const related = prev !== undefined && prev.gap === " " && RELATION_WORDS.has(prevLower!);
  // `called Marjo`, and `named him Frank`, `called her Devin`.
  const naming = prev !== undefined && prev.gap === " " && (NAMING_CUES.has(prevLower!) || ((prevLower === "him" || prevLower === "her") && namingBefore(text, prev.word.s)));
  const field = (listPosition(text, s) && labelBefore(text, s)) || nameKeyBefore(text, s);
  // The column lookup only matters where nothing else decides: a listed given name with a surname is one anyway (not `John Smith`: both are words too).
  const columnKind = !field && !strong && !(plain && nextIsCapitalised(text, e)) && lineHasTable(state, s) ? inNameColumn(state, s) : 0;
  // The column's own header repeated as a value (a CSV pasted twice) is a header, not a name; a city or a company column holds none.
  if (columnKind === 2 || columnKind === 3) return e;
  const column = columnKind === 1 && nameShapedCell(text, s);
  const lineStart = startsLine(text, s);
  const signed = !field && !strong && !column && (lineStart || text.charCodeAt(s - 2) === 44) && afterSignOff(text, s);
  // Unknown words with no cue at all: only a surname-shaped word after them can still make a name.
  // `Morrison, Rogers and Torres`, `Camille, Karim et Sophie`: the next item of a list whose last item was a name.
  const listed = !soft && listFollows(state, s, known) && !sentenceInitial(text, s);
  // `Remember me, Maria?`, `Don't go to town, Mark!`: a known name called by a comma and a question or an exclamation.
  const called = ambiguous && !PLACES.has(lower) && prev !== undefined && prev.gap === ", " && (text.charCodeAt(e) === 63 || text.charCodeAt(e) === 33);
  if (called) {
    emitName(state, s, e, 0.7, [{ s, e, lower }]);
    return e;
  }
  if (!known && !strong && !field && !column && !signed && !lineStart && !related && !listed && !nextIsCapitalised(text, e) && !agentAfter(text, e, lower || text.slice(s, e).toLowerCase(), sentenceInitial(text, s)) && !authorOfWork(text, s, e)) return e;

  const name = extendName(state, s, e);
  // `From: Qonto <noreply@qonto.com>`, `Calendly <notifications@calendly.com>`: one word before a service's address is its sender, no person.
  if (name.more === 0 && serviceSender(text, name.end, name.words[0].lower)) return name.end;
  // A run already walked to its end (`Orion Clou Orion Clou …`) is not walked again from each known word in it.
  if (name.end >= state.extendedTo) state.extendedTo = runEnd(text, name.end);
  if (orgWordAfter(text, name.end)) return name.end;
  // A street: its type after the words (`Marina Fort Street`, `Leokadia Trail`), a street word of another language before them (`ul. Cicha`, `Via Nuova`).
  if (streetAround(text, s, name.end)) return name.end;
  // A speaker: a known given name at the line's start (`Camille :`), or any name after a timestamp (`[10:02] Karim B. :`).
  const speakerKind = !field && name.more <= 2 ? speakerAt(text, s, name.end) : 0;
  // In a transcript (two speakers or more, one of them a listed given name), every speaker is a person: `Ubul: What a wife.`
  // A listed name that is also a word, speaking a sentence: `John: You saved my life!`.
  const transcribed =
    speakerKind === 1 &&
    !name.words.some((w) => SPEAKER_NOT.has(w.lower) || SOFT.has(w.lower)) &&
    proseAfterColon(text, name.end) &&
    ((ambiguous && name.more === 0) || inTranscript(state));
  const speaker = (speakerKind === 1 && name.words.some((w) => state.plain.has(w.lower))) || (speakerKind === 2 && (known || name.more > 0)) || transcribed;

  const cued = strong || greeted || field || speaker || signed || column || job || related;
  // `Tomomi Nishiyama lives at`, `Marie Dubois explique`: a verb that takes a person.
  const acting = (known || name.more === 1 || name.initial > 0) && text.charCodeAt(name.end) === 32 && isLower(text.charCodeAt(name.end + 1)) && personVerbAfter(text, name.end);
  if (known && name.more > 0) {
    // `Rose Garden`-like pairs: an ambiguous first word at the start of a sentence needs context;
    // a place or a common word (`Jordan`, `Victoria`) needs a listed given name or a surname's ending after it too.
    const second = name.words[1].lower;
    const soundPair = !soft || state.plain.has(second) || surnameLike(state, second) || name.initial > 0;
    // A listed surname that is no word after it (`Tom Smith is here.`) is context enough, even there.
    // A surname's shape no word has (`Charlotte Vanderlinden`, `Rose Kowalska`) is, even after a given name that is a word.
    const surnamed = (!soft && surnameFollows(state, name.words)) || name.words.slice(1).some((w) => STRONG_SURNAME_SHAPE.test(w.lower));
    if (ambiguous && !(cued || acting || naming) && ((sentenceInitial(text, s) && !surnamed) || !soundPair)) return name.end;
    emitName(state, s, name.end, 0.85, name.words);
    return name.end;
  }
  // `Stefanía K. Oddgeirsdóttir`, `Csanád P Gere` after a known given name: a middle initial is a name's shape.
  if (name.initial === 2 || (name.initial === 1 && known)) {
    emitName(state, s, name.end, 0.75, name.words);
    return name.end;
  }
  if (name.more > 0 && !sentenceInitial(text, s) && name.words.slice(1).some((w) => surnameLike(state, w.lower))) {
    emitName(state, s, name.end, 0.7, name.words);
    return name.end;
  }
  // After `called` or `I'm`, a pair of unknown words may be a product (`called Visual Studio`): a surname's ending says otherwise.
  const namedPair = naming && (plain || (ambiguous && (prevLower === "him" || prevLower === "her")) || (name.more > 0 && (known || name.words.slice(1).some((w) => surnameLike(state, w.lower)))));
  // `the Petersson novel`, `le roman de Sokolov` aside: an author named by their work.
  if (name.more <= 1 && !ambiguousAgent(name.words[0].lower) && !ORG_WORDS.has(name.words[name.more].lower) && authorOfWork(text, s, name.end)) {
    emitName(state, s, name.end, 0.7, name.words);
    return name.end;
  }
  // `Gerth had given Gerth his address`, `Mehrudin shouted at Todd`: a word no list knows, acting as a person.
  if (!known && name.more <= 1 && !ambiguousAgent(name.words[0].lower) && agentAfter(text, name.end, name.words[name.more].lower, sentenceInitial(text, s))) {
    emitName(state, s, name.end, 0.7, name.words);
    return name.end;
  }
  if (((acting || job) && (known || name.more > 0)) || namedPair) {
    emitName(state, s, name.end, 0.75, name.words);
    return name.end;
  }
  if ((related && !sentenceInitial(text, s)) || (listed && name.more === 0)) {
    emitName(state, s, name.end, 0.75, name.words);
    return name.end;
  }
  // `name: This should be a string`, `author: Take some credit`: a label's definition, not its value.
  const labelled = field || (prev !== undefined && prev.gap === ": " && prevLower === "name");
  const defined = labelled && !plain && name.more === 0 && text.charCodeAt(name.end) === 32 && isLower(text.charCodeAt(name.end + 1));
  if (defined) return name.end;
  if (strong || field || column || (speaker && (known || name.more > 0 || transcribed)) || (signed && (known || name.more > 0))) {
    emitName(state, s, name.end, known || name.more > 0 ? 0.8 : 0.7, name.words);
    return name.end;
  }
  if (greeted) {
    emitName(state, s, name.end, 0.8, name.words);
    return name.end;
  }
  if (plain && name.more === 0 && e - s >= 3) {
    emitName(state, s, e, 0.6, name.words);
    return e;
  }
  return e;
}

/** The name after a title (`Mme Devaux`, `Dr. Cettina Fanucci`, `Mrs. Baker`) from `ns`; `fallback` when there is none. */
function readTitled(state: State, title: string, ns: number, fallback: number): number {
  const text = state.text;
  const ne = wordEnd(text, ns);
  const ncap = capitalised(text, ns, ne);
  if (!ncap || ne - ns < 2) return fallback;
  const nlower = text.slice(ns, ne).toLowerCase();
  if (STOP.has(nlower) || TITLES.has(text.slice(ns, ne))) return fallback;
  if (WEAK_TITLES.has(title) && !(state.plain.has(nlower) || state.ambiguous.has(nlower) || ncap === "caps") && !(title === "M" && ne - ns >= 3 && (monsieurContext(text, ns - 3) || surnameAfterMonsieur(state, text, ns - 3, nlower)))) return fallback;
  if (looksLikeCode(text, ns, ne, undefined)) return fallback;
  const name = extendName(state, ns, ne, true);
  emitName(state, ns, name.end, 0.85, name.words);
  return name.end;
}

/** Words after which `M.` is Monsieur, not a letter ending a sentence (`taille M. Disponible`): `à M. Fontaine`, `Excusé : M. Moreau`. */
const BEFORE_MONSIEUR = new Set(["à", "a", "de", "du", "chez", "avec", "par", "pour", "et", "ou", "selon", "entre", "contre", "cher", "bonjour", "merci", "excusé", "excusée", "excusés", "absent", "absente", "présent", "présente", "représenté", "représentée", "signé", "signée", "attention", "attn", "destinataire", "contact", "interlocuteur", "client", "from", "to", "cc"]);

/** Whether the `M.` at `m` opens its line or follows punctuation or one of BEFORE_MONSIEUR: then any capitalised name after it is a person. */
function monsieurContext(text: string, m: number): boolean {
  let i = m;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === 0 || text.charCodeAt(i - 1) === 10) return true;
  const c = text.charCodeAt(i - 1);
  if (c === 58 || c === 44 || c === 59 || c === 40 || c === 0xab || c === 34 || c === 0x2013 || c === 0x2014 || c === 45 || c === 62 || c === 124) return true;
  const prev = previousWord(text, m);
  return prev !== undefined && prev.gap === " " && BEFORE_MONSIEUR.has(prev.word.lower);
}

/** Words after which `M.` is a size, not Monsieur, whatever follows (`taille M. Blanc`). */
const BEFORE_SIZE = new Set(["taille", "tailles", "size", "sizes", "pointure", "format", "modèle", "modele", "variante", "version", "type", "option"]);

/** `Je vois M. Dupont`, `j'ai appelé M. Moreau`: a listed surname (or one that is also a word) after `M.` in a sentence. */
function surnameAfterMonsieur(state: State, text: string, m: number, lower: string): boolean {
  if (!state.surnames.has(lower) && !isAmbiguousSurname(lower)) return false;
  const prev = previousWord(text, m);
  return prev === undefined || prev.gap !== " " || !BEFORE_SIZE.has(prev.word.lower);
}

/** Whether a greeting word is right before `s` (`Hi Austin,`). */
function greetingBefore(text: string, s: number): boolean {
  const prev = previousWord(text, s);
  return prev !== undefined && prev.gap === " " && GREETINGS.has(prev.word.lower);
}

/** Whether `s` is the next item of a list (`, ` ` and ` ` et ` ` & `) whose item before is the last name found. */
function listFollows(state: State, s: number, given = false): boolean {
  const last = state.found[state.found.length - 1];
  if (!last || last.end >= s || s - last.end > 5) return false;
  const gap = state.text.slice(last.end, s);
  if (!(gap === ", " || gap === " and " || gap === " et " || gap === " & ")) return false;
  // The item ends there: a separator or a sentence's end, not a capitalised word or a number (`Camille, Hall Orchestra`, `Leon and Eyrarodda 66`).
  const text = state.text;
  const e = wordEnd(text, s);
  const c = e < text.length ? text.charCodeAt(e) : 46;
  if (!(c === 44 || c === 46 || c === 59 || c === 41 || c === 10 || (c === 32 && !isUpper(text.charCodeAt(e + 1)) && !isDigit(text.charCodeAt(e + 1))))) return false;
  // A listed given name after a given name alone (`Merci à Océane et Baptiste`): first names, no firm's.
  // Two items joined by `et` / `and`, not a longer run of single words (`Jones, Mitchell and Williams`, `Jones, Smith and Davis`: firms).
  if (given && gap !== ", " && last.words.length === 1 && state.plain.has(last.words[0].lower) && !/,\s*$/.test(text.slice(Math.max(0, last.s - 3), last.s))) return true;
  // A full name in the list, or a list after a colon (`founders: Morrison, Rogers and Torres`); `Marshall, Hernandez and Simpson` alone is a firm's name.
  let k = state.found.length - 1;
  while (k > 0 && state.found[k].words.length === 1 && /^(?:, | and | et | & )$/.test(text.slice(state.found[k - 1].end, state.found[k].s))) k--;
  if (state.found.slice(k).some((f) => f.words.length >= 2)) return true;
  let i = state.found[k].s - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i >= 0 && text.charCodeAt(i) === 58;
}

/** Whether the next word after `end` is a verb that takes a person (`lives`, `said`, `explique`). */
function personVerbAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  const ws = end + 1;
  let we = ws;
  while (we < text.length && we - ws < 12 && isLetter(text.charCodeAt(we))) we++;
  if (we - ws < 2 || (we < text.length && isLetter(text.charCodeAt(we)))) return false;
  return PERSON_VERBS.has(text.slice(ws, we));
}

/** Verbs in the past that only a person does: after a word no list knows, they make it a name. */
const HUMAN_PAST = new Set(["said", "told", "asked", "replied", "answered", "shouted", "whispered", "smiled", "laughed", "cried", "thanked", "recalled", "admitted", "insisted", "complained", "married", "répondit", "sourit", "lives", "lived"]);
const PERSONAL_PRONOUNS = new Set(["his", "her", "himself", "herself"]);
/** What an imperative verb takes right after it. */
const OBJECT_WORDS = new Set(["a", "an", "the", "him", "her", "it", "them", "me", "us", "you", "my", "your", "his", "our", "their", "this", "that", "these", "those", "to", "up", "down", "on", "in", "off", "out", "away", "back", "some", "all"]);
/** Capitalised words that act as people without being anyone's name: `Everyone said`, `Mom told her`. */
const AGENT_NOT = new Set([
  "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "noone", "mom", "mum", "dad", "mommy", "daddy", "mother", "father",
  "sister", "brother", "husband", "wife", "friend", "neighbor", "neighbour", "guy", "man", "woman", "kid", "child", "baby", "girl", "boy", "god",
  "grandma", "grandpa", "granny", "doctor", "teacher", "police", "officer", "boss", "customer", "user", "client", "narrator", "interviewer",
  "reporter", "author", "writer", "chef", "speaker", "support", "agent", "bot", "assistant", "one", "each", "who", "which", "that", "this", "what",
  // sentence openers
  "then", "now", "later", "today", "yesterday", "tomorrow", "also", "so", "but", "and", "yet", "still", "maybe", "perhaps", "finally", "first",
  "next", "last", "here", "there", "when", "while", "after", "before", "since", "because", "although", "however", "meanwhile", "suddenly",
  "actually", "honestly", "sadly", "luckily", "instead", "eventually", "soon", "once", "again", "even", "only", "just", "never", "always",
]);

function ambiguousAgent(lower: string): boolean {
  return AGENT_NOT.has(lower) || STOP.has(lower) || HARD.has(lower) || SOFT.has(lower) || JOB_WORDS.has(lower) || RELATION_WORDS.has(lower) || SPEAKER_NOT.has(lower);
}

/**
 * Whether the words after `end` make the word before a person: a verb only people do
 * (`Mehrudin shouted`), or `his` / `her` within the next four words of the sentence
 * (`Gerth had given Gerth his address`, `Ubul listed his top 20`).
 */
function agentAfter(text: string, end: number, lower: string, opening: boolean): boolean {
  if (text.charCodeAt(end) !== 32 || ambiguousAgent(lower)) return false;
  let i = end;
  for (let n = 0; n < 5 && text.charCodeAt(i) === 32; n++) {
    const ws = i + 1;
    let we = ws;
    while (we < text.length && we - ws < 12 && isLetter(text.charCodeAt(we))) we++;
    if (we === ws || (we < text.length && isLetter(text.charCodeAt(we)))) return false;
    const word = text.slice(ws, we);
    if (n === 0 && HUMAN_PAST.has(word)) return true;
    // `Dzhambek is from Civic Impulse LLC`: from a company, by its legal form on the line.
    if (n === 0 && word === "is" && text.startsWith(" from ", we) && companyFormOnLine(text, we + 6)) return true;
    // An imperative opening a sentence takes an object first: `Put a gun against his head`, `Spare him his life`, `Tell her his name`.
    if (n === 0 && opening && OBJECT_WORDS.has(word)) return false;
    if (PERSONAL_PRONOUNS.has(word) && (n > 0 || !opening)) return true;
    i = we;
  }
  return false;
}

/** Works named after their author (not songs, films or books, named after bands, studios and titles too): `the Petersson novel`, `the Castro biography`. */
const WORK_NOUNS = new Set(["novel", "novels", "biography", "memoir", "memoirs", "trilogy", "saga", "poem", "poems", "essay", "essays", "painting", "paintings", "portrait", "symphony", "concerto", "sonata", "screenplay"]);

/** Whether `the` comes right before `s` and a work's noun right after `end`: `the Petersson novel`. */
function authorOfWork(text: string, s: number, end: number): boolean {
  if (s < 4 || text.charCodeAt(end) !== 32) return false;
  const t = text.charCodeAt(s - 4);
  if (!((t === 116 || t === 84) && text.startsWith("he ", s - 3)) || (s > 4 && isLetter(text.charCodeAt(s - 5)))) return false;
  const ws = end + 1;
  let we = ws;
  while (we < text.length && we - ws < 12 && isLower(text.charCodeAt(we))) we++;
  if (we === ws || (we < text.length && isLetter(text.charCodeAt(we)))) return false;
  return WORK_NOUNS.has(text.slice(ws, we));
}

/** Whether a company's legal form (`Inc`, `LLC`, `SAS` …) ends a word on the line from `from`, within 60 code units. */
function companyFormOnLine(text: string, from: number): boolean {
  const limit = Math.min(text.length, from + 60);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 32 && companyFormAfter(text, i)) return true;
  }
  return false;
}

/** Whether `named` / `called` / `nicknamed` ends right before `s` (one space). */
function namingBefore(text: string, s: number): boolean {
  if (text.charCodeAt(s - 1) !== 32) return false;
  for (const cue of ["named", "called", "nicknamed", "appelé", "appelée"]) {
    const at = s - 1 - cue.length;
    if (at >= 0 && text.startsWith(cue, at) && (at === 0 || !isLetter(text.charCodeAt(at - 1)))) return true;
  }
  return false;
}

/** Whether an organisation's word follows the name ending at `end`: `Russell Investments`, `Hall Orchestra`. */
function orgWordAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32 || !isUpper(text.charCodeAt(end + 1))) return false;
  const we = wordEnd(text, end + 1);
  return we - end - 1 >= 3 && ORG_WORDS.has(text.slice(end + 1, we).toLowerCase());
}

/** Whether the capitalised words [s, end) name a street: a street type after them, a street word before them, or a house number on both sides (`03751 Gerrit Achterberghove 137`). */
function streetAround(text: string, s: number, end: number): boolean {
  if (text.charCodeAt(end) === 32 && isUpper(text.charCodeAt(end + 1))) {
    const we = wordEnd(text, end + 1);
    if (STREET_AFTER.has(text.slice(end + 1, we).toLowerCase())) return true;
  }
  const prev = previousWord(text, s);
  if (prev && (prev.gap === " " || prev.gap === ". ") && STREET_BEFORE.has(prev.word.lower)) return true;
  // A number right before and a number right after: a house number, a street, a number (`Peter Zuidhove 188` after `on` is too weak alone).
  if (s >= 2 && text.charCodeAt(s - 1) === 32 && isDigit(text.charCodeAt(s - 2)) && text.charCodeAt(end) === 32 && isDigit(text.charCodeAt(end + 1))) return true;
  return false;
}

/** Only spaces, tabs, `>` and a bracketed timestamp between the line's start and `s` (bounded). */
function startsLine(text: string, s: number): boolean {
  let i = s - 1;
  const limit = Math.max(0, s - 30);
  while (i >= limit) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (!(c === 32 || c === 9 || c === 62 || c === 91 || c === 93 || c === 58 || isDigit(c) || c === 42 || c === 45)) return false;
    i--;
  }
  return i < 0;
}

/** End of the run of capitalised words from `end` (at most 64 more): the unknown ones in it need no second look. */
function runEnd(text: string, end: number): number {
  let e = end;
  for (let k = 0; k < 64 && nextIsCapitalised(text, e); k++) {
    const we = wordEnd(text, e + 1);
    if (we === e + 1) break;
    e = we;
  }
  return e;
}

/** `Mr`, `Ms`, `Dr`, `Me`, `MM`, `Pr`, `Sr`, `Mx`: two-letter titles. */
function isTitleStart(text: string, s: number): boolean {
  return TITLES.has(text.slice(s, s + 2));
}

/** A capitalised word right after one space. */
function nextIsCapitalised(text: string, e: number): boolean {
  return text.charCodeAt(e) === 32 && isUpper(text.charCodeAt(e + 1));
}

/** Emits the names found that hold no company word, and learns their parts for readParts. */
function flushNames(state: State): void {
  const companies = state.companies;
  for (const f of state.found) {
    if (companies.size > 0 && f.words.some((w) => companies.has(w.lower))) continue;
    emit(state.out, state.context, PII.person, f.s, f.end, f.confidence);
    state.spans.push([f.s, f.end]);
    // Parts of a given name + surname only: `Life Cycle Scripts` teaches nothing. A given name
    // that is also a word (`Olivier`, `Tom`; not an everyday one such as `Will`) needs a listed
    // or O'/Mc surname beside it.
    if (f.words.length >= 2 && (f.words.some((w) => state.plain.has(w.lower)) || wordGivenAndSurname(state, f.words))) {
      for (const w of f.words) if (w.e - w.s >= 3 && !PARTICLES.has(w.lower) && !STOP.has(w.lower) && !companies.has(w.lower)) state.parts.add(w.lower);
      // The given name of a name written `Grégoire Lemaire` with a listed surname (not `Catalina CLT`, `Kein Wert`) is looked for in lower case too.
      const given = f.words[0];
      if (f.words.length === 2 && state.joinable.length < MAX_LOWERCASE_PARTS) {
        const g = foldAscii(given.lower);
        const sn = foldAscii(f.words[1].lower);
        if (g.length >= 3 && sn.length >= 3 && !state.joinable.some(([a, b]) => a === g && b === sn)) state.joinable.push([g, sn]);
      }
      if (state.lowerParts.size < MAX_LOWERCASE_PARTS && given.e - given.s >= 4 && plainGiven(state, given.lower) && !SOFT.has(given.lower) && f.words.slice(1).every((w) => titleCase(state.text, w)) && surnameFollows(state, f.words)) {
        state.lowerParts.add(given.lower);
      }
    }
  }
}

function wordGivenAndSurname(state: State, words: readonly { lower: string }[]): boolean {
  const given = words[0].lower;
  if (!state.ambiguous.has(given) || SOFT.has(given)) return false;
  return surnameFollows(state, words);
}

/** Where the line's content starts: after indentation and quote or label marks (`> `, `??? `, `- `). */
function lineContentStart(text: string, ls: number, le: number): number {
  let i = ls;
  while (i < le) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 62 || c === 63 || c === 42 || c === 45 || c === 13) i++;
    else break;
  }
  return i;
}

/** End of the line's content: before trailing spaces and a carriage return. */
function lineContentEnd(text: string, ls: number, le: number): number {
  let i = le;
  while (i > ls && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 13 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/**
 * The words of a line that may be a recipient's name, or undefined: two to four capitalised
 * words (a middle initial and particles allowed), nothing else on the line, none of them a
 * company's, an organisation's or a common word, one at least a listed name, a surname's shape or an initial.
 */
function recipientLine(state: State, s: number, e: number, vouched = false): Word[] | undefined {
  const text = state.text;
  const words: Word[] = [];
  let evidence = false;
  let i = s;
  while (i < e) {
    const we = wordEnd(text, i);
    if (we === i) return undefined;
    const lower = text.slice(i, we).toLowerCase();
    const initial = we - i === 1 && isUpper(text.charCodeAt(i));
    if (initial) {
      evidence = true;
      if (text.charCodeAt(we) === 46) i = we + 1;
      else i = we;
    } else if (PARTICLES.has(lower)) {
      i = we;
    } else {
      if (capitalised(text, i, we) !== "title") return undefined;
      if (STOP.has(lower) || HARD.has(lower) || ORG_WORDS.has(lower) || COMPANY_FORMS.has(text.slice(i, we)) || JOB_WORDS.has(lower) || SPEAKER_NOT.has(lower) || STREET_AFTER.has(lower)) return undefined;
      if (state.plain.has(lower) || state.ambiguous.has(lower) || surnameLike(state, lower)) evidence = true;
      words.push({ s: i, e: we, lower });
      i = we;
    }
    if (i >= e) break;
    if (text.charCodeAt(i) !== 32) return undefined;
    i++;
  }
  return words.length >= 2 && words.length <= 4 && (evidence || vouched) ? words : undefined;
}

const LABEL_LINE_MAX = 200;

/** Start of the line holding the code unit before `i`, or -1 when it starts more than `max` code units back. */
function lineStartWithin(text: string, i: number, max: number): number {
  const limit = Math.max(0, i - max);
  for (let k = i; k > limit; k--) if (text.charCodeAt(k - 1) === 10) return k;
  return limit === 0 ? 0 : -1;
}

/**
 * The recipient heading a postal address (`Duqyaha Karataev⏎⏎3657 Laukaantie 80⏎…`, `> Ella H. Snider⏎> Otc Markets⏎> 228 Ringvej 144`):
 * the first line of the block the address closes (at most three lines above it, one blank line
 * allowed), when that line reads as a name; the same line repeated in the block is that person too.
 */
function readAddressHeads(state: State): void {
  const text = state.text;
  const out = state.out;
  let doneTo = -1;
  let lastLine = -1;
  const heads: State["found"] = [];
  for (let k = 0; k < out.length; k++) {
    const c = out[k];
    if (c.kind !== PII.address.kind || c.start < doneTo) continue;
    doneTo = c.end;
    const lines: [number, number][] = [];
    let blank = 0;
    // Label lines are short: a longer one (a minified line, a paragraph) heads no block.
    let ls = lineStartWithin(text, c.start, LABEL_LINE_MAX);
    if (ls < 0 || ls === lastLine) continue;
    lastLine = ls;
    let headed = false;
    while (ls > 0 && lines.length <= 3) {
      const le = ls - 1;
      const ps = lineStartWithin(text, le, LABEL_LINE_MAX);
      if (ps < 0) break;
      const cs = lineContentStart(text, ps, le);
      const ce = lineContentEnd(text, cs, le);
      ls = ps;
      if (ce <= cs) {
        if (lines.length > 0) {
          headed = true;
          break;
        }
        if (++blank > 1) break;
        continue;
      }
      lines.push([cs, ce]);
      if (ps === 0) headed = true;
    }
    if (!headed || lines.length === 0 || lines.length > 3) continue;
    const [hs, he] = lines[lines.length - 1];
    const head = text.slice(hs, he);
    // The same line twice in the block (`>Gyala Antall⏎>Google Public Data Explorer⏎>Gyala Antall⏎>3369 …`) vouches for it.
    const repeated = lines.some(([s, e]) => s !== hs && text.slice(s, e) === head);
    const words = recipientLine(state, hs, he, repeated);
    if (!words) continue;
    for (const [s, e] of lines) {
      if (s !== hs && text.slice(s, e) !== head) continue;
      if (overlapsFound(state.found, s, e)) continue;
      heads.push({ s, end: e, confidence: 0.75, words: s === hs ? words : recipientLine(state, s, e) ?? words });
    }
  }
  for (const h of heads) state.found.push(h);
}

/** Whether [s, e) overlaps a name found, in `found` sorted by start (the main walk's order). */
function overlapsFound(found: State["found"], s: number, e: number): boolean {
  let lo = 0;
  let hi = found.length;
  // The first name starting at or after e; the one before it is the only one that may reach into [s, e) past its start (names never overlap).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid].s < e) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && found[lo - 1].end > s;
}

/** Plural verbs after a pair of people: `Usamov and Bowers were precision engineers`. */
const PAIR_VERBS = ["were", "are", "have", "had", "sont", "étaient", "ont"];

/** A capitalised word that may stand for a person in a pair: not a common, organisation or place word. */
function pairWord(state: State, s: number, e: number): string | undefined {
  if (e - s < 3 || capitalised(state.text, s, e) !== "title") return undefined;
  const lower = state.text.slice(s, e).toLowerCase();
  if (ambiguousAgent(lower) || ORG_WORDS.has(lower) || PLACES.has(lower) || STREET_AFTER.has(lower) || COMPANY_FORMS.has(state.text.slice(s, e))) return undefined;
  return lower;
}

/**
 * Two people as one subject: `Usamov and Bowers were precision engineers`, `Durand et Lefort ont signé`:
 * two capitalised words joined by `and` / `et` before a plural verb and a lower-case word, one of
 * them at least a listed name or a surname's shape, neither a given name that is also a word.
 * Returns the end of the pair, or 0.
 */
function readPair(state: State, as: number, ae: number): number {
  const text = state.text;
  const bs = ae + (text.charCodeAt(ae + 1) === 97 ? 5 : 4);
  const be = wordEnd(text, bs);
  if (be === bs || text.charCodeAt(be) !== 32) return 0;
  const vs = be + 1;
  const verb = PAIR_VERBS.find((v) => text.startsWith(v, vs) && text.charCodeAt(vs + v.length) === 32 && isLower(text.charCodeAt(vs + v.length + 1)));
  if (!verb) return 0;
  if (as > 0 && (text.charCodeAt(as - 1) === 45 || isApostrophe(text.charCodeAt(as - 1)) || isDigit(text.charCodeAt(as - 1)))) return 0;
  const a = pairWord(state, as, ae);
  const b = a === undefined ? undefined : pairWord(state, bs, be);
  if (a === undefined || b === undefined) return 0;
  const listed = (w: string): boolean => state.plain.has(w) || surnameLike(state, w);
  const wordLike = (w: string): boolean => state.ambiguous.has(w) && !state.surnames.has(w);
  if ((!listed(a) && !listed(b)) || wordLike(a) || wordLike(b)) return 0;
  if (looksLikeCode(text, as, ae, previousWord(text, as)) || headingLine(state, as)) return 0;
  emitName(state, as, ae, 0.7, [{ s: as, e: ae, lower: a }]);
  emitName(state, bs, be, 0.7, [{ s: bs, e: be, lower: b }]);
  return be;
}

/** The found names of two words or more, their letters run together (termFormKey: `Léonie Favre` → `leoniefavre`); built on first need. */
function joinedNames(state: State): Set<string> {
  return (state.joinedNames ??= new Set(state.found.filter((f) => f.words.length >= 2).map((f) => termFormKey(f.words.map((w) => w.lower).join("")))));
}

/**
 * `@camille`, `@tom.becker`: a mention whose first part is a known given name; and a handle
 * that is a name found in the text run together (`@leoniefavre` after `Léonie Favre`).
 */
function readMentions(state: State): void {
  const text = state.text;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    // After a space, a bracket, a comma or a quote (`handle: "@leoniefavre"`).
    if (!(before === 32 || before === 10 || before === 9 || before === 40 || before === 44 || before === 34 || before === 39)) continue;
    let e = at + 1;
    while (e < text.length && e - at < 40) {
      const c = text.charCodeAt(e);
      if (isLetter(c) || isDigit(c) || c === 95 || c === 45 || (c === 46 && isLetter(text.charCodeAt(e + 1)))) e++;
      else break;
    }
    if (e - at < 4) continue;
    const after = e < text.length ? text.charCodeAt(e) : 32;
    // `@Component(`, `@scope/pkg`, `user@host`, `@param {x}`.
    if (after === 40 || after === 47 || after === 64) continue;
    const handle = text.slice(at + 1, e);
    if (DOC_TAGS.has(handle.toLowerCase())) continue;
    const first = handle.split(/[._-]/)[0].toLowerCase();
    // `@aicha` after `Aïcha Diallo`: a found full name's given name or surname, without its accents.
    const folded = state.joinable.length > 0 ? foldAscii(handle.toLowerCase()) : "";
    const part = folded.length >= 4 && state.joinable.some(([g, sn]) => g === folded || sn === folded);
    if (part) {
      emit(state.out, state.context, PII.person, at + 1, e, 0.75);
      state.spans.push([at + 1, e]);
      continue;
    }
    if (!state.plain.has(first) && !state.ambiguous.has(first)) {
      if (state.found.length === 0) continue;
      if (!joinedNames(state).has(termFormKey(handle))) continue;
      emit(state.out, state.context, PII.person, at + 1, e, 0.75);
      state.spans.push([at + 1, e]);
      continue;
    }
    // A decorator or a doc tag is one capitalised or lower-case word; a mention of a known name that is also a word needs a second part.
    if (state.ambiguous.has(first) && !/[._-]/.test(handle)) continue;
    if (isUpper(handle.charCodeAt(0)) && !/[._-]/.test(handle)) continue;
    emit(state.out, state.context, PII.person, at + 1, e, 0.75);
    state.spans.push([at + 1, e]);
  }
}

/** The folders that hold users' homes in a path, and the handle after one (read with a sticky regex at its end). */
const HOME_ROOTS = ["/home/", "/Users/", "\\Users\\"];
const HOME_HANDLE = /([A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f._-]{1,39})(?=[/\\\s"'`:)\]]|$)/y;

/**
 * A user folder in a path (logs and stack traces pasted whole) named after its owner: the first
 * part a listed given name, alone with four letters or more (`/home/sebastien.roux/`,
 * `/Users/anna/`, `C:\\Users\\julie.martin\\`; not `dev`, nor `j_martin`, whose initial is no
 * name); a given name that is also a word needs a second part (`rose.garnier`, not `/home/rose/`).
 * Generic accounts (`runner`, `ubuntu`, `node`) are no given names and stay. One indexOf walk per root.
 */
function readHomeFolders(state: State): void {
  const text = state.text;
  for (const root of HOME_ROOTS) {
    for (let at = text.indexOf(root); at !== -1; at = text.indexOf(root, at + root.length)) {
      const s = at + root.length;
      HOME_HANDLE.lastIndex = s;
      const m = HOME_HANDLE.exec(text);
      if (!m) continue;
      const handle = m[1];
      const parts = handle.toLowerCase().split(/[._-]/);
      const first = parts[0];
      const second = parts.length > 1 && /^[a-zà-ɏ]{2,}$/.test(parts[1]);
      // A lone name of four letters or more: `/Users/dev/` is a role.
      const known = plainGiven(state, first) && (second || first.length >= 4);
      if (!known && !(second && wordGivenAndSurname(state, [{ lower: first }, { lower: parts[1] }]))) continue;
      emit(state.out, state.context, PII.person, s, s + handle.length, 0.75);
      state.spans.push([s, s + handle.length]);
    }
  }
}

/**
 * A chat's speaker typed in lower case after its timestamp: `[09:13] kevin: oui`, WhatsApp's
 * `12/02/2026, 09:13 - julie marchand: ok`, a handle `[09:42] maria.lopez:`. The first word must be a listed given name. (The
 * same name read by readLowercase too is one finding: the scanner merges overlaps.)
 */
const STAMP_LINE = String.raw`[ \t>]*(?:\[[\d/.,: -]{4,22}(?:\s?[AaPp]\.?[Mm]\.?)?\]|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])? [-–])[ \t]+([a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{1,24})(?:[ ._]([a-zß-öø-ÿ][a-zß-öø-ÿ'’-]{1,24}))?[ \t]?:(?![/\d])`;
/** The line after a line break (`\n` first: the regex engine skips ahead to each one), and the text's first line. */
const STAMPED_LOWER_SPEAKER = new RegExp(`\\n${STAMP_LINE}`, "g");
const STAMPED_AT_START = new RegExp(STAMP_LINE, "y");
/** What every stamped line holds: a time (`09:13`) or a bracket's end before the speaker (`] kevin`). */
const STAMP_SIGN = /\d:\d\d|\][ \t]+[a-zß-öø-ÿ]/g;

/** What follows the dash on a Discord message's header line: `— Aujourd'hui à 09:14`, `— Today at 9:14 AM`, `— 03/12/2026 10:02`. */
const CHAT_HEADER_STAMP = /[ \t]+—[ \t]+(?:Aujourd['’]hui|Hier|Today|Yesterday|\d{1,2}\/\d{1,2}\/\d{2,4})(?:,? (?:à|at) \d{1,2}[:h]\d{2}(?: ?[AaPp][Mm])?|,? \d{1,2}:\d{2}(?: ?[AaPp][Mm])?)?[ \t]*(?=\r?\n|$)/y;
/** The author before it: one to four capitalised words or initials (`Nathalie D.`, `Maxime Le Floch`). */
const CHAT_HEADER_NAME = /^[ \t>]*(\p{Lu}[\p{L}'’-]*\.?(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*\.?|de|du|des|le|la|van|von|der|da|di|dos|el|al|ben|bin)){0,3})$/u;

/**
 * A chat's message header as Discord copies it: the author, an em dash, then a day or a date
 * and a time, alone on the line (`Nathalie D. — Aujourd'hui à 09:14`). The line's shape is the
 * cue: the author is a person whatever the lists say. One indexOf walk over the em dashes from
 * the first line that holds a time.
 */
function readChatHeaders(state: State, from: number): void {
  const text = state.text;
  // A header holds a time: none before the first line that holds one (readStampedSpeakers found it).
  if (from < 0) return;
  // The dash alone: a rare character, found fast; a needle opening on a space stops at every space.
  for (let dash = text.indexOf("—", from); dash !== -1; dash = text.indexOf("—", dash + 1)) {
    const at = dash - 1;
    if (at < 0 || (text.charCodeAt(at) !== 32 && text.charCodeAt(at) !== 9)) continue;
    let s = at;
    while (s > 0 && (text.charCodeAt(s - 1) === 32 || text.charCodeAt(s - 1) === 9)) s--;
    CHAT_HEADER_STAMP.lastIndex = s;
    if (!CHAT_HEADER_STAMP.test(text)) continue;
    const ls = text.lastIndexOf("\n", s - 1) + 1;
    if (s - ls > 60) continue;
    const m = CHAT_HEADER_NAME.exec(text.slice(ls, s));
    if (!m) continue;
    const start = ls + m[0].length - m[1].length;
    // A bot or a role posts too: `Modo-Bot`, `Support`.
    if (m[1].toLowerCase().split(/[ \t-]+/).some((w) => SPEAKER_NOT.has(w))) continue;
    emit(state.out, state.context, PII.person, start, s, 0.8);
    state.spans.push([start, s]);
    // Its words are the person's elsewhere (`@Maxime`, `Floch a dit`).
    const words = m[1].split(/[ \t]+/);
    if (words.length >= 2) for (const w of words) if (w.length >= 3 && !w.endsWith(".") && !PARTICLES.has(w.toLowerCase()) && !STOP.has(w.toLowerCase())) state.parts.add(w.toLowerCase());
  }
}

/** Reads them; returns where the first line holding a time or a `] word` starts, -1 when no line does. */
function readStampedSpeakers(state: State): number {
  const text = state.text;
  STAMP_SIGN.lastIndex = 0;
  if (!STAMP_SIGN.test(text)) return -1;
  // No stamped line ends before the first sign: the walk starts on its line.
  const from = text.lastIndexOf("\n", STAMP_SIGN.lastIndex - 1);
  if (from < 0) {
    STAMPED_AT_START.lastIndex = 0;
    const first = STAMPED_AT_START.exec(text);
    if (first !== null) stampedSpeaker(state, first);
  }
  const re = STAMPED_LOWER_SPEAKER;
  re.lastIndex = Math.max(0, from);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) stampedSpeaker(state, m);
  return from + 1;
}

function stampedSpeaker(state: State, m: RegExpExecArray): void {
  const first = m[1];
  if (SPEAKER_NOT.has(first)) return;
  // A given name that is also a word (`maria`) speaks with a surname: `maria.lopez:`.
  if (!state.plain.has(first) && !(m[2] !== undefined && wordGivenAndSurname(state, [{ lower: first }, { lower: m[2] }]))) return;
  const text = state.text;
  const colon = m.index + m[0].length - 1;
  let e = colon;
  while (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9) e--;
  const s = e - (m[2] === undefined ? first.length : first.length + 1 + m[2].length);
  emit(state.out, state.context, PII.person, s, e, 0.8);
  state.spans.push([s, e]);
}

/** Second walk: parts of full names seen alone (`chez Devaux`, `pour Sophie`). */
/**
 * The end of a found name written with its words joined by `_`, `-` or `.` from `s`
 * (`Beatriz_Almeida` after `Beatriz Almeida`), each word in Title case; `e` when there is none.
 * `JSON_WEB_KEY` is no `Json Web Key`.
 */
function joinedPartsEnd(state: State, s: number, e: number): number {
  const text = state.text;
  if (!titleWord(text, s, e)) return e;
  let end = e;
  for (let n = 0; n < 3; n++) {
    const c = text.charCodeAt(end);
    if (!(c === 95 || c === 45 || c === 46) || !isUpper(text.charCodeAt(end + 1))) break;
    const we = wordEnd(text, end + 1);
    if (!titleWord(text, end + 1, we) || !state.parts.has(text.slice(end + 1, we).toLowerCase())) break;
    end = we;
  }
  if (end === e) return e;
  return joinedNames(state).has(termFormKey(text.slice(s, end))) ? end : e;
}

/** A capital, then lower-case letters only. */
function titleWord(text: string, s: number, e: number): boolean {
  if (e - s < 2 || !isUpper(text.charCodeAt(s))) return false;
  for (let i = s + 1; i < e; i++) if (isUpper(text.charCodeAt(i))) return false;
  return true;
}

function readParts(state: State): void {
  if (state.parts.size === 0) return;
  const text = state.text;
  const spans = state.spans.sort((a, b) => a[0] - b[0]);
  let k = 0;
  const starts = PART_START;
  starts.lastIndex = 0;
  while (starts.test(text)) {
    const i = starts.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (!isUpper(c) || (i > 0 && isLetter(text.charCodeAt(i - 1)))) continue;
    const e = wordEnd(text, i);
    while (k < spans.length && spans[k][1] <= i) k++;
    if (k < spans.length && spans[k][0] <= i) {
      starts.lastIndex = Math.max(starts.lastIndex, spans[k][1]);
      continue;
    }
    const word = text.slice(i, e).toLowerCase();
    // `Camille-Devaux` in a folder's name: every piece a part of one found name.
    if (word.includes("-") && !state.parts.has(word) && word.split("-").every((w) => w.length >= 2 && state.parts.has(w)) && joinedPartsEnd(state, i, i + word.indexOf("-")) === e) {
      emit(state.out, state.context, PII.person, i, e, 0.8);
      if (e > starts.lastIndex) starts.lastIndex = e;
      continue;
    }
    const part = state.parts.has(word) ? word : undefined;
    // The parts joined in a file or folder name (`CV_Beatriz_Almeida_2026.pdf`, `Camille-Devaux/`): one finding, though it looks like an identifier.
    const joined = part !== undefined ? joinedPartsEnd(state, i, e) : e;
    if (joined > e) {
      emit(state.out, state.context, PII.person, i, joined, 0.8);
      starts.lastIndex = Math.max(starts.lastIndex, joined);
      continue;
    }
    // A part that is also a common word (`Grant`, `Will`) opening a sentence is that word.
    if (part !== undefined && !(SOFT.has(part) && sentenceInitial(text, i)) && !looksLikeCode(text, i, e, previousWord(text, i))) {
      emit(state.out, state.context, PII.person, i, e, 0.8);
    }
    if (e > starts.lastIndex) starts.lastIndex = e;
  }
  readLowercaseParts(state);
}

/** `trần` → `tran`: a name as an ASCII handle writes it; "" when letters outside a-z remain. */
function foldAscii(lower: string): string {
  const folded = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’']/g, "");
  return /^[a-z-]+$/.test(folded) ? folded : "";
}

/** A handle's characters: letters, digits, `_`, and `-` between two of them (not `.`: `sindresorhus.com` is a host, whose name part is the person). */
function handleChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90)) return true;
  return c === 45 && i + 1 < text.length && isLetterOrDigit(text.charCodeAt(i + 1)) && i > 0 && isLetterOrDigit(text.charCodeAt(i - 1));
}

function isLetterOrDigit(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

/**
 * A found person's given name and surname run together in a handle, a username, a host or a
 * link, in lower case (`"username": "amadoudiallo7"`, `calendly.com/lucie-moreau/30min`,
 * `minhtran_video`, `diallo.amadou`, `sindresorhus.com`): the whole handle is the person. One
 * indexOf walk per surname over the text as it is (handles are written in lower case; the
 * capitalised forms are readParts'); e-mail addresses are the e-mail pass's.
 */
function readJoinedHandles(state: State): void {
  if (state.joinable.length === 0) return;
  const text = state.text;
  const lower = text;
  for (const [g, sn] of state.joinable) {
    for (let at = lower.indexOf(sn); at !== -1; at = lower.indexOf(sn, at + sn.length)) {
      const se = at + sn.length;
      // The given name right before the surname (`amadoudiallo`, `lucie-moreau`, `lucie.moreau`) or right after it (`diallo_amadou`).
      let hs = -1;
      let he = se;
      for (const sep of ["", ".", "-", "_"]) {
        const gs = at - sep.length - g.length;
        if (gs >= 0 && lower.startsWith(g, gs) && lower.startsWith(sep, gs + g.length)) {
          hs = gs;
          break;
        }
        if (sep !== "" && lower.startsWith(sep + g, se)) {
          hs = at;
          he = se + sep.length + g.length;
          break;
        }
      }
      if (hs < 0) continue;
      // Whole words of a handle only: not inside a longer word of letters (`xamadoudiallo` is someone else's).
      if (hs > 0 && isLetter(text.charCodeAt(hs - 1))) continue;
      if (he < text.length && isLetter(text.charCodeAt(he))) continue;
      // Capitalised and spaced forms are the other walks'; a handle is lower case (or all joined).
      let s = hs;
      while (s > 0 && handleChar(text, s - 1) && hs - s < 40) s--;
      let e = he;
      while (e < text.length && handleChar(text, e) && e - he < 40) e++;
      // The e-mail pass has the address: `amadou.diallo@…` is its.
      if (text.charCodeAt(e) === 64 || (s > 0 && text.charCodeAt(s - 1) === 64 && !(s === 1 || /[\s([{"',]/.test(text[s - 2])))) continue;
      emit(state.out, state.context, PII.person, s, e, 0.75);
      state.spans.push([s, e]);
      at = Math.max(at, e - sn.length);
    }
  }
}

/** At most this many given names are looked for in lower case (one indexOf walk each). */
const MAX_LOWERCASE_PARTS = 16;

/**
 * A full name's given name typed again in lower case, between spaces or punctuation in prose
 * (`Grégoire Lemaire` … `grégoire travaille en freelance`): listed, not also a word, 4 letters
 * or more, its surname listed too, the first MAX_LOWERCASE_PARTS of a text. Not inside a handle, a path or an address (`.`, `@`, `/`, `_` or `-` beside it).
 */
function readLowercaseParts(state: State): void {
  const text = state.text;
  for (const part of state.lowerParts) {
    for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) {
      const e = at + part.length;
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      const after = e < text.length ? text.charCodeAt(e) : 32;
      if (!proseNeighbour(before) || !proseNeighbour(after) || (after === 46 && isLetter(text.charCodeAt(e + 1)))) continue;
      if (looksLikeCode(text, at, e, undefined)) continue;
      emit(state.out, state.context, PII.person, at, e, 0.7);
    }
  }
}

/** `Lemaire`, `O'Connor`, `Van`: a capital, then a lower-case letter (not `CLT`, not `X`). */
function titleCase(text: string, w: Word): boolean {
  return w.e - w.s >= 2 && isUpper(text.charCodeAt(w.s)) && isLower(text.charCodeAt(w.e - 1));
}

/** Spaces and the punctuation prose puts beside a word: not `.` before it, `@`, `/`, `_`, `-`, quotes of code or letters. */
function proseNeighbour(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 44 || c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 40 || c === 41 || c === 0xa0 || c === 0x2019;
}

/**
 * Lines written all in lower case, prose (no capital, none of `{ } = ; < > _ $ \\` or a
 * backquote): chats and notes typed fast, where names lose their capitals too. Capitals
 * elsewhere in a text say its writer capitalises names; these lines do not.
 */
const LOWER_LINE = /^[^\nA-Z\u00c0-\u00de{}=;<>_$\\`]{8,}$/gm;
const LOWER_WORD = /[a-z\u00df-\u00ff\u0100-\u024f][a-z\u00df-\u00ff\u0100-\u024f'’-]*/g;
/** Words before a lower-case word that say it names someone, listed or not: `my name is lena`, `call me borna`. */
const NAMING_PHRASES = ["name is", "nom est", "call me", "calls me", "m'appelle", "m’appelle", "named", "called", "je suis", "im", "i'm", "i’m", "i am", "c'est", "c’est"];
/** Verbs addressed to someone, before a lower-case listed given name only: `appelle nicolas`, `ask priya`. */
const ADDRESSING_VERBS = ["appelle", "appeler", "demande à", "call", "ask", "text", "ping"];
const phrasesBefore = (phrases: readonly string[]) => new RegExp(`(?:${phrases.map((p) => `\\b${p}`).join("|")}) $`);
/** A naming phrase ending the text before a word (with its space). */
const LOWER_NAMING = phrasesBefore(NAMING_PHRASES);
/** A naming phrase or an addressing verb ending the text before a listed given name. */
const LOWER_CUED = phrasesBefore([...NAMING_PHRASES, ...ADDRESSING_VERBS]);

/** Lower-case titles: `mr. elliott`, `mme dupont`. */
const LOWER_TITLES = new Set(["mr", "mrs", "ms", "dr", "mme", "mlle", "madame", "monsieur", "mademoiselle"]);
const LIST_GAP = /^(?:, | and | et | & |, and |, et )$/;

/** Whether `lower` is a given name that no list marks as a word too (`patricia`, not `rose` or `will`). */
function plainGiven(state: State, lower: string): boolean {
  return lower.length >= 3 && state.plain.has(lower) && !STOP.has(lower);
}

/**
 * Names in lower-case lines: a listed given name followed by a listed given name or surname
 * (`patricia desrosiers`, `lena andersson`, `benjamin a seiler`), a listed given name after
 * `my name is` / `call me`, and lists of three listed given names or more
 * (`silvana, adam, christopher et caleb`). One lower-case given name alone stays silent.
 */
function readLowercase(state: State): void {
  const text = state.text;
  const n = text.length;
  const breaker = LINE_BREAKER;
  let ls = 0;
  // Lower-case lines that named someone.
  let read = 0;
  while (ls < n) {
    // The first capital, code sign or line break from the line's start: a line break first means a lower-case line.
    breaker.lastIndex = ls;
    const p = breaker.test(text) ? breaker.lastIndex - 1 : n;
    if (p < n && text.charCodeAt(p) !== 10) {
      const nl = text.indexOf("\n", p);
      if (nl < 0) break;
      ls = nl + 1;
      continue;
    }
    // A line indented by a tab or four spaces is code (or a Markdown code block), not a chat typed fast.
    if (p - ls >= 8 && !(text.charCodeAt(ls) === 9 || text.startsWith("    ", ls)) && lineHasTrigger(state, ls, p)) {
      const before = state.out.length;
      readLowerLine(state, ls, p);
      if (state.out.length > before) read++;
    }
    ls = p + 1;
  }
  if (read > 0) readNamingCues(state);
}

/** The same cues with their space, looked for on every line of a text whose writer types names in lower case. */
const LOWER_CUES = [...NAMING_PHRASES, ...ADDRESSING_VERBS].map((p) => `${p} `);

/**
 * A text with a lower-case line that named someone was typed by a writer who leaves names in
 * lower case, also on lines with a capital elsewhere (`salut ! c'est yasmine de l'agence … 75011 Paris`):
 * there, a listed given name right after a naming cue is one too. One indexOf walk per cue.
 */
function readNamingCues(state: State): void {
  const text = state.text;
  for (const cue of LOWER_CUES) {
    for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + cue.length)) {
      if (at > 0 && isLetter(text.charCodeAt(at - 1))) continue;
      const s = at + cue.length;
      let e = s;
      while (e < text.length && lowerWordStart(text.charCodeAt(e))) e++;
      if (e - s < 3 || (e < text.length && (isLetter(text.charCodeAt(e)) || text.charCodeAt(e) === 46 || text.charCodeAt(e) === 95))) continue;
      if (!plainGiven(state, text.slice(s, e))) continue;
      emit(state.out, state.context, PII.person, s, e, 0.7);
      state.spans.push([s, e]);
    }
  }
}

/** What ends a lower-case line: a line break, a capital, or a sign of code (`{}=;<>_$\` and backquote). */
const LINE_BREAKER = /[\nA-Z\u00c0-\u00de{}=;<>_$\\`]/g;

/** Letters that may start a lower-case word. */
function lowerWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f);
}

/** Last words of the naming phrases. */
const NAMING_TAILS = new Set(NAMING_PHRASES.map((p) => p.slice(p.lastIndexOf(" ") + 1)));

/** Whether the word `lower` ending at `e` closes a naming cue (`my name is `, `call me `) that a word follows. */
function namingCueEnds(text: string, lower: string, e: number): boolean {
  return NAMING_TAILS.has(lower) && text.charCodeAt(e) === 32 && LOWER_NAMING.test(text.slice(Math.max(0, e + 1 - 16), e + 1));
}

/**
 * Whether the lower-case line [ls, le) holds what readLowerLine can act on: a listed given name, a
 * lower-case title or the last word of a naming cue. Most lower-case lines (wrapped prose, comments)
 * hold none, and are passed over without a slice.
 */
function lineHasTrigger(state: State, ls: number, le: number): boolean {
  const text = state.text;
  let i = ls;
  while (i < le) {
    const c = text.charCodeAt(i);
    if (!lowerWordStart(c)) {
      i++;
      continue;
    }
    const e = wordEnd(text, i);
    if (e <= i) {
      i++;
      continue;
    }
    const len = e - i;
    if (len >= 2 && (i === 0 || !(isLetter(text.charCodeAt(i - 1)) || isDigit(text.charCodeAt(i - 1))))) {
      if (mayBeKnown(text, i, e)) {
        const lower = text.slice(i, e);
        if (LOWER_TITLES.has(lower) || plainGiven(state, lower) || namingCueEnds(text, lower, e)) return true;
      } else if (len <= 9 && namingCueEnds(text, text.slice(i, e), e)) return true;
    }
    i = e;
  }
  return false;
}

/** readLowercase's work on one lower-case line [ls, le). */
function readLowerLine(state: State, ls: number, le: number): void {
  const text = state.text;
  {
    const line = text.slice(ls, le);
    const words: { s: number; e: number; lower: string; given: boolean; listed: boolean }[] = [];
    const re = LOWER_WORD;
    re.lastIndex = 0;
    let w: RegExpExecArray | null;
    while ((w = re.exec(line)) !== null) {
      const s = ls + w.index;
      const e = wordEnd(text, s);
      if (e <= s) continue;
      re.lastIndex = e - ls;
      if (s > 0 && (isLetter(text.charCodeAt(s - 1)) || isDigit(text.charCodeAt(s - 1)))) continue;
      // List connectors are the gaps between items, not items.
      if ((e - s === 3 && text.startsWith("and", s)) || (e - s === 2 && text.startsWith("et", s))) continue;
      const lower = e - s >= 2 && mayBeKnown(text, s, e) ? text.slice(s, e) : "";
      const given = lower !== "" && plainGiven(state, lower);
      words.push({ s, e, lower, given, listed: given || (lower.length >= 3 && state.ambiguous.has(lower) && !HARD.has(lower)) });
    }
    for (let k = 0; k < words.length; k++) {
      const word = words[k];
      // `mr. elliott`, `mme dupont`, `dr martin`: a title before a listed name.
      if (LOWER_TITLES.has(word.lower) && k + 1 < words.length) {
        const next = words[k + 1];
        const gap = text.slice(word.e, next.s);
        if ((gap === ". " || gap === " ") && next.lower.length >= 3 && !STOP.has(next.lower) && (next.listed || state.surnames.has(next.lower))) {
          emit(state.out, state.context, PII.person, next.s, next.e, 0.7);
          state.spans.push([next.s, next.e]);
          k++;
        }
        continue;
      }
      if (!word.given) {
        // `my name is borna jerković`: after a naming cue, an unknown word followed by a surname.
        const next = words[k + 1];
        if (next && word.e - word.s >= 3 && word.lower === "" && text.slice(word.e, next.s) === " " && surnameLike(state, text.slice(next.s, next.e)) && LOWER_NAMING.test(text.slice(Math.max(0, word.s - 16), word.s))) {
          emit(state.out, state.context, PII.person, word.s, next.e, 0.7);
          state.spans.push([word.s, next.e]);
          k++;
        }
        continue;
      }
      let next = words[k + 1];
      let end = word.e;
      // `benjamin a seiler`, `hyuuma t. maida`: a middle initial.
      if (next && next.e - next.s === 1 && words[k + 2] && /^ [a-z]\.? $/.test(text.slice(word.e, words[k + 2].s))) next = words[k + 2];
      const gap = next ? text.slice(end, next.s) : "";
      const pair = next !== undefined && (gap === " " || /^ [a-z]\.? $/.test(gap)) && next.lower !== "" && !STOP.has(next.lower) && (plainGiven(state, next.lower) || state.surnames.has(next.lower));
      if (pair) {
        end = next.e;
        emit(state.out, state.context, PII.person, word.s, end, 0.7);
        state.spans.push([word.s, end]);
        k = words.indexOf(next);
        continue;
      }
      const before = text.slice(Math.max(0, word.s - 16), word.s);
      if (LOWER_CUED.test(before)) {
        emit(state.out, state.context, PII.person, word.s, end, 0.7);
        state.spans.push([word.s, end]);
        continue;
      }
      // A list: this given name and the listed names around it separated by `, ` / ` and ` / ` et `; three plain given names at least.
      let a = k;
      while (a > 0 && words[a - 1].listed && LIST_GAP.test(text.slice(words[a - 1].e, words[a].s))) a--;
      let b = k;
      while (b + 1 < words.length && words[b + 1].listed && LIST_GAP.test(text.slice(words[b].e, words[b + 1].s))) b++;
      let plainCount = 0;
      for (let q = a; q <= b; q++) if (words[q].given) plainCount++;
      if (plainCount >= 3) {
        for (let q = a; q <= b; q++) {
          emit(state.out, state.context, PII.person, words[q].s, words[q].e, 0.7);
          state.spans.push([words[q].s, words[q].e]);
        }
        k = b;
      }
    }
  }
}

/**
 * Candidate word starts, checked in code: an ASCII capital at a word boundary (not after an
 * ASCII letter, digit or `_`) followed by a lower-case letter, an apostrophe, a hyphen or a
 * non-ASCII code unit (`Camille`, `O'Connor`, `Zoë`), or `MM` (the one all-caps title); any
 * code unit from U+00C0 that may be a capital (not the Latin-1 lower-case letters, not the
 * punctuation block of `’`, `“`, `—`). Capitals inside identifiers (`getElementById`), after
 * `_`, in all-caps words and alone (`A`, `I`) are never names: the regex passes over them
 * (one match per word start costs a call from JS; a match per capital cost three times more).
 */
const WORD_START = /\b(?:[A-Z](?=[a-z'’\u00c0-\uffff-])|M(?=M))|[\u00c0-\u00d6\u00d8-\u00de\u0100-\u1fff\u2070-\uffff]/g;

/** readParts' candidates: any capital not after an ASCII letter (all caps too: `DEVAUX`). */
const PART_START = /(?<![A-Za-z])[A-Z]|[\u00c0-\u00d6\u00d8-\u00de\u0100-\u1fff\u2070-\uffff]/g;

/**
 * Whether the capital at `i`, right after a hyphen, is inside a word that starts at a capital
 * before it which WORD_START passes over (`TypeError-Foo`, `_Foo-Bar`, `ABC-Def`): a walk
 * over every capital would have read that word, hyphenated parts included, and gone past `i`.
 */
function insideEarlierWord(text: string, i: number): boolean {
  let k = i - 1;
  const limit = Math.max(0, i - 100);
  while (k > limit && (isLetter(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 45 || isApostrophe(text.charCodeAt(k - 1)))) k--;
  for (let q = k; q < i - 1; q++) if (isUpper(text.charCodeAt(q)) && wordEnd(text, q) > i) return true;
  return false;
}

/** Legal forms after a company's name: the capitalised words before them name a company, not a person. */
const COMPANY_FORMS = new Set(["SAS", "SARL", "SASU", "EURL", "SA", "SCI", "SNC", "Inc", "Ltd", "LLC", "LLP", "PLC", "GmbH", "AG", "BV", "NV", "SpA", "Srl", "SRL", "Corp", "Group", "Groupe"]);

/** Whether a company's legal form follows the name ending at `end`: `Maison Aubergine SAS`. */
function companyFormAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  const ws = end + 1;
  let we = ws;
  while (we < text.length && we - ws < 6 && isLetter(text.charCodeAt(we))) we++;
  if (we === ws || (we < text.length && isLetter(text.charCodeAt(we)))) return false;
  return COMPANY_FORMS.has(text.slice(ws, we));
}

export const personPass: Pass = {
  id: "pii-person",
  category: "pii",
  kinds: ["person"],
  run(text: string, out: Candidate[], context: PassContext): void {
    // No word start at all (a text without capitals) and no line in lower-case prose: the name lists need not be decoded.
    WORD_START.lastIndex = 0;
    const capitals = WORD_START.test(text);
    LOWER_LINE.lastIndex = 0;
    // (A label all in capitals still has its addressee: `ATTN: HUGO MARCHETTI`.)
    if (!capitals && !LOWER_LINE.test(text) && !/ATT|Z\. ?HD|C\/O/.test(text)) return;
    const { plain, ambiguous, surnames } = names();
    const state: State = { text, out, context, plain, ambiguous, surnames, companies: new Set(), found: [], columns: undefined, parts: new Set(), lowerParts: new Set(), joinable: [], emittedTo: 0, spans: [], tableLineEnd: -1, tableLine: false, headingLineEnd: -1, headingLine: false, extendedTo: 0 };
    // A word starts at a capital not preceded by a letter, a digit or an apostrophe. The regex
    // finds the candidates (several times faster than a loop over every code unit in JS).
    const starts = WORD_START;
    starts.lastIndex = 0;
    // test(), not exec(): no match array per capital.
    while (starts.test(text)) {
      const i = starts.lastIndex - 1;
      const c = text.charCodeAt(i);
      const b = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (b < 128 ? (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 39 : isLetter(b) || b === 0x2019) {
        // Inside a word: skip the rest of it.
        starts.lastIndex = Math.max(i + 1, wordEnd(text, i));
        continue;
      }
      if (c >= 128 && !isUpper(c)) continue;
      // After a hyphen, inside a word the regex did not stop at (`TypeError-Foo`, `_Foo-Bar`, `ABC-Def`): skipped as a whole word was.
      if (b === 45 && insideEarlierWord(text, i)) {
        starts.lastIndex = Math.max(i + 1, wordEnd(text, i));
        continue;
      }
      const next = readWord(state, i);
      if (next > starts.lastIndex) starts.lastIndex = next;
    }
    readAddressHeads(state);
    flushNames(state);
    readJoinedHandles(state);
    readAttention(state);
    readMentions(state);
    readHomeFolders(state);
    readLowercase(state);
    readChatHeaders(state, readStampedSpeakers(state));
    readParts(state);
  },
};
