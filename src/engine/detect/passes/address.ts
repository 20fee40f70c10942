import type { Candidate, Pass, PassContext } from "../../types";
import { emit, isDigit, PII } from "./common";
import { TableColumns } from "../columns";

/**
 * Postal addresses, from the words that name a street or a delivery point, which the
 * scanner's keyword automaton reports (ADDRESS_KEYWORDS): `12 rue des Lilas, 75011 Paris`,
 * `70 bis avenue Foch`, `Rue de la Loi 16, 1000 Bruxelles`, `Bahnhofstrasse 1, 8001 Zürich`,
 * `1111 Main Street, Springfield, IL 62704`, `221B Baker Street, London NW1 6XE`,
 * `BP 1234, 75011 Paris CEDEX 11`, `P.O. Box 242`. A street word counts only with a house
 * number before it (English, French) or after the street's name (Belgian, Swiss, German,
 * Nordic forms); the finding then takes in the rest of the line and the lines below that
 * read as address lines (postal code and city, state and ZIP, UK and Canadian postcodes,
 * suite, country).
 */

/** Street words standing alone (`rue`, `Street`), any case, ASCII-folded by the automaton. */
const STREET_WORDS = [
  "rue", "avenue", "boulevard", "allée", "allee", "impasse", "chemin", "quai", "place", "route", "cours", "square", "passage", "faubourg",
  "street", "road", "lane", "drive", "court", "terrace", "parkway", "highway", "crescent", "circle", "blvd", "ave", "st", "rd", "pkwy", "hwy", "way", "close", "gardens", "row",
  "grove", "mews", "parade", "wharf", "quay", "trail", "alley", "pike", "dr", "ln", "ct", "boul.",
  "via", "viale", "piazza", "corso", "calle", "avenida", "avda", "rua", "plaza", "travessa", "largo",
  "carrer", "passeig", "avinguda", "paseo", "camino", "carretera", "ronda", "strada", "grand-rue", "grande-rue",
  "utca", "út", "tér", "ul.", "ulica", "chaussée", "chaussee", "rempart", "sentier", "lotissement", "résidence", "residence",
];
/** Street words at the end of a street's name (`Bahnhofstrasse`, `Hammarvägen`, `Populierenstraat`). */
const STREET_SUFFIXES = ["straße", "strasse", "straat", "laan", "gasse", "platz", "weg", "vej", "vägen", "gatan", "gata", "veien", "vegen", "gade", "stræde", "kuja", "katu", "braut", "steeg", "dreef", "plein"];
/** Delivery points without a street: `BP 1234`, `P.O. Box 242`, `CS 70001`, `PO Box`. */
const BOX_WORDS = ["p.o. box", "po box", "p.o.box", "postbox", "post box", "boîte postale", "case postale ", "postfach ", "casella postale ", "apartado ", "bp ", "cs ", "suite ", "apt. ", "apt ", "unit ", "psc ", "box "];

/** US military post offices (USPS): `APO AE 09012`, `FPO AP 96349`, `DPO AA 34002`. */
const MILITARY_WORDS = ["apo", "fpo", "dpo"];

const ALL_WORDS = [...new Set([...STREET_WORDS, ...STREET_SUFFIXES, ...BOX_WORDS, ...MILITARY_WORDS])];
// The automaton takes ASCII only: the others are found with indexOf (exact spelling, lower case).
const isAscii = (w: string) => /^[\x00-\x7f]*$/.test(w);
const SUFFIX_WORDS = new Set(STREET_SUFFIXES);
/**
 * Street and box words reach the automaton after a space, a tab or a line break (` rue`,
 * `\nRue`; the words that open a street's name after a quote or a bracket too), so `true`, `have`, `always`, `replace`, `course` and `checkbox` in code are no
 * hits; suffixes (`Bahnhofstrasse`) as they are.
 */
/** Street words that open a street's name (`Rue de la Loi 16`, `Via Roma 1`, `ul. Cicha 5`); after a quote or a bracket too (`"Ul. Marszałkowska 84/92, …"`). */
const LEADING_WORDS = new Set(["rue", "avenue", "boulevard", "chaussée", "chaussee", "place", "chemin", "quai", "allée", "allee", "impasse", "via", "viale", "piazza", "corso", "calle", "avenida", "avda", "rua", "plaza", "travessa", "largo", "route", "square", "ulica", "ul.", "boul.", "carrer", "passeig", "avinguda", "paseo", "camino", "carretera", "ronda", "strada", "grand-rue", "grande-rue"]);
/** Box words open a quoted value too: `adresse: "Case postale 412, 1001 Lausanne"`. */
const BOX_SET_WORDS = new Set(BOX_WORDS);
export const ADDRESS_KEYWORDS: readonly string[] = ALL_WORDS.filter(isAscii).flatMap((w) =>
  SUFFIX_WORDS.has(w) ? [w] : [" " + w, "\n" + w, "\t" + w, ...(LEADING_WORDS.has(w) ? ['"' + w, "(" + w] : BOX_SET_WORDS.has(w) ? ['"' + w] : [])],
);
/** Searched with indexOf, so only the common ones (each costs a pass over the text). */
const NON_ASCII_WORDS: readonly string[] = ["allée", "straße", "vägen", "chaussée"];
/** Both spellings of the non-ASCII words (`allée`, `Allée`) by their first non-ASCII letter, with its offset in the word. */
const NON_ASCII_BY_LETTER = new Map<string, { offset: number; word: string }[]>();
for (const w of NON_ASCII_WORDS) {
  const offset = w.search(/[^\x00-\x7f]/);
  // `allée`, `Allée`, and `ALLÉE` on a shipping label.
  for (const word of new Set([w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()])) {
    const list = NON_ASCII_BY_LETTER.get(word[offset]) ?? [];
    list.push({ offset, word });
    NON_ASCII_BY_LETTER.set(word[offset], list);
  }
}

const STREET_SET = new Set(STREET_WORDS);
/** Street words written before the street's name, the number after it (Belgian, Swiss, Italian, Spanish, Portuguese forms). */
const SUFFIX_SET = new Set(STREET_SUFFIXES);
/** US street abbreviations (USPS Publication 28 suffixes): `St`, `Rd`, `Pkwy`, `Hwy`. */
const ABBREVIATIONS = new Set(["st", "rd", "pkwy", "hwy", "dr", "ln", "ct"]);
const BOX_SET = new Set(BOX_WORDS);
/** Street words that are everyday words too: they need a postal line or an address label. */
const WEAK_STREET = new Set(["place", "route", "cours", "passage", "court", "way", "close", "gardens", "row", "circle", "drive", "square", "via", "largo", "residence", "résidence", "plaza", "lane", "tie", "weg", "stig", "platz", "grove", "mews", "parade", "wharf", "quay", "trail", "alley", "pike"]);

/** A postal line: `75011 Paris`, `75011 Paris CEDEX 11`, `1000 Bruxelles`, `Springfield, IL 62704`, `London NW1 6XE`, `Montréal QC H2X 1Y4`. */
const POSTAL_FORMS = [
  // FR, BE, CH, DE, NL, Nordic: a code of 4 or 5 digits (NL: + 2 letters), PL `00-950`, PT `1000-001`, SE/CZ/SK/GR `114 55`, then a city.
  String.raw`(?:^|[\s,])(?:[A-Z]{1,2}-)?(?:\d{4,5}(?: ?[A-Z]{2})?|\d{2}-\d{3}|\d{4}-\d{3}|\d{3} \d{2})\s+\p{Lu}[\p{L}'’.-]+(?:[ -][\p{L}'’.-]+){0,3}(?:\s+(?:CEDEX|Cedex)(?:\s+\d{1,2})?)?`,
  // US: City, ST 12345(-1234)
  String.raw`\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){0,3},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b`,
  // US military post office: APO AE 09012
  String.raw`\b(?:APO|FPO|DPO|apo|fpo|dpo) (?:AA|AE|AP|aa|ae|ap) \d{5}\b`,
  // UK postcode
  String.raw`\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b`,
  // Canada postcode
  String.raw`\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b`,
  // a code after a country or region line ending: `, CO\n 46381`, `Netherlands 62971`
  String.raw`(?:^|\s)\d{4,6}\s*$`,
];
const POSTAL = new RegExp(POSTAL_FORMS.join("|"), "u");

/** POSTAL without its last form (a code ending a line), which a comma-separated segment takes only after a place's name or a region code. */
const POSTAL_SEGMENT = new RegExp(POSTAL_FORMS.slice(0, -1).join("|"), "u");
/** `Netherlands 62971`, `CO 46381`, `46381`: not `SIRET 812 345 678 00019` nor `Tel 0612 34567`. */
const CODE_AFTER_PLACE = /^(?:[A-Z]{2}|\p{Lu}\p{Ll}[\p{L}'’.-]*(?:[ -]\p{Lu}\p{Ll}[\p{L}'’.-]*){0,3})?\s*\d{4,6}$/u;

function isPostalSegment(trimmed: string): boolean {
  return POSTAL_SEGMENT.test(" " + trimmed) || CODE_AFTER_PLACE.test(trimmed);
}

/** Words that end an address label: `Adresse :`, `lives at`, `Shipping address:`. */
const LABEL_ENDINGS = ["adresse", "address", "address is", "domicile", "siège", "siege", "livraison", "shipping", "billing", "facturation", "lives at", "habite", "habite au", "located at", "is at", "sent to", "situé", "située", "situé au", "située au"];

const COUNTRIES = /^(?:France|Belgique|Belgium|Suisse|Switzerland|Schweiz|Canada|USA|United States|United Kingdom|UK|Royaume-Uni|Luxembourg|Monaco|Deutschland|Germany|Allemagne|España|Spain|Italia|Italy|Nederland|Netherlands|Danmark|Denmark|Sverige|Sweden|Norge|Norway|Suomi|Finland|Ísland|Iceland|Österreich|Austria|Portugal|Brasil|Brazil|Australia|Cyprus|Greece|Hungary|Poland|Slovenia|Uruguay|South Africa|Greenland)\b/;
const UNIT = /^(?:Suite|Apt\.?|Apartment|Unit|Bât\.?|Bâtiment|Batiment|Étage|Etage|Floor|Appt\.?|Appartement|Escalier|Porte|Building|Bldg\.?|Flat|Room|Box|BP|CS|Case postale|Postfach|P\.?O\.? Box|Bureau(?= \d)|Boîte(?= \d)|Boite(?= \d)|Bus(?= \d)|Piso|Puerta|Escalera|Scala|Stiege)\b|^(?:Bte(?=\.? ?\d)|App(?=\. ?\d)|Lok(?=\.? ?\d)|Whg(?=\.? ?\d)|\d{1,2}(?:e|er|ème|è|nd|rd|th|st) (?:étage|etage|floor)\b)|^(?:Bajo|Ático|Atico|Entresuelo)\b|^\d{1,2}[º°ª](?:\s?(?:\d{1,2}[ºª°]|[A-Z]\b|izq(?:da)?\.?|dcha\.?|der\.?|izquierda|derecha))?(?![A-Za-z\u00c0-\u024f\d])/i;
/** A flat, a building, a staircase or a floor and its number or letter (`Flat 3`, `Bât. B`, `esc. 2`, `3e étage`): a unit standing alone in a segment. */
const UNIT_ITEM = String.raw`(?:(?:Flat|Apt\.?|Apartment|Unit|Suite|Appt\.?|App\.|Appartement|Bât\.?|Bâtiment|Batiment|Bat\.|Escalier|Esc\.|Porte|Building|Bldg\.?|Étage|Etage|Floor|Room)\s?(?:n°\s?|#\s?|No\.?\s)?[\p{L}\d]{1,4}|\d{1,2}(?:e|er|ème|è|nd|rd|th|st)\s(?:étage|etage|floor))`;
/** A unit written before the house number, after which a comma comes: `Flat 3, 27 Elm Grove`, `Apt 4B, 221 Maple Avenue`, `3e étage, 12 rue …`. */
const UNIT_BEFORE = new RegExp(String.raw`(?:^|[,:>\t"'|*]|\s{2})\s*(${UNIT_ITEM}),\s*$`, "iu");
/** One segment of a building's line above the street: `bât. C`, `apt 34`. */
const UNIT_SEGMENT = new RegExp(String.raw`^${UNIT_ITEM}$`, "iu");

function isLetterChar(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && /\p{L}/u.test(String.fromCharCode(c));
}

/** An address line is short: the line's bounds are looked for at most this far, so a 1 MB line costs no more than a short one. */
const LINE_REACH = 300;

function lineStartOf(text: string, pos: number): number {
  let i = pos;
  const limit = Math.max(0, pos - LINE_REACH);
  while (i > limit && text.charCodeAt(i - 1) !== 10) i--;
  return i;
}

function lineEndOf(text: string, pos: number): number {
  let i = pos;
  const limit = Math.min(text.length, pos + LINE_REACH);
  while (i < limit && text.charCodeAt(i) !== 10) i++;
  return i;
}

/**
 * Words that number something else than a house: `Section 12 Street Fighter`, `Room 12`,
 * `Chapter 3`, `Article 12`, `Level 5`, `version 2`, `saison 3`. A number right after one of them is no house number.
 */
const NUMBERED_THINGS = new Set([
  "section", "chapter", "chap", "part", "page", "p", "room", "level", "floor", "step", "stage", "phase", "sprint", "version", "v", "release", "figure", "fig", "table", "appendix", "annex", "item", "line", "point", "question", "exercise", "lesson", "unit", "module", "episode", "ep", "season", "series", "volume", "vol", "issue", "ticket", "act", "scene", "round", "game", "match", "week", "day", "year", "grade", "class", "slide", "option", "task", "test", "case", "rule", "clause", "no", "number", "top", "vs",
  "chapitre", "partie", "salle", "niveau", "étage", "etape", "étape", "tableau", "annexe", "ligne", "exercice", "leçon", "lecon", "épisode", "saison", "tome", "acte", "scène", "manche", "semaine", "jour", "année", "classe", "diapo", "tâche", "règle", "alinéa", "titre", "livre",
]);

/** A house number ending at `e` (exclusive): `12`, `70 bis`, `221B`, `12-14`; returns its start or -1. */
function houseNumberBefore(text: string, e: number, limit: number): number {
  let i = e;
  while (i > limit && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 44)) i--;
  // `bis`, `ter`, `quater`, or one letter
  const tail = text.slice(Math.max(limit, i - 7), i).toLowerCase();
  const m = /(?:\d)(?:\s?(?:bis|ter|quater|[a-z]))$/.exec(tail);
  if (m) i -= m[0].length - 1;
  let d = i;
  while (d > limit && isDigit(text.charCodeAt(d - 1)) && i - d < 6) d--;
  if (d === i) return -1;
  let start = d;
  const before = d > limit ? text.charCodeAt(d - 1) : 32;
  if (before === 45 || before === 0x2013) {
    // `12-14 rue`: a range, low to high (`3-1` is a score).
    let r = d - 1;
    while (r > limit && isDigit(text.charCodeAt(r - 1)) && d - 1 - r < 5) r--;
    if (r === d - 1 || Number(text.slice(r, d - 1)) >= Number(text.slice(d, i))) return -1;
    if (r > limit && (isLetterChar(text.charCodeAt(r - 1)) || isDigit(text.charCodeAt(r - 1)))) return -1;
    start = r;
  } else if (isDigit(before) || isLetterChar(before) || before === 46) return -1;
  return numberedThingBefore(text, start, limit) ? -1 : start;
}

/** Whether the word just before `at` (after spaces) is one of NUMBERED_THINGS. */
function numberedThingBefore(text: string, at: number, limit: number): boolean {
  let q = at;
  while (q > limit && text.charCodeAt(q - 1) === 32) q--;
  if (q === at) return false;
  const we = q;
  while (q > limit && isLetterChar(text.charCodeAt(q - 1))) q--;
  return we - q > 0 && we - q <= 10 && NUMBERED_THINGS.has(text.slice(q, we).toLowerCase());
}

/** After the street's name: a house number `16`, `1a`, `19.` within the line; returns its end or -1. */
function houseNumberAfter(text: string, from: number, le: number): number {
  const m = /^[^\d\n,;:()]{0,40}?\s(\d{1,5}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?\.?)(?=[\s,;)]|$)/.exec(text.slice(from, Math.min(le, from + 60)));
  if (!m) return -1;
  return from + m[0].length;
}

/**
 * What may open an address line before its text: indentation, a quote mark (`>`), a bullet
 * (`-`, `*`, `•`), or `?` / U+FFFD where a bullet or a non-breaking space was lost to a wrong
 * encoding (`??? Suite 380`).
 */
const LINE_PREFIX = String.raw`[\s>*?\u2022\ufffd-]`;
const LEADING_PREFIX = new RegExp(`^${LINE_PREFIX}+`);
const ONLY_PREFIX = new RegExp(`^${LINE_PREFIX}*$`);

function isAddressLine(line: string): boolean {
  const t = line.replace(LEADING_PREFIX, "").trim();
  if (t.length === 0 || t.length > 70) return false;
  if (POSTAL.test(t) || COUNTRIES.test(t) || UNIT.test(t)) return true;
  // `, CO` (a state or region on its own line)
  if (/^,?\s*[A-Z]{2}\s*$/.test(t)) return true;
  // A city in capitals or title case, up to four words, nothing else.
  return /^(?:\p{Lu}[\p{L}'’.-]*)(?:[ -]\p{Lu}[\p{L}'’.-]*){0,3}(?:\s*\([^)]{1,30}\))?,?$/u.test(t) && !/[.!?]$/.test(t);
}

interface Found {
  start: number;
  end: number;
  /** Words run on after an English street type (`3 Main Street Blues`): an address only with a postal line or a label. */
  unconfirmed?: boolean;
}

/** English street types end the street's name (`Main Street`); French and Latin ones start it (`rue des Lilas`). */
const ENDING_TYPES = new Set(["street", "road", "lane", "drive", "court", "terrace", "parkway", "highway", "crescent", "circle", "blvd", "ave", "st", "rd", "pkwy", "hwy", "way", "close", "gardens", "row", "grove", "mews", "parade", "wharf", "quay", "trail", "alley", "pike", "dr", "ln", "ct"]);
/** What may follow an English street type on its line: a direction (`Main Street North`, `René-Lévesque Ouest`), a unit. */
const AFTER_ENDING_TYPE = /^\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest|Nord|Sud|Est|Ouest)\.?)?[\s.]*$/;

/**
 * What the pass found, as (start, end, confidence) triples: spans that overlap are parts of one
 * address seen from two sides (a street word and a numbered line), so they are emitted as one.
 */
class Spans {
  readonly list: number[] = [];

  add(start: number, end: number, confidence: number): void {
    if (start < end) this.list.push(start, end, confidence);
  }

  emitMerged(out: Candidate[], context: PassContext): void {
    const l = this.list;
    if (l.length === 0) return;
    const order = Array.from({ length: l.length / 3 }, (_, i) => i * 3).sort((a, b) => l[a] - l[b] || l[b + 1] - l[a + 1]);
    let [start, end, confidence] = [l[order[0]], l[order[0] + 1], l[order[0] + 2]];
    for (let i = 1; i < order.length; i++) {
      const o = order[i];
      if (l[o] < end) {
        end = Math.max(end, l[o + 1]);
        confidence = Math.max(confidence, l[o + 2]);
        continue;
      }
      emit(out, context, PII.address, start, end, confidence);
      [start, end, confidence] = [l[o], l[o + 1], l[o + 2]];
    }
    emit(out, context, PII.address, start, end, confidence);
  }
}

/** The address around a street word at [ks, ke), or undefined. */
function streetAddress(text: string, ks: number, ke: number, suffix: boolean): Found | undefined {
  const ls = lineStartOf(text, ks);
  const le = lineEndOf(text, ke);
  let start = -1;
  let streetEnd = -1;
  if (!suffix) {
    // `12 rue des Lilas`, `1111 Main Street`, `70 bis avenue`: a number up to five words before the street word.
    let p = ks;
    const ending = ENDING_TYPES.has(text.slice(ks, ke).toLowerCase());
    for (let words = 0; words <= 5 && p > ls; words++) {
      const n = houseNumberBefore(text, p, ls);
      if (n >= 0) {
        // `12 Street`, `5 Road`: an English street type needs a name between the number and it.
        if (ending && words === 0) return undefined;
        start = n;
        break;
      }
      // step back over one word
      let q = p;
      while (q > ls && text.charCodeAt(q - 1) === 32) q--;
      const we = q;
      while (q > ls && (isLetterChar(text.charCodeAt(q - 1)) || isDigit(text.charCodeAt(q - 1)) || text.charCodeAt(q - 1) === 39 || text.charCodeAt(q - 1) === 0x2019 || text.charCodeAt(q - 1) === 45 || text.charCodeAt(q - 1) === 46)) q--;
      if (q === we) break;
      // The street's name before its type is capitalised or ordinal: `Main Street`, `5th Avenue`; `40 miles on the highway` is not one.
      const c0 = text.charCodeAt(q);
      if (!(isDigit(c0) || text[q] !== text[q].toLowerCase())) break;
      p = q;
    }
    if (start >= 0) {
      // The street's name after the word: up to the comma or the end of the line.
      streetEnd = streetNameEnd(text, ke, le);
      if (ending && streetEnd > ke && !AFTER_ENDING_TYPE.test(text.slice(ke, streetEnd)) && !UNIT.test(text.slice(ke, streetEnd).trimStart())) {
        return { start, end: streetEnd, unconfirmed: true };
      }
    }
  }
  if (start < 0) {
    // `Rue de la Loi 16`, `Bahnhofstrasse 1`: the street word starts the street, a number follows its name.
    let ws = ks;
    while (ws > ls && isLetterChar(text.charCodeAt(ws - 1))) ws--;
    if (!suffix && ws !== ks) return undefined;
    // Only Latin-language street words start a street's name, capitalised: `Rue de la Loi 16`, `Via Roma 1`.
    // (Polish writes its `ul.` in lower case: `ul. Marszałkowska 84`.)
    const word = text.slice(ks, ke);
    if (!suffix && !(LEADING_WORDS.has(word.toLowerCase()) && (isUpperAscii(text.charCodeAt(ks)) || word === "ul."))) return undefined;
    // `Villacher Strasse`: the capitalised word before a standalone suffix is the street's name.
    if (suffix && ws === ks && ws - 2 > ls && text.charCodeAt(ws - 1) === 32) {
      let p = ws - 1;
      while (p > ls && isLetterChar(text.charCodeAt(p - 1))) p--;
      if (p < ws - 1 && text[p] !== text[p].toLowerCase()) ws = p;
    }
    // A leading house number too: `760 Passauer Strasse 33`.
    const n = houseNumberBefore(text, ws, ls);
    if (n >= 0) ws = n;
    const after = houseNumberAfter(text, ke, le);
    if (after < 0) return undefined;
    // A leading street word needs the street's name before the number: `ul. Miła 53`, not `ul. 3`.
    // (`Grand-Rue 88` is a name of its own, the number right after it: not `La Grand-Rue est fermée le 14`.)
    const grandRue = /^grande?-rue$/i.test(word);
    if (!suffix && /\p{L}/u.test(text.slice(ke, after)) === grandRue) return undefined;
    start = ws;
    streetEnd = after;
  }
  if (streetEnd < 0) return undefined;
  return { start: withLeadingNumber(text, start, ls), end: streetEnd };
}

/**
 * A building or delivery number written before the house number (`5521 119 Countess Close`,
 * `846 31 Rue Al Imam Al Bakri`) belongs to the address; not a number in a run of them (a phone
 * number, `12 34 56`) nor one that numbers something else (`Chapter 4 12 rue …`).
 */
function withLeadingNumber(text: string, start: number, limit: number): number {
  if (start - 2 < limit || text.charCodeAt(start - 1) !== 32) return start;
  let d = start - 1;
  while (d > limit && isDigit(text.charCodeAt(d - 1)) && start - 1 - d < 6) d--;
  if (d === start - 1) return start;
  if (d > limit) {
    const c = text.charCodeAt(d - 1);
    if (c !== 32 && c !== 9 && c !== 58 && c !== 62) return start;
    if (d - 2 >= limit && isDigit(text.charCodeAt(d - 2))) return start;
  }
  return numberedThingBefore(text, d, limit) ? start : d;
}

/** End of a street's name: the end of the line, or the first comma, semicolon or bracket. */
function streetNameEnd(text: string, from: number, le: number): number {
  let i = from;
  const max = Math.min(le, from + 60);
  while (i < max) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 40 || c === 124 || c === 13 || c === 34 || c === 60) break;
    // A sentence's end: `. ` after a word of three letters or more.
    if (c === 46 && (i + 1 >= le || text.charCodeAt(i + 1) === 32) && i - from > 3 && isLetterChar(text.charCodeAt(i - 3))) break;
    i++;
  }
  while (i > from && text.charCodeAt(i - 1) === 32) i--;
  return i;
}

/** What ends a segment of an address line: `,` `;` `|` `(` `)`, and `"` `{` `}` `[` `]` `<` of the data or markup around it. */
const SEGMENT_END = new Set([44, 59, 124, 40, 41, 34, 123, 125, 91, 93, 60]);

/**
 * The address's end after `end` on its line, segment by segment (commas, `;`, `|` and brackets
 * part them): postal lines, units, countries, region codes, places' names. The first segment
 * that is none of them (`attention of …`, `SIRET …`) ends the address.
 */
function segmentsEnd(text: string, end: number, le: number): { end: number; postal: boolean } {
  let postal = false;
  let i = end;
  while (i < le) {
    let j = i;
    while (j < le && (text.charCodeAt(j) === 44 || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 45 && text.charCodeAt(j + 1) === 32)) j++;
    if (j >= le) break;
    if (text.charCodeAt(j) === 40) {
      // A province or a district in brackets: `Montréal (Québec) H3B 4W8`.
      const bracket = /^\(\p{Lu}[\p{L}'’. -]{1,29}\)/u.exec(text.slice(j, Math.min(le, j + 34)));
      if (!bracket || !/^ *$/.test(text.slice(end, j))) break;
      end = j + bracket[0].length;
      i = end;
      continue;
    }
    let k = j;
    const segmentLimit = Math.min(le, j + 62);
    // A double quote, a brace, a square bracket or a tag's `<` ends it too: `"adresse": "…, 69002 Lyon"}`, `…</td>`.
    while (k < segmentLimit && !SEGMENT_END.has(text.charCodeAt(k))) k++;
    const segment = text.slice(j, k);
    // Closing quotes stay outside: `"12 rue des Lilas, 75011 Paris"`.
    const trimmed = segment.replace(/[\s."'»”’]+$/, "");
    if (trimmed.length === 0 || trimmed.length > 60) break;
    const m = isPostalSegment(trimmed);
    if (!(m || UNIT.test(trimmed) || COUNTRIES.test(trimmed) || /^[A-Z]{2}$/.test(trimmed) || /^\p{Lu}[\p{L}'’-]*(?:[ -]\p{Lu}[\p{L}'’-]*){0,3}$/u.test(trimmed))) break;
    if (m) postal = true;
    end = j + trimmed.length;
    i = k;
  }
  return { end, postal };
}

/**
 * Grows an address over what follows on its line (`, 75011 Paris`, `, Springfield, IL 62704`,
 * `Suite 200`) and the address lines below; says whether a postal line was seen.
 */
function grow(text: string, found: Found): { end: number; postal: boolean; lines?: number[] } {
  const first = segmentsEnd(text, found.end, lineEndOf(text, found.end));
  let end = first.end;
  let postal = first.postal;
  // An address in a quoted list item, its lines the next items: `- "Flat 7, 112 Columbia Road"` over `- "London E2 7RG"` (YAML, JSON).
  if (QUOTED_REST.test(text.slice(end, lineEndOf(text, end)))) return quotedLines(text, end, postal);
  // The lines below: up to four that read as address lines.
  if (end === lineEndOf(text, end) || /^[\s,]*$/.test(text.slice(end, lineEndOf(text, end)))) {
    let ls = lineEndOf(text, end) + 1;
    for (let lines = 0; lines < 4 && ls < text.length; lines++) {
      let e = lineEndOf(text, ls);
      let line = text.slice(ls, e);
      if (lines > 0 && ONLY_PREFIX.test(line) && e < text.length) {
        // One blank line inside a block, before its last line: `Riisa\n\n Estonia 62488`.
        const after = text.slice(e + 1, lineEndOf(text, e + 1));
        if (!isCountryLastLine(after.replace(LEADING_PREFIX, "").trim())) break;
        ls = e + 1;
        e = lineEndOf(text, ls);
        line = after;
        lines = 3;
      }
      // A military post office line ends the address where its ZIP does.
      let lead = ls;
      while (lead < e && isPrefixChar(text.charCodeAt(lead))) lead++;
      const first = text.charCodeAt(lead) | 32;
      if (first === 97 || first === 100 || first === 102) {
        MILITARY_LINE.lastIndex = lead;
        const military = MILITARY_LINE.exec(text);
        if (military) return { end: lead + military[0].length, postal: true };
      }
      if (!isAddressLine(line)) break;
      // The line's own segments: `New York, NY 10118, attention of Margaret Chen` ends at the ZIP.
      const lineEnd = ls + line.replace(/[\s\r]+$/, "").length;
      const segments = segmentsEnd(text, lead, lineEnd);
      if (segments.end === lead) break;
      if (segments.postal || POSTAL.test(text.slice(lead, segments.end))) postal = true;
      end = segments.end;
      if (segments.end < lineEnd) break;
      ls = e + 1;
    }
  }
  return { end, postal };
}

/** What ends a quoted list item's line: the closing quote, a comma, nothing else. */
const QUOTED_REST = /^["'],?\s*$/;
/** A quoted list item: `- "London E2 7RG"`, `"London E2 7RG",`; the address line in group 1. */
const QUOTED_ITEM = /^[ \t]*(?:- )?["']([^"'\n]{1,70})["'],?[ \t\r]*$/;

/** The quoted list items below an address's first line that read as address lines (up to four). */
function quotedLines(text: string, end: number, postal: boolean): { end: number; postal: boolean; lines: number[] } {
  const lines: number[] = [];
  let ls = lineEndOf(text, end) + 1;
  for (let n = 0; n < 4 && ls < text.length; n++) {
    const e = lineEndOf(text, ls);
    const m = QUOTED_ITEM.exec(text.slice(ls, e));
    if (!m || !isAddressLine(m[1])) break;
    const lead = ls + m[0].indexOf(m[1]);
    const segments = segmentsEnd(text, lead, lead + m[1].length);
    if (segments.end === lead) break;
    if (segments.postal || POSTAL.test(m[1])) postal = true;
    // Each item its own span: the quotes and the list between them stay.
    lines.push(lead, segments.end);
    if (segments.end < lead + m[1].length) break;
    ls = e + 1;
  }
  return { end, postal, lines };
}

const NUMBERED_LINE_ABOVE = new RegExp(`^${LINE_PREFIX}*(\\d{1,6}\\s+\\S.{0,60})$`, "u");

/**
 * A block's last line after a blank one: a known country, with or without a postal code
 * (`France`, `Belgique 1000`), or another name with a code of five or six digits (`Estonia 62488`,
 * `Cyprus (Greek) 51034`); not `Best regards`, `Release 2026` nor `Version 12345`.
 */
const COUNTRY_LAST_LINE = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2})(?: \([^)\n]{1,20}\))?(?: (\d{4,6}))?$/u;
function isCountryLastLine(t: string): boolean {
  const m = COUNTRY_LAST_LINE.exec(t);
  if (!m) return false;
  const country = COUNTRIES.exec(m[1]);
  if (country && country[0].length === m[1].length) return true;
  return m[2] !== undefined && m[2].length >= 5 && !NUMBERED_THINGS.has(m[1].toLowerCase());
}

/** Lines above that start with a house number (`20789 Allika 46` above `Suite 501`). */
function growUp(text: string, start: number): number {
  let s = start;
  const ls = lineStartOf(text, s);
  if (!ONLY_PREFIX.test(text.slice(ls, s))) return s;
  for (let lines = 0; lines < 2 && ls > 0; lines++) {
    const cur = lineStartOf(text, s);
    if (cur === 0) break;
    const pls = lineStartOf(text, cur - 1);
    const line = text.slice(pls, cur - 1);
    const m = NUMBERED_LINE_ABOVE.exec(line);
    if (m && !/[.!?:]\s*$/.test(line)) {
      s = pls + line.indexOf(m[1]);
      continue;
    }
    // A building's line: `Résidence Les Cèdres, bât. C, apt 34` over `15 avenue de la Libération`.
    const unit = unitLine(line);
    if (unit < 0) break;
    s = pls + unit;
  }
  return s;
}

/** Where a line of units and a house's name starts (`Résidence Les Cèdres, bât. C, apt 34`, `Flat 3`), or -1. */
function unitLine(line: string): number {
  // Looked at for every address whose line above is no numbered line: the long ones go first, before any copy.
  if (line.length > 90) return -1;
  const content = line.replace(LEADING_PREFIX, "");
  const trimmed = content.trimEnd();
  if (trimmed.length === 0 || trimmed.length > 70 || /[.!?:]$/.test(trimmed)) return -1;
  const segments = trimmed.split(/\s*,\s*/);
  let unit = false;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (UNIT_SEGMENT.test(seg)) unit = true;
    else if (!(i === 0 && HOUSE_WORDS.has(seg.split(/[ ’']+/)[0].toLowerCase()) && /^(?:\p{L}[\p{L}'’-]*)(?: \p{L}[\p{L}'’-]*){0,5}$/u.test(seg))) return -1;
  }
  return unit || segments.length === 1 ? line.length - content.length : -1;
}

/** `583 Magrethevej 298`, `0138 Brisas 6802`: a number, a street's name, a number, starting a line or after an address label. */
const NUMBER_NAME_NUMBER = /(?<![\p{L}\d.,-])\d{1,5}\s+(?:\d{1,4}\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}?\s+\d{1,4}[a-zA-Z]?\.?(?=[\s,]|$)/uy;

function numberedLines(text: string, spans: Spans, covered: (pos: number) => boolean): void {
  // Line starts by indexOf("\n") (a memchr), the first character checked in code: cheaper than a multiline regex.
  let ls = 0;
  const n = text.length;
  while (ls < n) {
    let i = ls;
    while (i < n && isPrefixChar(text.charCodeAt(i))) i++;
    let next = text.indexOf("\n", i);
    if (next < 0) next = n;
    if (i < n && isDigit(text.charCodeAt(i)) && next - i <= 80 && !covered(i)) {
      // An address found over several lines: its lines are not read again.
      const end = tryNumbered(text, i, spans);
      if (end > next) {
        next = text.indexOf("\n", end);
        if (next < 0) next = n;
      }
    }
    ls = next + 1;
  }
}

/**
 * Indentation, a quote mark or encoding damage before a numbered line (a single `?` too: cheaper
 * than a look at the next one). List bullets are not: `- 3 Apples 2` over `- Oranges` is a list.
 */
function isPrefixChar(c: number): boolean {
  return c === 32 || c === 9 || c === 62 || c === 63 || c === 0xfffd;
}

const FAILS_PER_LINE = 64;

/** An address starting with a numbered line at `i`; returns where the line walk goes on. */
function tryNumbered(text: string, i: number, spans: Spans): number {
  NUMBER_NAME_NUMBER.lastIndex = i;
  const m = NUMBER_NAME_NUMBER.exec(text);
  if (!m) return i;
  const found = { start: i, end: i + m[0].length };
  const grown = grow(text, found);
  const label = labelled(text, found.start);
  if (!(grown.postal || label || grown.end > lineEndOf(text, found.end))) return i;
  spans.add(growUp(text, found.start), grown.end, grown.postal || label ? 0.8 : 0.68);
  return grown.end;
}

/** Whether the text just before `end` (after spaces, `:` and `-`) ends with an address label. */
function labelEndsAt(text: string, end: number, limit: number): boolean {
  let e = end;
  while (e > limit && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 58 || text.charCodeAt(e - 1) === 45 || text.charCodeAt(e - 1) === 9 || text.charCodeAt(e - 1) === 13 || text.charCodeAt(e - 1) === 42 || text.charCodeAt(e - 1) === 0xa0)) e--;
  // Every label ends with a letter: a number or a sign there (`1 Abc 1` above) ends the question before any slice.
  if (e - limit < 5 || !isLetterChar(text.charCodeAt(e - 1))) return false;
  const tail = text.slice(Math.max(limit, e - 12), e).toLowerCase();
  for (const w of LABEL_ENDINGS) if (tail.endsWith(w) && !isLetterChar(text.charCodeAt(e - w.length - 1))) return true;
  return false;
}

/** Words of a table or CSV header over postal addresses (`adresse`, `Street address`, `adresse_livraison`, `Billing`). */
const ADDRESS_HEADER_WORDS = new Set(["adresse", "address", "addr", "adr", "rue", "street", "domicile", "voie", "livraison", "shipping", "billing", "facturation", "postal", "postale"]);
/** Headers that name an address of another kind: `Adresse e-mail`, `IP address`, `Adresse du site`. */
const OTHER_ADDRESS_HEADER = /mail|courriel|\bip\b|ipv[46]|url|web|site|\bmac\b|wallet|portefeuille|\bbtc\b|\beth\b|code|zip|\bcp\b/;

const HEADER_SHAPE = /^[\p{L}\d _./()#-]+$/u;

/** Whether the header says its column holds postal addresses (a cell reads as one without a label on its line). */
export function isAddressHeader(header: string | undefined): boolean {
  // A label, not a line of code or data that happens to split like one (`"type": "ADDRESS"`).
  if (!header || header.length > 40 || !HEADER_SHAPE.test(header)) return false;
  const lower = header.toLowerCase();
  if (OTHER_ADDRESS_HEADER.test(lower)) return false;
  return lower.split(/[^a-zà-ÿ]+/).some((word) => ADDRESS_HEADER_WORDS.has(word));
}

function labelled(text: string, start: number): boolean {
  const ls = lineStartOf(text, start);
  if (labelEndsAt(text, start, ls)) return true;
  // `Adresse :` alone on the line above.
  return ls > 0 && labelEndsAt(text, ls - 1, lineStartOf(text, ls - 1));
}

/**
 * Words of an address column's header, for the scanner's keyword automaton (lower-case ASCII):
 * `Adresse de livraison`, `Shipping address`, `address_line_1`.
 */
export const ADDRESS_HEADER_KEYWORDS: readonly string[] = ["adresse", "address", "livraison", "shipping"];
/** Longest table or CSV row looked at, and rows read under one header. */
const MAX_CELL_ROW = 4096;
const MAX_CELL_ROWS = 5000;

/** A row's cells, as [start, end) pairs, split at `delimiter` outside double quotes. */
function cellsOf(text: string, ls: number, le: number, delimiter: number): number[] {
  const cells: number[] = [];
  let start = ls;
  let quoted = false;
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === delimiter && !quoted) {
      cells.push(start, i);
      start = i + 1;
    }
  }
  cells.push(start, le);
  return cells;
}

/** The delimiter a header row splits at: the most frequent of `;` tab `|` `,`, or -1. */
function delimiterOf(line: string): number {
  let best = -1;
  let most = 0;
  for (const d of [59, 9, 124, 44]) {
    let n = 0;
    for (let i = line.indexOf(String.fromCharCode(d)); i !== -1; i = line.indexOf(String.fromCharCode(d), i + 1)) n++;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/**
 * The cells of a table or CSV column headed as an address (`Adresse de livraison`, `Shipping
 * address`) that hold a postal line: the whole cell is the address, the words before the street
 * too (`Entrepôt - 12 rue …`, `ZA des Bréguières, 62 allée …`, `Lieu-dit Kernévez, 29242 Ouessant`).
 * Looked at only where the automaton saw a header word; a row of another shape ends the column.
 */
function readAddressCells(text: string, headers: readonly number[], spans: Spans): void {
  let doneTo = -1;
  for (const hit of headers) {
    if (hit < doneTo) continue;
    // A header cell opens with its word (`Adresse de livraison`, `"Shipping address"`): not `ipAddress`, not `Email address`.
    let b = hit - 1;
    while (b >= 0 && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 34 || text.charCodeAt(b) === 42)) b--;
    const before = b < 0 ? 10 : text.charCodeAt(b);
    if (!(before === 10 || before === 13 || before === 59 || before === 44 || before === 9 || before === 124)) continue;
    const ls = lineStartOf(text, hit);
    const le = lineEndOf(text, hit);
    doneTo = le;
    if (le - ls > MAX_CELL_ROW) continue;
    const delimiter = delimiterOf(text.slice(ls, le));
    if (delimiter < 0) continue;
    const header = cellsOf(text, ls, le, delimiter);
    let column = -1;
    for (let k = 0; k < header.length; k += 2) {
      if (header[k] <= hit && hit < header[k + 1]) {
        const cell = text.slice(header[k], header[k + 1]).replace(/^[\s"*_]+|[\s"*_]+$/g, "");
        if (isAddressHeader(cell)) column = k;
        break;
      }
    }
    if (column < 0) continue;
    let row = le + 1;
    for (let rows = 0; rows < MAX_CELL_ROWS && row < text.length; rows++) {
      const re = lineEndOf(text, row);
      if (re - row > MAX_CELL_ROW) break;
      const cells = cellsOf(text, row, re, delimiter);
      // A Markdown separator row (`|---|---|`) is passed; a row of another width ends the column.
      if (cells.length !== header.length) break;
      let s = cells[column];
      let e = cells[column + 1];
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 34 || text.charCodeAt(s) === 9)) s++;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 34 || text.charCodeAt(e - 1) === 13 || text.charCodeAt(e - 1) === 9)) e--;
      if (e - s >= 8 && e - s <= 150 && text.slice(s, e).split(",").some((part) => isPostalSegment(part.trim()))) spans.add(s, e, 0.82);
      row = re + 1;
    }
    doneTo = row;
  }
}

export const addressPass: Pass = {
  id: "pii-address",
  category: "pii",
  kinds: ["address"],
  run(text: string, out: Candidate[], context: PassContext): void {
    const hits = context.addressWords.slice();
    // The automaton's keywords start with a space or a line break: a street word opening the text has neither.
    if (text.length > 0 && BY_FIRST.has(String.fromCharCode(text.charCodeAt(0) | 32))) hits.push(0);
    // The non-ASCII words, only in texts that already name a street or a box: one indexOf per
    // distinct non-ASCII letter (`é`, `ß`, `ä`: rare, so a memchr-fast search), the words
    // around each checked in place. (An indexOf per word and spelling cost 8 passes over the
    // text, each stopping at every `a`, `s`, `v` or `c`: 30 ms of the pass's 38 on the bench.)
    if (hits.length > 0) for (const [letter, words] of NON_ASCII_BY_LETTER) {
      for (let at = text.indexOf(letter); at !== -1; at = text.indexOf(letter, at + 1)) {
        for (const { offset, word } of words) {
          const ws = at - offset;
          if (ws >= 0 && text.startsWith(word, ws)) hits.push(ws);
        }
      }
    }
    const spans = new Spans();
    let columns: TableColumns | undefined;
    const sorted = hits.length > 1 ? Int32Array.from(hits).sort() : hits;
    let emittedTo = -1;
    /** Where the last span starts when it was a box's or a unit's, else -1. */
    let lastBox = -1;
    // Street words that lead nowhere, one after the other on one line: past FAILS_PER_LINE of
    // them the rest of the line is garbage (a 1 MB line of `BP 1 BP 1 …`), skipped.
    let fails = 0;
    let skipTo = -1;
    for (let h = 0; h < sorted.length; h++) {
      let ks = sorted[h];
      // The automaton reports the space or line break before a street word.
      const c0 = text.charCodeAt(ks);
      if (c0 === 32 || c0 === 10 || c0 === 9 || c0 === 34 || c0 === 40) ks++;
      if (ks < emittedTo || ks < skipTo) continue;
      if (++fails > FAILS_PER_LINE) {
        const nl = text.indexOf("\n", ks);
        fails = 0;
        if (nl < 0) break;
        if (nl > ks + 1) {
          skipTo = nl;
          continue;
        }
      }
      // The keyword: which one, and its end.
      const found = keywordAt(text, ks);
      if (!found) continue;
      const { ke, kind } = found;
      let address: Found | undefined;
      let strength = 0;
      if (kind === "military") {
        const military = militaryAddress(text, ks);
        if (military) {
          spans.add(military.start, military.end, 0.82);
          fails = 0;
          emittedTo = military.end;
        }
        continue;
      }
      if (kind === "box") {
        address = boxAddress(text, ks, ke);
        strength = 1;
      } else {
        if (!digitNear(text, ks, ke)) continue;
        address = streetAddress(text, ks, ke, kind === "suffix");
        strength = kind === "weak" ? 0 : 1;
      }
      if (!address) continue;
      const grown = grow(text, address);
      const label =
        labelled(text, address.start) ||
        (!grown.postal && (strength === 0 || address.unconfirmed === true) && isAddressHeader((columns ??= new TableColumns(text)).headerAt(address.start)?.header));
      if (!grown.postal && !label && (strength === 0 || address.unconfirmed)) continue;
      if (kind === "box" && !grown.postal && !label && grown.end === address.end) continue;
      const confidence = grown.postal || label ? 0.82 : 0.68;
      const wanted = growUp(text, withHouseName(text, withUnitsBefore(text, address.start)));
      // A unit read as a box just before (`Unit 4, 19 Mare Street`) is this address's: the two spans overlap and are emitted as one.
      const start = wanted < emittedTo && wanted <= lastBox ? wanted : Math.max(wanted, emittedTo);
      if (start >= grown.end) continue;
      spans.add(start, grown.end, confidence);
      fails = 0;
      lastBox = kind === "box" ? start : -1;
      emittedTo = grown.end;
      if (grown.lines) {
        for (let l = 0; l < grown.lines.length; l += 2) spans.add(grown.lines[l], grown.lines[l + 1], confidence);
        if (grown.lines.length > 0) emittedTo = grown.lines[grown.lines.length - 1];
      }
    }
    // Lines come in text order and so do the street words' spans: one pointer walks both.
    const street = spans.list.slice();
    let k = 0;
    numberedLines(text, spans, (pos) => {
      while (k < street.length && street[k + 1] <= pos) k += 3;
      return k < street.length && street[k] <= pos;
    });
    // After the walk above, which needs the spans in text order.
    if (context.addressHeaders.length > 0) readAddressCells(text, context.addressHeaders, spans);
    spans.emitMerged(out, context);
  },
};

/** Words that make a name a house's (`Le Mas des Oliviers`, `Rose Cottage`, `Villa Marguerite`): French and English. */
const HOUSE_WORDS = new Set(["mas", "domaine", "château", "chateau", "villa", "résidence", "residence", "maison", "ferme", "moulin", "bastide", "chalet", "manoir", "clos", "hameau", "lieu-dit", "immeuble", "bâtiment", "batiment", "house", "cottage", "farm", "lodge", "manor", "hall", "barn", "mill", "tower",
  // a business park, a warehouse or a pickup point the parcel goes to
  "za", "zi", "zac", "zone", "parc", "technopole", "entrepôt", "entrepot", "relais", "c/o", "chez",
  // a studio or a venue hired for a shoot
  "atelier", "ateliers", "studio", "studios", "loft", "hangar", "halle", "usine"]);
/** A house name opening its line or following a label, then a comma: `Le Mas des Oliviers, ` before `240 chemin des Cigales`. */
const HOUSE_NAME = /(?:^|[:>\t]|\s{2})\s*((?:c\/o |chez )?(?:\p{Lu}[\p{L}'’-]*|de|des|du|la|le|les|l'|d'|of|the)(?:(?:[ ’']| [–-] )(?:\p{Lu}[\p{L}'’-]*|de|des|du|la|le|les|l|d|of|the)){0,6}),\s*$/u;

/** Where an address starts once the units written before it are taken in (two at most: `Bât. B, esc. 2, `); `start` when there is none. */
function withUnitsBefore(text: string, start: number): number {
  for (let n = 0; n < 2; n++) {
    let c = start;
    while (c > 0 && text.charCodeAt(c - 1) === 32) c--;
    if (c === 0 || text.charCodeAt(c - 1) !== 44) return start;
    const ls = Math.max(lineStartOf(text, start), start - 40);
    const m = UNIT_BEFORE.exec(text.slice(ls, start));
    if (!m) return start;
    const at = ls + m.index + m[0].indexOf(m[1]);
    // Its line opens with it, a colon or a label ends before it, or a unit before it is taken in next.
    const before = text.slice(lineStartOf(text, at), at).trimEnd();
    // A table's cell opens with it too (`| Flat 3, 41 Cavendish Road … |`).
    if (!(/^[>*"'\s-]*$/.test(before) || /[:"'|]$/.test(before) || before.endsWith(",") || labelEndsAt(text, at, lineStartOf(text, at)))) return start;
    start = at;
  }
  return start;
}

/** Where an address starts once a house name before it is taken in; `start` when there is none. */
function withHouseName(text: string, start: number): number {
  // Only after a comma (most addresses have none before them): the regex below is not run for nothing.
  let c = start;
  while (c > 0 && text.charCodeAt(c - 1) === 32) c--;
  if (c === 0 || text.charCodeAt(c - 1) !== 44) return start;
  const ls = Math.max(lineStartOf(text, start), start - 90);
  if (start - ls < 5) return start;
  const before = text.slice(ls, start);
  const m = HOUSE_NAME.exec(before);
  if (!m || !m[1].toLowerCase().split(/[ ’']+/).some((w) => HOUSE_WORDS.has(w))) return start;
  const at = ls + m.index + m[0].indexOf(m[1]);
  // Its line opens with it, or a label ends before it (`Adresse : Le Mas …`).
  return /^[\s>*-]*$/.test(text.slice(ls, at)) || labelEndsAt(text, at, ls) ? at : start;
}

const MILITARY_SET = new Set(MILITARY_WORDS);
/** The military post office line: `APO AE 09012`, the region (Americas, Europe, Pacific) and a ZIP. */
const MILITARY_LINE = /(?:APO|FPO|DPO) (?:AA|AE|AP) \d{5}(?:-\d{4})?(?![\p{L}\d])/iuy;
/** The line above it, or the segment before it on its line: `PSC 3250, Box 1234`, `Unit 2050 Box 4190`, `CMR 480 Box 12`, `USS Nimitz (CVN 68)`, `USNS Comfort`. */
const MILITARY_UNIT = /(?:^|[\n,;:]|\s)[\s>]*((?:(?:PSC|CMR|Unit) \d{1,5},? Box \d{1,5}|(?:USS|USNS|USNV|USCGC) \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}(?: \([A-Z]{2,4}[- ]?\d{1,4}\))?)[,\s]*)$/iu;

/** A US military address ending with its post office line at `ks` (`PSC 3250, Box 1234\nAPO AE 09012`). */
function militaryAddress(text: string, ks: number): Found | undefined {
  MILITARY_LINE.lastIndex = ks;
  const m = MILITARY_LINE.exec(text);
  if (!m) return undefined;
  const end = ks + m[0].length;
  // The unit on the same line (`PSC 3250, Box 1234, APO AE 09012`) or on the line above.
  const ls = lineStartOf(text, ks);
  const before = text.slice(ls > 0 && /^[\s>]*$/.test(text.slice(ls, ks)) ? lineStartOf(text, ls - 1) : ls, ks);
  const unit = MILITARY_UNIT.exec(before);
  if (unit) return { start: ks - before.length + before.lastIndexOf(unit[1]), end };
  return { start: ks, end };
}

/** `BP 1234`, `P.O. Box 242`, `Suite 828`, `Apt. 231`: a box or a unit with its number. */
function boxAddress(text: string, ks: number, ke: number): Found | undefined {
  const m = /^\s*(?:n[°o]\.?\s*)?\d{1,6}\b/.exec(text.slice(ke, ke + 12));
  if (!m) return undefined;
  return { start: ks, end: ke + m[0].length };
}

/** The keywords by their first character, lower case. */
const BY_FIRST = new Map<string, string[]>();
for (const w of ALL_WORDS) {
  const list = BY_FIRST.get(w[0]) ?? [];
  list.push(w);
  BY_FIRST.set(w[0], list);
}

/** Whether `word` (lower case) is at `at`, ASCII letters in any case. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(at + i);
    // ASCII and Latin-1 capitals (`ALLÉE`) folded.
    if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) c |= 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

function keywordAt(text: string, ks: number): { ke: number; kind: "street" | "weak" | "suffix" | "box" | "military" } | undefined {
  // Longest keyword at ks, case-folded like the automaton.
  let first = text.charCodeAt(ks);
  if (first >= 65 && first <= 90) first |= 32;
  const list = BY_FIRST.get(String.fromCharCode(first));
  if (!list) return undefined;
  let best = "";
  for (const k of list) if (k.length > best.length && wordAt(text, ks, k)) best = k;
  if (!best) return undefined;
  const ke = ks + best.length;
  const before = ks > 0 ? text.charCodeAt(ks - 1) : 32;
  const after = ke < text.length ? text.charCodeAt(ke) : 32;
  if (MILITARY_SET.has(best)) return isLetterChar(before) || isDigit(before) ? undefined : { ke, kind: "military" };
  if (BOX_SET.has(best)) {
    if (isLetterChar(before) || before === 95) return undefined;
    // `bp `, `cs `, `apt `, `suite `, `unit ` need their capital: `BP 1234`, `Suite 200`.
    if ((best === "bp " || best === "cs ") && text.slice(ks, ks + 2) !== best.slice(0, 2).toUpperCase()) return undefined;
    if (!isUpperAscii(text.charCodeAt(ks))) return undefined;
    return { ke: best.endsWith(" ") ? ke - 1 : ke, kind: "box" };
  }
  if (isLetterChar(after) || after === 95 || isDigit(after)) return undefined;
  if (SUFFIX_SET.has(best)) {
    // `Villacher Strasse 89`: the suffix as a word of its own, capitalised.
    if (!isLetterChar(before)) return STREET_SET.has(best) ? { ke, kind: "street" } : isUpperAscii(text.charCodeAt(ks)) ? { ke, kind: "suffix" } : undefined;
    // The whole word must be capitalised: `Bahnhofstrasse`.
    let ws = ks;
    while (ws > 0 && isLetterChar(text.charCodeAt(ws - 1))) ws--;
    if (!isUpperAscii(text.charCodeAt(ws)) && !(text.charCodeAt(ws) >= 0xc0 && text[ws] !== text[ws].toLowerCase())) return undefined;
    return { ke, kind: "suffix" };
  }
  if (isLetterChar(before) || before === 95 || before === 46 || before === 36) return undefined;
  // In code, `route`, `place` and `court` are identifiers: `route(`, `.place`, `route =`.
  if (after === 40 || after === 61 || after === 58 && best !== "rue") return undefined;
  // `Crown St`, `Elm Rd.`: an abbreviation counts capitalised and after a street's name, not a number (`3 st of them`).
  if (ABBREVIATIONS.has(best) && (!isUpperAscii(text.charCodeAt(ks)) || ks < 2 || !isLetterChar(text.charCodeAt(ks - 2)))) return undefined;
  return { ke, kind: WEAK_STREET.has(best) ? "weak" : "street" };
}

/** A house number needs a digit within 60 characters on either side: most street words in prose and code have none. */
function digitNear(text: string, ks: number, ke: number): boolean {
  for (let i = Math.max(0, ks - 60); i < ks; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) continue;
    if (isDigit(c)) return true;
  }
  const max = Math.min(text.length, ke + 60);
  for (let i = ke; i < max; i++) if (isDigit(text.charCodeAt(i))) return true;
  return false;
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
