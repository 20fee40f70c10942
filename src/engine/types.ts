/** What a finding is about: a credential, personal data, or one of the user's own terms. */
export type Category = "secret" | "pii" | "term";

/** The personal-data kinds, exactly as DESIGN.md names them. */
export type PiiKind =
  | "email"
  | "phone"
  | "iban"
  | "credit-card"
  | "ip-address"
  | "fr-nir"
  | "fr-siren"
  | "fr-siret"
  | "fr-vat"
  | "us-ssn"
  | "money"
  | "person"
  | "private-link"
  | "promo-code"
  | "date"
  | "address";

export interface Finding {
  ruleId: string;
  category: Category;
  /** `email`, `github-token`, or the kind configured for a term (`BRAND`). */
  kind: string;
  /** UTF-16 code-unit offsets into the scanned string, end exclusive. */
  start: number;
  end: number;
  /** 0..1: how sure the engine is that this is real. */
  confidence: number;
  /** Says what was found and why it matters; never the value. */
  message: string;
  /** A few characters of the value at most (`AKIA…MPLE`). */
  preview: string;
}

/**
 * A detection rule as data. The engine runs `pattern` only in windows around a hit of
 * one of `keywords` in the text (case-insensitive), so a rule costs nothing in text that
 * does not mention it.
 */
export interface Rule {
  id: string;
  category: "secret" | "pii";
  kind: string;
  /** Human name used in messages: "GitHub personal access token". */
  title: string;
  /** Lower-case literals; at least one must occur near a match. */
  keywords: readonly string[];
  /** Must carry the `g` flag. Runs over a window of the text, not the whole text. */
  pattern: RegExp;
  /** Capture group holding the sensitive value; 0 or absent = whole match. */
  group?: number;
  /** Minimum Shannon entropy (bits per char) of the value. */
  entropy?: number;
  /** Extra check on the value (checksum, structure). */
  validate?: (value: string, match: RegExpExecArray) => boolean;
  /** Values matching any of these are not findings for this rule. */
  allow?: readonly RegExp[];
  /** How far around a keyword hit the pattern may match; default: the hit's line, ±512 chars. */
  /**
   * `nextLine`: the hit's line and the one after it (a YAML `key: |` block, an XML element
   * whose value sits on the next line), without the cost of a multi-line window.
   */
  /**
   * `lineEndWithin`: the rule matches only where its keyword's line ends that close after it
   * (a question answered on the next line): a hit further from its line's end opens no window,
   * so a long line packed with the keyword costs nothing.
   */
  window?: { before: number; after: number; multiline?: boolean; nextLine?: boolean; lineEndWithin?: number };
  /** Default 0.9 for secrets. */
  confidence?: number;
  /** A structure check that makes a value certain (GitHub's CRC32 suffix): its confidence when it holds. */
  certainWhen?: { check: (value: string) => boolean; confidence: number };
  /** What to do about it, one short sentence. */
  advice?: string;
  /** Example strings: one that must match, one that must not (used by tests). */
  examples?: { match: readonly string[]; noMatch: readonly string[] };
}

/** A candidate before directives, allowlists and overlap resolution. */
export interface Candidate {
  ruleId: string;
  category: Category;
  kind: string;
  title: string;
  start: number;
  end: number;
  confidence: number;
  advice?: string;
}

/** A pass that is not keyword-driven (e-mails, number-shaped values, IPs, money). */
export interface Pass {
  id: string;
  category: "pii" | "secret";
  /** Kinds this pass can produce; used to switch passes off by category or kind. */
  kinds: readonly string[];
  run(text: string, out: Candidate[], context: PassContext): void;
}

export interface PassContext {
  /** Lower-cased copy of the text (same length and offsets as the original). */
  lower: string;
  options: ResolvedOptions;
  /** Where the keyword automaton saw a currency word (money pass's MONEY_KEYWORDS), any case, unsorted. */
  moneyWords: number[];
  /** Whether the keyword automaton saw a promo-code column header word (promo, coupon…), any case. */
  promoWord: boolean;
  /** Where the automaton saw a street or delivery-point word (address pass's ADDRESS_KEYWORDS), any case, unsorted. */
  addressWords: number[];
  /** Where the automaton saw a word of an address column's header (ADDRESS_HEADER_KEYWORDS: `adresse`, `shipping`…), any case, in text order. */
  addressHeaders: number[];
}

export interface TermSpec {
  /** Literal name, or a regex source when `regex` is true. */
  text: string;
  /** Placeholder kind, upper case: BRAND, PRODUCT, CLIENT, CODENAME, PERSON. */
  kind: string;
  regex?: boolean;
}

export interface AllowList {
  /** Exact values never reported. */
  values?: readonly string[];
  /** Regex sources; a value matching one entirely is not reported. */
  patterns?: readonly string[];
  /** Lower-case hex SHA-256 of values never reported. */
  hashes?: readonly string[];
}

export interface ScanOptions {
  terms?: readonly TermSpec[];
  allow?: AllowList;
  /** Rule ids or kinds to switch off. */
  disabledRules?: readonly string[];
  categories?: { secret?: boolean; pii?: boolean; term?: boolean };
  /** Amounts of money are personal/business data but noisy in code; on by default. */
  money?: boolean;
  /** Dates (launch dates, embargoes): opt-in, off by default; the `pro` label turns them on. */
  dates?: boolean;
  /** Drop findings below this confidence (default 0.5). */
  minConfidence?: number;
  /** Honour `veil:allow` and friends (default true). */
  directives?: boolean;
}

export interface ResolvedOptions {
  terms: readonly TermSpec[];
  allow: Required<AllowList>;
  disabled: ReadonlySet<string>;
  secret: boolean;
  pii: boolean;
  term: boolean;
  money: boolean;
  dates: boolean;
  minConfidence: number;
  directives: boolean;
}
