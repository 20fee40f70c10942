/** One line saying what `anonymize` replaced, by kind, never the values. */

/** Singular nouns for placeholder kinds; others are derived from the kind's words. */
const NOUNS: Readonly<Record<string, string>> = {
  EMAIL: "e-mail",
  PHONE: "phone number",
  IBAN: "IBAN",
  CARD: "card number",
  IP: "IP address",
  NIR: "NIR",
  SIREN: "SIREN",
  SIRET: "SIRET",
  VAT_NUMBER: "VAT number",
  SSN: "SSN",
  AMOUNT: "amount",
  PERSON: "name",
  PRIVATE_KEY: "private key",
  PASSWORD: "password",
  SECRET: "secret",
  TOKEN: "token",
  API_KEY: "API key",
  AWS_ACCESS_KEY: "AWS access key",
  GITHUB_TOKEN: "GitHub token",
  URL: "URL",
  PATH: "path",
  HOST: "host name",
  USER: "user name",
};

/** Words kept upper case when a kind is turned into a noun. */
const ACRONYMS = new Set(["API", "AWS", "GCP", "JWT", "SSH", "PGP", "NPM", "URL", "URI", "IP", "ID", "DB", "SQL", "VAT", "IBAN", "SSN", "NIR", "OAUTH", "HMAC", "SAS", "PAT", "SMTP", "TLS", "SSL", "RSA", "GPG"]);
const BRANDS: Readonly<Record<string, string>> = { GITHUB: "GitHub", GITLAB: "GitLab", OPENAI: "OpenAI", PAYPAL: "PayPal", SENDGRID: "SendGrid", HUGGINGFACE: "Hugging Face" };

function nounFor(kind: string): string {
  const known = NOUNS[kind];
  if (known) return known;
  return kind
    .split("_")
    .filter((w) => w !== "")
    .map((w) => (ACRONYMS.has(w) ? w : (BRANDS[w] ?? (w.length > 1 && /\d/.test(w) ? w : w.toLowerCase()))))
    .join(" ");
}

function plural(noun: string): string {
  if (/[A-Z0-9]$/.test(noun)) return `${noun}s`; // IBANs, SSNs
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : plural(noun)}`;
}

/** "3 values replaced: 2 e-mails, 1 API key"; "Nothing replaced" when empty. */
export function describeReport(report: { total: number; byKind: Record<string, number> }): string {
  if (report.total === 0) return "Nothing replaced";
  const kinds = Object.entries(report.byKind)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const head = `${count(report.total, "value")} replaced`;
  if (kinds.length === 0) return head;
  return `${head}: ${kinds.map(([kind, n]) => count(n, nounFor(kind))).join(", ")}`;
}
