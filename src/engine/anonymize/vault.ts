/**
 * The vault: which placeholder stands for which real value. A plain object that the
 * extension stores encrypted and the CLI writes as a 0600 JSON map.
 *
 * Numbers are never reused: each kind keeps a counter of the last number issued, which
 * survives `expire`, `purge` and `merge`, so an old answer that still says `[EMAIL_2]`
 * is reported as unknown instead of being restored to some newer value.
 *
 * Placeholder-looking texts seen in an input (`[EMAIL_1]` typed by a person) are
 * reserved: never issued later, so restoring that input's anonymized copy, even after
 * many more copies, leaves them as they were.
 */
import type { Category } from "../types";
import { jsonErrorReason } from "../util/errors";
import { formatPlaceholder, isCanonicalPlaceholder, parsePlaceholder, placeholderKind } from "./placeholders";

export interface VaultEntry {
  placeholder: string;
  /** The kind the value was found as (`email`, `aws-access-key-id`, a term's `BRAND`). */
  kind: string;
  value: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /**
   * Issued for a bare JSON number (`"card": 4111…`): the placeholder went out in quotes so
   * the JSON stays valid, and restore takes those quotes away again.
   */
  quoted?: true;
  /**
   * What every form of the value shares (a term's `termFormKey`: `Colibri`, `colibri` and
   * `Colibrí` are one client): a value of the same kind with the same key gets this
   * placeholder, and restore gives back this entry's value, the first form seen.
   */
  key?: string;
  /** What the value is (`secret`, `pii`, `term`); absent in older data, then inferred from `kind`. */
  category?: Category;
}

const CATEGORIES: ReadonlySet<string> = new Set(["secret", "pii", "term"]);

/** Personal-data kinds (DESIGN.md), to place entries written before categories were kept. */
const PII_KINDS: ReadonlySet<string> = new Set([
  "email", "phone", "iban", "credit-card", "ip-address", "fr-nir", "fr-siren", "fr-siret", "fr-vat", "us-ssn",
  "money", "person", "address", "private-link", "promo-code", "date",
]);

/**
 * An entry's category. Older entries have none: personal-data kinds are `pii`, a kind with
 * no lower-case letter (a term's `BRAND`) or one of the usual term kinds is `term`, and
 * everything else — rule kinds such as `aws-access-key-id` — is taken for a `secret`, the
 * careful side.
 */
export function categoryOfEntry(entry: Pick<VaultEntry, "kind" | "category">): Category {
  if (entry.category) return entry.category;
  if (PII_KINDS.has(entry.kind)) return "pii";
  if (!/[a-z]/.test(entry.kind) || /^(?:brand|client|product|codename|project|company|customer|term)s?$/i.test(entry.kind)) return "term";
  return "secret";
}

export interface VaultData {
  version: 1;
  entries: VaultEntry[];
  /** Last number issued per placeholder kind (`{ "EMAIL": 3 }`); absent in older data. */
  counters?: Record<string, number>;
  /** Placeholders that occurred literally in an input and are never issued. */
  reserved?: string[];
}

/** What `merge` did: how many entries came in and which incoming ones got a new number. */
export interface MergeReport {
  added: number;
  renumbered: { from: string; to: string }[];
}

/**
 * Thrown by `Vault.fromJSON` on corrupt data. The message never quotes the data (it holds the
 * real values): only what is wrong and where (`entries[3].createdAt`, a JSON position).
 */
export class CorruptVaultError extends Error {
  constructor(
    /** What is wrong, without the "Veil map is corrupt" prefix. */
    readonly reason: string,
  ) {
    super(`Veil map is corrupt: ${reason}`);
    this.name = "CorruptVaultError";
  }
}

/** A JSON value named by its type only: a string may be a real value. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${value.length} characters)`;
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 1000 ? String(value) : "a number";
  return typeof value === "object" ? "an object" : typeof value;
}

export class Vault {
  private readonly entries: VaultEntry[] = [];
  private readonly byPlaceholder = new Map<string, VaultEntry>();
  /** The first placeholder issued for a value; a merged vault may know a second one. */
  private readonly byValue = new Map<string, VaultEntry>();
  /** The same for values issued as quoted bare JSON numbers. */
  private readonly byQuotedValue = new Map<string, VaultEntry>();
  /** By placeholder kind and form key (see VaultEntry.key). */
  private readonly byKey = new Map<string, VaultEntry>();
  private readonly counters = new Map<string, number>();
  private readonly reserved = new Set<string>();

  /**
   * Rebuilds a vault from `toJSON()` output, or from its JSON text (a leading byte-order mark
   * is ignored); throws a `CorruptVaultError` saying what is wrong without quoting the data.
   */
  static fromJSON(data: unknown): Vault {
    const fail = (message: string): never => {
      throw new CorruptVaultError(message);
    };
    if (typeof data === "string") {
      try {
        data = JSON.parse(data.replace(/^\uFEFF/, ""));
      } catch (error) {
        fail(`not valid JSON (${jsonErrorReason(error)})`);
      }
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) return fail("expected an object { version, entries }");
    const object = data as Record<string, unknown>;
    if (object.version !== 1) return fail(`unsupported version ${typeOf(object.version)} (expected 1)`);
    if (!Array.isArray(object.entries)) return fail("entries must be an array");
    const vault = new Vault();
    object.entries.forEach((raw: unknown, i: number) => {
      if (typeof raw !== "object" || raw === null) return fail(`entries[${i}] must be an object`);
      const e = raw as Record<string, unknown>;
      if (typeof e.placeholder !== "string" || !isCanonicalPlaceholder(e.placeholder)) {
        return fail(`entries[${i}].placeholder must look like [KIND_1]`);
      }
      if (typeof e.kind !== "string" || e.kind === "") return fail(`entries[${i}].kind must be a non-empty string`);
      if (typeof e.value !== "string" || e.value === "") return fail(`entries[${i}].value must be a non-empty string`);
      if (typeof e.createdAt !== "number" || !Number.isFinite(e.createdAt)) return fail(`entries[${i}].createdAt must be a number`);
      if (e.quoted !== undefined && e.quoted !== true) return fail(`entries[${i}].quoted must be true when present`);
      if (e.category !== undefined && (typeof e.category !== "string" || !CATEGORIES.has(e.category))) return fail(`entries[${i}].category must be secret, pii or term when present`);
      if (e.key !== undefined && (typeof e.key !== "string" || e.key === "")) return fail(`entries[${i}].key must be a non-empty string when present`);
      if (vault.byPlaceholder.has(e.placeholder)) return fail(`entries[${i}]: ${e.placeholder} appears twice`);
      const entry: VaultEntry = { placeholder: e.placeholder, kind: e.kind, value: e.value, createdAt: e.createdAt };
      if (e.quoted) entry.quoted = true;
      if (e.category !== undefined) entry.category = e.category as Category;
      if (typeof e.key === "string") entry.key = e.key;
      vault.add(entry);
    });
    if (object.counters !== undefined) {
      if (typeof object.counters !== "object" || object.counters === null || Array.isArray(object.counters)) return fail("counters must be an object");
      for (const [kind, n] of Object.entries(object.counters as Record<string, unknown>)) {
        if (!isCanonicalPlaceholder(`[${kind}_1]`)) return fail(`counters: a key of ${kind.length} characters is not a placeholder kind`);
        if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) return fail(`counters.${kind} must be a whole number`);
        vault.bump(kind, n);
      }
    }
    if (object.reserved !== undefined) {
      if (!Array.isArray(object.reserved)) return fail("reserved must be an array");
      object.reserved.forEach((p: unknown, i: number) => {
        if (typeof p !== "string" || !isCanonicalPlaceholder(p)) return fail(`reserved[${i}] must look like [KIND_1]`);
        vault.reserve([p]);
      });
    }
    return vault;
  }

  toJSON(): VaultData {
    const counters: Record<string, number> = {};
    for (const [kind, n] of this.counters) counters[kind] = n;
    return { version: 1, entries: this.entries.map((e) => ({ ...e })), counters, reserved: [...this.reserved] };
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The placeholder for a value, issuing the next free number of its kind the first time.
   * `quoted`: the value is a bare JSON number that the placeholder replaces in quotes; it
   * gets its own placeholder, so restore knows to drop the quotes. `category` is kept with a
   * new entry (and given to an older entry that has none), so restore knows a secret. `key`:
   * what every form of the value shares (VaultEntry.key); a value whose kind and key are known
   * gets their placeholder.
   */
  placeholderFor(value: string, kind: string, now: number = Date.now(), quoted = false, category?: Category, key?: string): string {
    const known = (quoted ? this.byQuotedValue : this.byValue).get(value);
    if (known) {
      if (category && !known.category) known.category = category;
      return known.placeholder;
    }
    if (value === "") throw new Error("Vault.placeholderFor: empty value");
    const placeholderKindOf = placeholderKind(kind);
    if (key && !quoted) {
      const sameForm = this.byKey.get(`${placeholderKindOf}\u0000${key}`);
      if (sameForm) return sameForm.placeholder;
    }
    const entry: VaultEntry = { placeholder: this.nextPlaceholder(placeholderKindOf), kind, value, createdAt: now };
    if (quoted) entry.quoted = true;
    if (category) entry.category = category;
    if (key && !quoted) entry.key = key;
    this.add(entry);
    return entry.placeholder;
  }

  /** The entry for a placeholder in its canonical form (`[EMAIL_1]`). */
  lookup(placeholder: string): VaultEntry | undefined {
    const entry = this.byPlaceholder.get(placeholder);
    return entry ? { ...entry } : undefined;
  }

  /**
   * Marks placeholders (canonical form) that occurred literally in a text as never to be
   * issued. Those the vault already issued are ours and are left alone.
   */
  reserve(placeholders: Iterable<string>): void {
    for (const p of placeholders) if (!this.byPlaceholder.has(p) && isCanonicalPlaceholder(p)) this.reserved.add(p);
  }

  /** Whether a placeholder was reserved as someone else's text. */
  isReserved(placeholder: string): boolean {
    return this.reserved.has(placeholder);
  }

  /** The entry behind a placeholder (canonical form), not copied: for restore's hot loop. */
  entryOf(placeholder: string): Readonly<VaultEntry> | undefined {
    return this.byPlaceholder.get(placeholder);
  }

  /** The category of the value behind a placeholder (canonical form), inferred for older entries. */
  categoryOf(placeholder: string): Category | undefined {
    const entry = this.byPlaceholder.get(placeholder);
    return entry ? categoryOfEntry(entry) : undefined;
  }

  /** Whether the vault ever issued this kind (even if its entries have expired since). */
  knowsKind(kind: string): boolean {
    return this.counters.has(kind);
  }

  /** Drops entries created more than `maxAgeMs` before `now`; returns how many. */
  expire(maxAgeMs: number, now: number = Date.now()): number {
    const limit = now - maxAgeMs;
    return this.removeWhere((e) => e.createdAt < limit);
  }

  /** Forgets every value. Counters stay, so old placeholders are never given a new meaning. */
  purge(): void {
    this.removeWhere(() => true);
  }

  /**
   * Takes in the entries of another vault (two windows writing the same store). A
   * placeholder never gets two values: when both vaults issued the same placeholder for
   * different values, the incoming value gets a new number (or the placeholder this vault
   * already has for it), and the report says so.
   */
  merge(other: Vault): MergeReport {
    const report: MergeReport = { added: 0, renumbered: [] };
    for (const [kind, n] of other.counters) this.bump(kind, n);
    this.reserve(other.reserved);
    const conflicts: VaultEntry[] = [];
    for (const entry of other.entries) {
      const mine = this.byPlaceholder.get(entry.placeholder);
      if (this.reserved.has(entry.placeholder)) conflicts.push(entry);
      else if (!mine) {
        this.add({ ...entry });
        report.added++;
      } else if (mine.value !== entry.value || mine.quoted !== entry.quoted) conflicts.push(entry);
      else if (entry.createdAt < mine.createdAt) mine.createdAt = entry.createdAt;
    }
    for (const entry of conflicts) {
      const existing = (entry.quoted ? this.byQuotedValue : this.byValue).get(entry.value);
      let to: string;
      if (existing) to = existing.placeholder;
      else {
        const parsed = parsePlaceholder(entry.placeholder);
        to = this.nextPlaceholder(parsed ? parsed.kind : placeholderKind(entry.kind));
        this.add({ ...entry, placeholder: to });
        report.added++;
      }
      report.renumbered.push({ from: entry.placeholder, to });
    }
    return report;
  }

  private nextPlaceholder(kind: string): string {
    let n = (this.counters.get(kind) ?? 0) + 1;
    while (this.reserved.has(formatPlaceholder(kind, n)) || this.byPlaceholder.has(formatPlaceholder(kind, n))) n++;
    return formatPlaceholder(kind, n);
  }

  private add(entry: VaultEntry): void {
    this.entries.push(entry);
    this.byPlaceholder.set(entry.placeholder, entry);
    const byValue = entry.quoted ? this.byQuotedValue : this.byValue;
    if (!byValue.has(entry.value)) byValue.set(entry.value, entry);
    const parsed = parsePlaceholder(entry.placeholder);
    if (entry.key && parsed) {
      const formKey = `${parsed.kind}\u0000${entry.key}`;
      if (!this.byKey.has(formKey)) this.byKey.set(formKey, entry);
    }
    if (parsed) this.bump(parsed.kind, parsed.n);
  }

  private bump(kind: string, n: number): void {
    if ((this.counters.get(kind) ?? -1) < n) this.counters.set(kind, n);
  }

  private removeWhere(drop: (e: VaultEntry) => boolean): number {
    const kept = this.entries.filter((e) => !drop(e));
    const removed = this.entries.length - kept.length;
    if (removed === 0) return 0;
    this.entries.length = 0;
    this.byPlaceholder.clear();
    this.byValue.clear();
    this.byQuotedValue.clear();
    this.byKey.clear();
    for (const e of kept) this.add(e);
    return removed;
  }
}
