import { ALL_RULES } from "../rules";
import { ALL_PASSES } from "./passes";
import { MONEY_KEYWORDS } from "./passes/money";
import { PROMO_HEADER_WORDS } from "./passes/promoColumns";
import { ADDRESS_HEADER_KEYWORDS, ADDRESS_KEYWORDS } from "./passes/address";
import type { Candidate, Finding, Pass, PassContext, ResolvedOptions, Rule, ScanOptions } from "../types";
import { shannonEntropy } from "../validate/entropy";
import { sha256Hex } from "../validate/sha256";
import { lowerSameLength } from "../util/lower";
import { KeywordAutomaton } from "./ahoCorasick";
import { withoutIgnoreCase } from "./anyCase";
import { ignoredRanges, isIgnored } from "./directives";
import { maskValue } from "./preview";
import { isPlaceholderSecret } from "../rules/placeholder";
import { compileTerms, containsTerm, findSweptTerms, findTermsAt, type CompiledTerms } from "./terms";
import { compileUserPattern, type LinearPattern } from "./userPattern";
import { echoes } from "./echo";

const DEFAULT_WINDOW = { before: 256, after: 512, multiline: false, nextLine: false, lineEndWithin: Infinity };

class CompiledRule {
  private compiled: RegExp | undefined;

  constructor(
    readonly rule: Rule,
    readonly before: number,
    readonly after: number,
    readonly multiline: boolean,
    readonly nextLine: boolean,
    readonly lineEndWithin: number,
  ) {}

  /** Compiled on first use: a run over a few small files meets few rules' keywords. */
  get pattern(): RegExp {
    if (!this.compiled) {
      const rule = this.rule;
      const flags = rule.group ? rule.pattern.flags.replace("d", "") + "d" : rule.pattern.flags;
      this.compiled = withoutIgnoreCase(new RegExp(rule.pattern.source, flags));
    }
    return this.compiled;
  }
}

/** Rules and the keyword automaton are compiled once per process; options never change them. */
class RuleSet {
  readonly rules: CompiledRule[];
  readonly automaton: KeywordAutomaton;
  /** Rules' keywords, then DIRECTIVE_KEYWORDS, MONEY_KEYWORDS, ADDRESS_KEYWORDS, PROMO_HEADER_WORDS and ADDRESS_HEADER_KEYWORDS. */
  readonly keywords: readonly string[];
  /** How many of `keywords` are rules' (the first ones). */
  readonly ruleKeywords: number;
  private readonly withWords = new Map<string, KeywordAutomaton>();
  /** For each keyword index, the rules that listed it. */
  readonly rulesByKeyword: number[][];

  constructor(rules: readonly Rule[]) {
    const keywordIndex = new Map<string, number>();
    this.rulesByKeyword = [];
    this.rules = rules.map((rule, ruleIndex) => {
      if (!rule.pattern.global) throw new Error(`rule ${rule.id}: pattern needs the g flag`);
      if (rule.keywords.length === 0) throw new Error(`rule ${rule.id}: needs at least one keyword`);
      for (const raw of rule.keywords) {
        const keyword = raw.toLowerCase();
        let index = keywordIndex.get(keyword);
        if (index === undefined) {
          index = keywordIndex.size;
          keywordIndex.set(keyword, index);
          this.rulesByKeyword.push([]);
        }
        if (!this.rulesByKeyword[index].includes(ruleIndex)) this.rulesByKeyword[index].push(ruleIndex);
      }
      const window = { ...DEFAULT_WINDOW, ...rule.window };
      return new CompiledRule(rule, window.before, window.after, window.multiline, window.nextLine, window.lineEndWithin ?? Infinity);
    });
    this.ruleKeywords = keywordIndex.size;
    this.keywords = [...keywordIndex.keys(), ...DIRECTIVE_KEYWORDS, ...MONEY_KEYWORDS, ...ADDRESS_KEYWORDS, ...PROMO_HEADER_WORDS, ...ADDRESS_HEADER_KEYWORDS];
    this.automaton = new KeywordAutomaton(this.keywords);
  }

  /**
   * The automaton over the rules' keywords followed by terms' first words (indexes from
   * `keywords.length` on are the words). A few recent ones are kept: scanners are built per
   * settings, and the build costs a few milliseconds.
   */
  automatonWith(words: readonly string[]): KeywordAutomaton {
    if (words.length === 0) return this.automaton;
    const key = words.join("\u0000");
    let automaton = this.withWords.get(key);
    if (!automaton) {
      automaton = new KeywordAutomaton([...this.keywords, ...words]);
      if (this.withWords.size >= 8) this.withWords.delete(this.withWords.keys().next().value as string);
    } else this.withWords.delete(key);
    this.withWords.set(key, automaton);
    return automaton;
  }
}

let ruleSet: RuleSet | undefined;
function getRuleSet(): RuleSet {
  return (ruleSet ??= new RuleSet(ALL_RULES));
}

/** Every rule the engine knows, for listings, docs and tests. */
export function listRules(): readonly Rule[] {
  return ALL_RULES;
}

export function resolveOptions(options: ScanOptions = {}): ResolvedOptions {
  return {
    terms: options.terms ?? [],
    allow: { values: options.allow?.values ?? [], patterns: options.allow?.patterns ?? [], hashes: options.allow?.hashes ?? [] },
    disabled: new Set(options.disabledRules ?? []),
    secret: options.categories?.secret ?? true,
    pii: options.categories?.pii ?? true,
    term: options.categories?.term ?? true,
    money: options.money ?? true,
    dates: options.dates ?? false,
    minConfidence: options.minConfidence ?? 0.5,
    directives: options.directives ?? true,
  };
}

/** A scanner bound to one set of options: compile once, scan many texts. */
export class Scanner {
  readonly options: ResolvedOptions;
  private readonly terms: CompiledTerms;
  private readonly hasTerms: boolean;
  /** The rules' keywords plus the anchored terms' first words; built at the first scan. */
  private automaton: KeywordAutomaton | undefined;
  /** The user's allow patterns, on the linear-time engine. */
  private readonly allowPatterns: LinearPattern[];
  private readonly allowValues: ReadonlySet<string>;
  private readonly allowHashes: ReadonlySet<string>;
  /** Problems with the options (a bad regex), for the caller to show once. */
  readonly warnings: string[] = [];

  constructor(options: ScanOptions = {}) {
    this.options = resolveOptions(options);
    this.terms = compileTerms(this.options.terms);
    this.hasTerms = this.terms.anchored !== null || this.terms.swept !== null || this.terms.patterns.length > 0;
    this.warnings.push(...this.terms.errors);
    this.allowPatterns = [];
    for (const source of this.options.allow.patterns) {
      const compiled = compileUserPattern("allow pattern", source, { ignoreCase: false, multiline: false });
      if (compiled.pattern) this.allowPatterns.push(compiled.pattern);
      else this.warnings.push(compiled.warning);
    }
    this.allowValues = new Set(this.options.allow.values);
    this.allowHashes = new Set(this.options.allow.hashes.map((h) => h.toLowerCase()));
  }

  /** Findings sorted by start offset, never overlapping; offsets in UTF-16 code units. */
  scan(text: string): Finding[] {
    const { out: candidates, directive } = this.collect(text);
    if (candidates.length === 0) return [];
    // Most texts hold no directive: the keyword automaton saw one or not, which spares
    // lower-casing the whole text (~200 MB/s and a full copy) just to look for one.
    const ignored = this.options.directives && directive ? ignoredRanges(text, lowerSameLength(text)) : [];
    const kept: Candidate[] = [];
    for (const c of candidates) {
      if (c.confidence < this.options.minConfidence) continue;
      if (ignored.length > 0 && isIgnored(ignored, c.start, c)) continue;
      if (this.isAllowed(text.slice(c.start, c.end))) continue;
      kept.push(c);
    }
    // A secret's or a promo code's repeats elsewhere in the text, where no context names them.
    for (const c of echoes(text, kept)) if (!(ignored.length > 0 && isIgnored(ignored, c.start, c))) kept.push(c);
    return resolveOverlaps(kept).map((c) => toFinding(text, c, this.hidesDomain(text, c)));
  }

  /** Raw candidates from every enabled rule, pass and term, before filtering. */
  candidates(text: string): Candidate[] {
    return this.collect(text).out;
  }

  private collect(text: string): { out: Candidate[]; directive: boolean } {
    const out: Candidate[] = [];
    const options = this.options;
    const termStarts: number[] | undefined = options.term && this.terms.anchored ? [] : undefined;
    const seen: KeywordSignals = { directive: false, moneyWords: [], addressWords: [], addressHeaders: [], promoWord: false };
    // Also with only swept terms on: the automaton is what notices ignore directives.
    if (options.secret || options.pii || options.term) this.runRules(text, out, termStarts, seen);
    const context = new LazyPassContext(text, options, seen.moneyWords, seen.addressWords, seen.addressHeaders, seen.promoWord);
    for (const pass of ALL_PASSES) {
      if (!this.passEnabled(pass)) continue;
      pass.run(text, out, context);
    }
    if (termStarts) findTermsAt(text, this.terms, termStarts, out);
    if (options.term) findSweptTerms(text, this.terms, out);
    return { out, directive: seen.directive };
  }

  private passEnabled(pass: Pass): boolean {
    const o = this.options;
    if (!(pass.category === "secret" ? o.secret : o.pii)) return false;
    if (o.disabled.has(pass.id)) return false;
    return pass.kinds.some((kind) => !o.disabled.has(kind) && (kind !== "money" || o.money) && (kind !== "date" || o.dates));
  }

  /** Rule windows from the keyword automaton, then each rule in its windows; `termStarts` gets where the terms' first words start. */
  private runRules(text: string, out: Candidate[], termStarts: number[] | undefined, seen: KeywordSignals): void {
    const set = getRuleSet();
    const automaton = (this.automaton ??= set.automatonWith(termStarts ? this.terms.anchors : []));
    const ruleKeywords = set.ruleKeywords;
    const moneyFrom = ruleKeywords + DIRECTIVE_KEYWORDS.length;
    const addressFrom = moneyFrom + MONEY_KEYWORDS.length;
    const promoFrom = addressFrom + ADDRESS_KEYWORDS.length;
    const headerFrom = promoFrom + PROMO_HEADER_WORDS.length;
    const termsFrom = set.keywords.length;
    const options = this.options;
    const rulesOn = options.secret || options.pii;
    // Windows per rule, appended in text order so merging is a look at the last one.
    const windows = new Map<number, number[]>();
    // The line holding the current hit: (lineBreakBefore, lineBreakAfter) are the "\n" around
    // it (-1 / text.length at the ends). Hits come in text order and keywords hold no line
    // break, so the line only moves forward: finding it costs O(n) over the whole text, not a
    // walk of the window per hit (a long line packed with keywords made that quadratic-ish).
    let lineBreakBefore = -1;
    let lineBreakAfter = -2;
    // The end of the line after the hit's, for `nextLine` windows; -1 until one asks.
    let nextLineEnd = -1;
    automaton.search(text, (keyword, end) => {
      const start = end - automaton.keywords[keyword].length;
      if (keyword >= ruleKeywords) {
        if (keyword >= termsFrom) termStarts?.push(start);
        else if (keyword >= headerFrom) seen.addressHeaders.push(start);
        else if (keyword >= promoFrom) seen.promoWord = true;
        else if (keyword >= addressFrom) seen.addressWords.push(start);
        else if (keyword >= moneyFrom) seen.moneyWords.push(start);
        else seen.directive = true;
        return;
      }
      if (!rulesOn) return;
      if (end > lineBreakAfter || start <= lineBreakBefore) {
        lineBreakBefore = start > 0 ? text.lastIndexOf("\n", start - 1) : -1;
        lineBreakAfter = text.indexOf("\n", end);
        if (lineBreakAfter < 0) lineBreakAfter = text.length;
        nextLineEnd = -1;
      }
      for (const ruleIndex of set.rulesByKeyword[keyword]) {
        const compiled = set.rules[ruleIndex];
        if (lineBreakAfter - end > compiled.lineEndWithin) continue;
        let ws = Math.max(0, start - compiled.before);
        let we = Math.min(text.length, end + compiled.after);
        if (!compiled.multiline) {
          ws = Math.max(ws, lineBreakBefore + 1);
          if (compiled.nextLine) {
            if (nextLineEnd < 0) {
              nextLineEnd = lineBreakAfter >= text.length ? text.length : text.indexOf("\n", lineBreakAfter + 1);
              if (nextLineEnd < 0) nextLineEnd = text.length;
            }
            we = Math.min(we, nextLineEnd);
          } else we = Math.min(we, lineBreakAfter);
        }
        let list = windows.get(ruleIndex);
        if (!list) windows.set(ruleIndex, (list = []));
        const last = list.length - 1;
        if (last > 0 && list[last] >= ws) list[last] = Math.max(list[last], we);
        else list.push(ws, we);
      }
    });
    for (const [ruleIndex, list] of windows) {
      const compiled = set.rules[ruleIndex];
      const rule = compiled.rule;
      if (!(rule.category === "secret" ? options.secret : options.pii)) continue;
      if (options.disabled.has(rule.id) || options.disabled.has(rule.kind)) continue;
      for (let i = 0; i < list.length; i += 2) this.runRuleInWindow(text, compiled, list[i], list[i + 1], out);
    }
  }

  private runRuleInWindow(text: string, compiled: CompiledRule, ws: number, we: number, out: Candidate[]): void {
    const { rule, pattern } = compiled;
    const slice = text.slice(ws, we);
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(slice)) !== null) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      let start = m.index;
      let value = m[0];
      if (rule.group) {
        const groupValue = m[rule.group];
        const indices = m.indices?.[rule.group];
        if (groupValue === undefined || !indices) continue;
        value = groupValue;
        start = indices[0];
      }
      if (value.length === 0) continue;
      if (rule.entropy !== undefined && shannonEntropy(value) < rule.entropy) continue;
      if (rule.allow && rule.allow.some((re) => re.test(value))) continue;
      if (rule.validate && !rule.validate(value, m)) continue;
      // One placeholder check for every credential rule: no rule keeps its own list of samples.
      // Last, so it costs something only for values every other check accepted.
      if (rule.category === "secret" && isPlaceholderSecret(value)) continue;
      out.push({
        ruleId: rule.id,
        category: rule.category,
        kind: rule.kind,
        title: rule.title,
        start: ws + start,
        end: ws + start + value.length,
        confidence: rule.certainWhen?.check(value) ? rule.certainWhen.confidence : (rule.confidence ?? 0.9),
        advice: rule.advice,
      });
    }
  }

  /** An e-mail whose domain holds a term: its preview must not show the domain. */
  private hidesDomain(text: string, c: Candidate): boolean {
    if (c.kind !== "email" || !this.options.term || !this.hasTerms) return false;
    const at = text.lastIndexOf("@", c.end - 1);
    return at >= c.start && containsTerm(text.slice(at + 1, c.end), this.terms);
  }

  private isAllowed(value: string): boolean {
    if (this.allowValues.size > 0 && this.allowValues.has(value)) return true;
    for (const pattern of this.allowPatterns) if (pattern.matchesWhole(value)) return true;
    if (this.allowHashes.size > 0 && this.allowHashes.has(sha256Hex(value))) return true;
    return false;
  }
}

/** Every directive token of directives.ts holds one of these; the keyword automaton looks for them. */
const DIRECTIVE_KEYWORDS: readonly string[] = ["veil:allow", "gitleaks:allow", "pragma: allowlist", "secretlint-disable"];

/** What the keyword automaton saw for parts of the scan other than rules. */
interface KeywordSignals {
  directive: boolean;
  moneyWords: number[];
  addressWords: number[];
  addressHeaders: number[];
  /** A word of a promo-code column header (PROMO_HEADER_WORDS) occurs somewhere. */
  promoWord: boolean;
}


const CATEGORY_RANK = { secret: 3, pii: 2, term: 1 } as const;

/**
 * Keeps the best of overlapping candidates: secrets before personal data before terms,
 * then the more confident, then the longer. Candidates are split into clusters that
 * overlap; a cluster is resolved greedily by rank. Clusters are tiny in practice, so this
 * stays O(n log n) even on a log with a hundred thousand e-mails.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) result.push(cluster[0]);
    else if (cluster.length > 1) result.push(...resolveCluster(cluster));
    cluster = [];
  };
  for (const c of sorted) {
    if (c.start >= clusterEnd) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  flush();
  return result;
}

/**
 * What the passes get: the lower-cased text is made on first use (most texts never need it).
 * A class, not an object literal with a getter: with the literal, every scanned text stayed
 * reachable until the next full GC (measured: 13.4 MB of texts still live after two minor GCs
 * following one bench pass, 0 with the class), so scavenges copied and promoted every file of
 * a `veil scan`: 20–45 ms of GC in a ~200 ms scan. (Likely cause: the getter's closure, which
 * holds the text, kept by the hidden class V8 builds for a literal with an accessor.)
 */
class LazyPassContext implements PassContext {
  private lowerText: string | undefined;

  constructor(
    private readonly text: string,
    readonly options: ResolvedOptions,
    readonly moneyWords: number[],
    readonly addressWords: number[],
    readonly addressHeaders: number[],
    readonly promoWord: boolean,
  ) {}

  /** Same length and offsets as the text: the passes rely on that. */
  get lower(): string {
    return (this.lowerText ??= lowerSameLength(this.text));
  }
}

/** A person's name is inferred from context: the user's own term (kind PERSON or any) wins over it. */
function rankOf(c: Candidate): number {
  return c.kind === "person" && c.category === "pii" ? 0.5 : CATEGORY_RANK[c.category];
}

function resolveCluster(cluster: Candidate[]): Candidate[] {
  const byRank = [...cluster].sort(
    (a, b) =>
      rankOf(b) - rankOf(a) ||
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const accepted: Candidate[] = [];
  for (const c of byRank) if (accepted.every((a) => a.end <= c.start || a.start >= c.end)) accepted.push(c);
  return accepted.sort((a, b) => a.start - b.start);
}

function toFinding(text: string, c: Candidate, hideDomain: boolean): Finding {
  const value = text.slice(c.start, c.end);
  const preview = maskValue(value, c.category, c.kind, hideDomain);
  return {
    ruleId: c.ruleId,
    category: c.category,
    kind: c.kind,
    start: c.start,
    end: c.end,
    confidence: c.confidence,
    message: c.advice ? `${c.title} (${preview}) — ${c.advice}` : `${c.title} (${preview})`,
    preview,
  };
}
