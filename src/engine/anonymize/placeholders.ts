/**
 * Placeholder texts: `[KIND_N]`. How a detection kind becomes a placeholder kind, and how
 * placeholder-looking tokens are found in text, including the forms chat tools rewrite
 * them into (`[EMAIL\_1]`, `\[EMAIL_1\]`, `[email_1]`).
 */

/** Kinds whose natural name is not their upper-cased id. Everything else is derived. */
const KIND_OVERRIDES: Readonly<Record<string, string>> = {
  email: "EMAIL",
  phone: "PHONE",
  iban: "IBAN",
  "credit-card": "CARD",
  "ip-address": "IP",
  "fr-nir": "NIR",
  "fr-siren": "SIREN",
  "fr-siret": "SIRET",
  "fr-vat": "VAT_NUMBER",
  "us-ssn": "SSN",
  money: "AMOUNT",
  person: "PERSON",
  address: "ADDRESS",
  "private-key": "PRIVATE_KEY",
  "password-assignment": "PASSWORD",
  password: "PASSWORD",
  "aws-access-key-id": "AWS_ACCESS_KEY",
  "github-token": "GITHUB_TOKEN",
  "generic-secret": "SECRET",
  "generic-api-key": "API_KEY",
  "generic-token": "TOKEN",
  "high-entropy-string": "SECRET",
  "basic-auth": "PASSWORD",
  "connection-string": "CONNECTION_STRING",
};

/** Longest kind part we issue; the token pattern accepts the same bound. */
const MAX_KIND_LENGTH = 40;

/**
 * The placeholder kind for a detection kind: `email` → `EMAIL`, `slack-bot-token` →
 * `SLACK_BOT_TOKEN`, a term's `brand` → `BRAND`. Always letters, digits and single
 * underscores, starting with a letter.
 */
export function placeholderKind(kind: string): string {
  const override = KIND_OVERRIDES[kind.toLowerCase()];
  if (override) return override;
  let name = kind
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  // "generic-foo" reads better to a model as just "FOO".
  if (name.startsWith("GENERIC_") && name.length > 8) name = name.slice(8);
  if (name === "") name = "VALUE";
  if (!/^[A-Z]/.test(name)) name = `X_${name}`;
  if (name.length > MAX_KIND_LENGTH) name = name.slice(0, MAX_KIND_LENGTH).replace(/_+$/, "");
  return name;
}

/** `[EMAIL_3]` as we issue it. */
const CANONICAL_PLACEHOLDER = /^\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_([1-9][0-9]{0,8})\]$/;

export function isCanonicalPlaceholder(text: string): boolean {
  const m = CANONICAL_PLACEHOLDER.exec(text);
  return m !== null && m[1].length <= MAX_KIND_LENGTH;
}

export function formatPlaceholder(kind: string, n: number): string {
  return `[${kind}_${n}]`;
}

/** Kind part and number of a canonical placeholder. */
export function parsePlaceholder(placeholder: string): { kind: string; n: number } | undefined {
  const m = CANONICAL_PLACEHOLDER.exec(placeholder);
  if (!m || m[1].length > MAX_KIND_LENGTH) return undefined;
  return { kind: m[1], n: Number(m[2]) };
}

/**
 * A placeholder-looking token in any of the forms chat tools produce: optional backslash
 * before each bracket and underscore, any letter case. Bounded quantifiers keep it linear.
 * Tried only at each `[` (found with indexOf). Groups: 1 = kind (may hold `\_`),
 * 2 = number, 3 = backslash before `]`.
 */
const TOKEN = /\[([A-Za-z][A-Za-z0-9]{0,39}(?:\\?_[A-Za-z0-9]{1,40}){0,40})\\?_([0-9]{1,9})(\\?)\]/y;
const NOT_CANONICAL = /[a-z\\]/;

export interface PlaceholderToken {
  /** Span of the token in the text (a leading `\` only when the closing bracket is escaped too). */
  start: number;
  end: number;
  /** Canonical form: `[EMAIL_1]`. */
  normalized: string;
}

/** Every placeholder-looking token of a text, in order, never overlapping. */
export function findPlaceholderTokens(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  let i = text.indexOf("[");
  while (i !== -1) {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) {
      i = text.indexOf("[", i + 1);
      continue;
    }
    const end = i + m[0].length;
    // `\[X_1\]` is a Markdown-escaped placeholder; in `\[X_1]` the backslash was already
    // in the text (a Windows path) right before a placeholder, and stays.
    const start = m[3] && i > 0 && text.charCodeAt(i - 1) === 92 ? i - 1 : i;
    const normalized = NOT_CANONICAL.test(m[0]) ? `[${m[1].replace(/\\/g, "").toUpperCase()}_${m[2]}]` : m[0];
    tokens.push({ start, end, normalized });
    i = text.indexOf("[", end);
  }
  return tokens;
}
