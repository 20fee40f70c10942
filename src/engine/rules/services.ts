/**
 * Credentials of services whose keys carry no prefix of their own (an Algolia key is 32 hex
 * characters, like many other things): found where a name of the service sits right before
 * the value, in any assignment syntax (`ALGOLIA_API_KEY=…`, `<algoliaKey>…</algoliaKey>`,
 * `algolia_key: |` …). Each entry is data: the service's names, the value's shape, one
 * example. Then the prefixed formats that were missing from the other families.
 */
import type { Rule } from "../types";
import { ALNUM, BASE64, HEX, URLSAFE, fake } from "./fake";
import { NAME_END, OPERATOR, OPEN_QUOTE, VALUE_END, decodeBase64, entropyOf, isIdentifierLike, looksLikePassword, looksLikeToken } from "./heuristics";

const DIGITS = "0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** `algolia` → `[aA][lL]…`: names in any case, the value's own case kept (no `i` flag). */
function caseless(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/[.]/g, "\\.");
}

/** A fake value of the right shape for the examples: 8-4-4-4-12 hex for UUIDs. */
function fakeUuid(seed: number): string {
  const h = fake(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Names that hold something about a credential, not the credential (`algolia_app_url`). */
const NOT_A_CREDENTIAL_NAME = /(?:url|uri|endpoint|host|hostname|domain|region|path|file|dir|name|version|email|user|username|handle|channel|webhook_id|env)["']?$/i;

interface NamedSpec {
  id: string;
  title: string;
  kind?: string;
  /** The service's names as written in variable names, lower case: also the keywords. */
  names: readonly string[];
  /** Regex source of the value (case-sensitive). */
  value: string;
  /** A value that must match, and how it is written in the match example. */
  example: string;
  /** Minimum entropy of the value (default 3; identifiers of digits set 2). */
  entropy?: number;
  /** Identifier-like values are kept (numeric client ids). */
  numeric?: boolean;
  /** Keywords other than the names: the value's own prefix when the name is too common a word (`lob`). */
  keywords?: readonly string[];
  confidence?: number;
  advice?: string;
}

/** One rule per entry: the service's name, up to 24 name characters, any assignment, the value. */
function named(spec: NamedSpec): Rule {
  const names = spec.names.map(caseless).join("|");
  const minEntropy = spec.entropy ?? 3;
  return {
    id: spec.id,
    category: "secret",
    kind: spec.kind ?? spec.id,
    title: spec.title,
    keywords: spec.keywords ?? spec.names,
    // The rest of the name taken whole (`(?=(…))\2`): on `oktaoktaokta…` each hit costs one
    // run of 24 characters instead of one try of the operators per character.
    pattern: new RegExp(String.raw`((?:${names})(?=([\w.-]{0,24}))\2)` + NAME_END + OPERATOR + OPEN_QUOTE + `(${spec.value})` + VALUE_END, "g"),
    group: 3,
    // With keywords on the value (`live_`), the name sits before it: look back far enough.
    window: spec.keywords ? { before: 96, after: 400, multiline: true } : { before: 32, after: 400, nextLine: true },
    validate: (v, m) =>
      !NOT_A_CREDENTIAL_NAME.test(m[1]) &&
      entropyOf(v) >= minEntropy &&
      // `s.Ab3…` and `pk.x.y` read as dotted identifiers: random enough, they are not.
      (spec.numeric === true || (/\d/.test(v) && /[A-Za-z]/.test(v) && (!isIdentifierLike(v) || entropyOf(v) >= 4))),
    confidence: spec.confidence ?? 0.8,
    advice: spec.advice ?? "revoke it in the service's dashboard and load it from the environment or a secret store",
    examples: {
      match: [`${spec.names[0].toUpperCase().replace(/[.-]/g, "_")}_TOKEN=${spec.example}`, `<${spec.names[0]}Key>\n  ${spec.example}\n</${spec.names[0]}Key>`],
      noMatch: [`${spec.names[0]}_token: ${"x".repeat(spec.example.length)}`, `${spec.names[0]}_url = "https://example.com/${spec.example}"`],
    },
  };
}

const NAMED: readonly NamedSpec[] = [
  { id: "adafruit-api-key", title: "Adafruit IO key", names: ["adafruit"], value: "[A-Za-z0-9_-]{32}", example: fake(32, URLSAFE, 101) },
  { id: "adobe-client-id", title: "Adobe client id", names: ["adobe"], value: "[a-f0-9]{32}", example: fake(32, HEX, 102), confidence: 0.6 },
  { id: "airtable-api-key", title: "Airtable API key", names: ["airtable"], value: "key[A-Za-z0-9]{14}|pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}|[A-Za-z0-9]{17}", example: "key" + fake(14, ALNUM, 103) },
  { id: "algolia-api-key", title: "Algolia API key", names: ["algolia"], value: "[a-zA-Z0-9]{32}", example: fake(32, HEX, 104) },
  { id: "alibaba-secret-key", title: "Alibaba Cloud AccessKey secret", names: ["alibaba", "aliyun", "access_key_secret", "accesskeysecret"], value: "[A-Za-z0-9]{30}", example: fake(30, ALNUM, 105) },
  { id: "asana-client-id", title: "Asana client id", names: ["asana"], value: "[0-9]{16}", example: fake(16, DIGITS, 106), numeric: true, entropy: 2.5, confidence: 0.6 },
  { id: "asana-client-secret", title: "Asana client secret or token", names: ["asana"], value: "[0-9]/[0-9]{10,16}:[a-f0-9]{32}|[0-9]/[0-9]{10,16}/[0-9]{10,16}:[a-f0-9]{32}|[a-zA-Z0-9]{32}", example: fake(32, LOWER_ALNUM, 107) },
  { id: "beamer-api-token", title: "Beamer API key", names: ["beamer"], value: "b_[A-Za-z0-9=_-]{44}", example: "b_" + fake(44, URLSAFE, 108) },
  { id: "bitbucket-client-id", title: "Bitbucket OAuth key", names: ["bitbucket"], value: "[A-Za-z0-9]{32}", example: fake(32, ALNUM, 109), confidence: 0.7 },
  { id: "bitbucket-client-secret", title: "Bitbucket OAuth secret", names: ["bitbucket"], value: "[A-Za-z0-9=_-]{64}", example: fake(64, URLSAFE, 110) },
  { id: "bittrex-api-key", title: "Bittrex API key or secret", names: ["bittrex"], value: "[A-Za-z0-9]{32}", example: fake(32, LOWER_ALNUM, 111) },
  { id: "cisco-meraki-api-key", title: "Cisco Meraki API key", names: ["meraki"], value: "[0-9a-f]{40}", example: fake(40, HEX, 112) },
  { id: "codecov-access-token", title: "Codecov token", names: ["codecov"], value: "[A-Za-z0-9]{32}|" + UUID, example: fake(32, LOWER_ALNUM, 113) },
  { id: "coinbase-access-token", title: "Coinbase API key", names: ["coinbase"], value: "[A-Za-z0-9_-]{64}", example: fake(64, URLSAFE, 114) },
  { id: "confluent-access-token", title: "Confluent API key", names: ["confluent"], value: "[A-Za-z0-9]{16}", example: fake(16, UPPER_ALNUM, 115) },
  { id: "confluent-secret-key", title: "Confluent API secret", names: ["confluent"], value: "[A-Za-z0-9+/]{64}", example: fake(64, ALNUM, 116) },
  { id: "discord-client-secret", title: "Discord application secret or key", names: ["discord"], value: "[a-f0-9]{64}|[A-Za-z0-9=_-]{32}", example: fake(32, URLSAFE, 117) },
  { id: "discord-client-id", title: "Discord client id", names: ["discord"], value: "[0-9]{17,19}", example: fake(18, DIGITS, 118), numeric: true, entropy: 2.5, confidence: 0.6 },
  { id: "droneci-access-token", title: "Drone CI token", names: ["droneci", "drone_token", "drone_server_token"], value: "[A-Za-z0-9]{32}", example: fake(32, ALNUM, 119) },
  { id: "dropbox-api-token", title: "Dropbox token", names: ["dropbox"], value: "sl\\.[A-Za-z0-9=_-]{130,1400}|[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}|[A-Za-z0-9]{15}", example: fake(11, ALNUM, 120) + "AAAAAAAAAA" + fake(43, URLSAFE, 121) },
  { id: "etsy-access-token", title: "Etsy API key", names: ["etsy"], value: "[A-Za-z0-9]{24}", example: fake(24, LOWER_ALNUM, 122) },
  { id: "facebook-secret", title: "Facebook app secret", names: ["facebook", "fb_app_secret", "fb_secret"], value: "[a-f0-9]{32}", example: fake(32, HEX, 123) },
  { id: "fastly-api-token", title: "Fastly API token", names: ["fastly"], value: "[A-Za-z0-9=_-]{32}", example: fake(32, URLSAFE, 124) },
  { id: "finicity-client-secret", title: "Finicity secret or app key", names: ["finicity"], value: "[a-f0-9]{32}|[A-Za-z0-9]{20}", example: fake(20, ALNUM, 125) },
  { id: "finnhub-access-token", title: "Finnhub API key", names: ["finnhub"], value: "[A-Za-z0-9]{20}", example: fake(20, LOWER_ALNUM, 126) },
  { id: "flickr-access-token", title: "Flickr API key", names: ["flickr"], value: "[A-Za-z0-9]{32}", example: fake(32, HEX, 127) },
  { id: "freshbooks-access-token", title: "FreshBooks token", names: ["freshbooks"], value: "[A-Za-z0-9]{64}", example: fake(64, LOWER_ALNUM, 128) },
  { id: "gitter-access-token", title: "Gitter token", names: ["gitter"], value: "[A-Za-z0-9_-]{40}", example: fake(40, HEX, 129) },
  { id: "gocardless-api-token", title: "GoCardless access token", names: ["gocardless"], value: "(?:live|sandbox)_[A-Za-z0-9=_-]{40}", example: "live_" + fake(40, URLSAFE, 130) },
  { id: "hubspot-api-key", title: "HubSpot API key or private-app token", names: ["hubspot"], value: "pat-(?:na|eu|ap)[0-9]-" + UUID + "|" + UUID, example: "pat-na1-" + fakeUuid(131) },
  { id: "intercom-api-key", title: "Intercom access token", names: ["intercom"], value: "[A-Za-z0-9=_-]{60}", example: fake(60, URLSAFE, 132) },
  { id: "jfrog-api-key", title: "JFrog API key or identity token", names: ["jfrog", "artifactory", "bintray", "xray"], value: "[A-Za-z0-9]{73}|[A-Za-z0-9]{64}", example: fake(64, LOWER_ALNUM, 133) },
  { id: "kraken-access-token", title: "Kraken API key", names: ["kraken"], value: "[A-Za-z0-9/=_+-]{80,90}", example: fake(88, BASE64, 134) },
  { id: "kucoin-access-token", title: "KuCoin API key or secret", names: ["kucoin"], value: "[a-f0-9]{24}|" + UUID, example: fake(24, HEX, 135) },
  { id: "launchdarkly-access-token", title: "LaunchDarkly key", names: ["launchdarkly", "launch_darkly"], value: "(?:api|sdk|mob)-" + UUID + "|[A-Za-z0-9=_-]{40}", example: "sdk-" + fakeUuid(136) },
  { id: "linear-client-secret", title: "Linear OAuth client secret", names: ["linear"], value: "[a-f0-9]{32}", example: fake(32, HEX, 137) },
  { id: "linkedin-client-secret", title: "LinkedIn client id or secret", names: ["linkedin", "linked_in", "linked-in"], value: "[A-Za-z0-9]{16}|[A-Za-z0-9]{14}", example: fake(16, ALNUM, 138) },
  { id: "lob-api-key", title: "Lob API key", names: ["lob"], keywords: ["live_", "test_"], value: "(?:live|test)_(?:pub_)?[a-f0-9]{31,35}", example: "live_" + fake(35, HEX, 139) },
  { id: "looker-client-secret", title: "Looker API client id or secret", names: ["looker"], value: "[A-Za-z0-9]{24}|[A-Za-z0-9]{20}", example: fake(24, ALNUM, 140) },
  { id: "mailgun-signing-key", title: "Mailgun key", names: ["mailgun"], value: "(?:pub)?key-[a-f0-9]{32}|[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}", example: "pubkey-" + fake(32, HEX, 141) },
  { id: "mattermost-access-token", title: "Mattermost token", names: ["mattermost"], value: "[A-Za-z0-9]{26}", example: fake(26, LOWER_ALNUM, 142) },
  { id: "messagebird-api-token", title: "MessageBird key", names: ["messagebird", "message_bird", "message-bird"], value: "[A-Za-z0-9]{25}|" + UUID, example: fake(25, ALNUM, 144) },
  { id: "netlify-access-token", title: "Netlify access token", names: ["netlify"], value: "(?:nf[a-z]_)?[A-Za-z0-9=_-]{40,46}", example: fake(43, URLSAFE, 144) },
  { id: "new-relic-user-api-id", title: "New Relic API key", names: ["newrelic", "new_relic", "new-relic"], value: "NRJS-[a-f0-9]{19}|[A-Za-z0-9]{64}", example: "NRJS-" + fake(19, HEX, 145) },
  { id: "nytimes-access-token", title: "New York Times API key", names: ["nytimes", "new-york-times", "newyorktimes"], value: "[A-Za-z0-9=_-]{32}", example: fake(32, ALNUM, 146) },
  { id: "okta-access-token", title: "Okta API token", names: ["okta"], value: "00[A-Za-z0-9=_-]{40}", example: "00" + fake(40, URLSAFE, 147), entropy: 3.5 },
  { id: "plaid-secret-key", title: "Plaid secret or client id", names: ["plaid"], value: "access-(?:sandbox|development|production)-" + UUID + "|[a-f0-9]{30}|[a-f0-9]{24}", example: fake(30, HEX, 148), entropy: 3.2 },
  { id: "privateai-api-token", title: "Private AI API key", names: ["privateai", "private_ai", "private-ai"], value: "[a-z0-9]{32}", example: fake(32, LOWER_ALNUM, 149) },
  { id: "rapidapi-access-token", title: "RapidAPI key", names: ["rapidapi", "x-rapidapi-key"], value: "[A-Za-z0-9_-]{50}", example: fake(50, ALNUM, 150) },
  { id: "sendbird-access-token", title: "Sendbird API token", names: ["sendbird"], value: "[a-f0-9]{40}|" + UUID, example: fake(40, HEX, 151) },
  { id: "sentry-access-token", title: "Sentry auth token (old format)", names: ["sentry"], value: "[a-f0-9]{64}", example: fake(64, HEX, 152) },
  { id: "sidekiq-secret", title: "Sidekiq Pro / Enterprise credentials", names: ["bundle_enterprise__contribsys__com", "bundle_gems__contribsys__com"], value: "[a-f0-9]{8}:[a-f0-9]{8}", example: fake(8, HEX, 153) + ":" + fake(8, HEX, 154), entropy: 2.8 },
  { id: "snyk-api-token", title: "Snyk API token", names: ["snyk"], value: "snyk_(?:uat|sat)\\.[A-Za-z0-9_.-]{20,400}|" + UUID, example: fakeUuid(155) },
  { id: "squarespace-access-token", title: "Squarespace API key", names: ["squarespace"], value: UUID, example: fakeUuid(156) },
  { id: "sumologic-access-token", title: "Sumo Logic access id or key", names: ["sumo"], value: "su[A-Za-z0-9]{12}|[A-Za-z0-9]{64}", example: "su" + fake(12, ALNUM, 157) },
  { id: "telegram-bot-api-token", kind: "telegram-bot-token", title: "Telegram bot token", names: ["telegram", "telegr", "tg_bot", "tgbot"], value: "[0-9]{5,16}:A[A-Za-z0-9_-]{34}", example: fake(10, DIGITS, 158) + ":A" + fake(34, URLSAFE, 159) },
  { id: "travisci-access-token", title: "Travis CI token", names: ["travis"], value: "[A-Za-z0-9]{22}", example: fake(22, ALNUM, 160) },
  { id: "twitch-api-token", title: "Twitch API token", names: ["twitch"], value: "[A-Za-z0-9]{30}", example: fake(30, LOWER_ALNUM, 161) },
  {
    id: "twitter-api-secret",
    title: "Twitter (X) API key, secret or token",
    names: ["twitter"],
    value: "A{22}[A-Za-z0-9%]{80,100}|[0-9]{15,25}-[A-Za-z0-9]{20,40}|[A-Za-z0-9]{50}|[A-Za-z0-9]{45}|[A-Za-z0-9]{25}",
    example: fake(19, DIGITS, 162) + "-" + fake(30, ALNUM, 163),
  },
  { id: "yandex-api-key", title: "Yandex Cloud key or token", names: ["yandex"], value: "t1\\.[A-Za-z0-9_-]+={0,2}\\.[A-Za-z0-9_-]{86}={0,2}|AQVN[A-Za-z0-9_-]{35,38}|YC[A-Za-z0-9_-]{38}", example: "AQVN" + fake(36, URLSAFE, 164) },
  { id: "zendesk-secret-key", title: "Zendesk API token", names: ["zendesk"], value: "[A-Za-z0-9]{40}", example: fake(40, ALNUM, 165) },
  { id: "adyen-client-key", title: "Adyen client key", names: ["adyen"], value: "(?:test|live)_[A-Za-z0-9]{30,40}", example: "live_" + fake(34, ALNUM, 166) },
  { id: "atlassian-api-token-legacy", kind: "atlassian-api-token", title: "Atlassian API token (24 characters)", names: ["atlassian", "confluence", "jira"], value: "[A-Za-z0-9]{24}", example: fake(24, LOWER_ALNUM, 168) },
  { id: "contentful-delivery-api-token", title: "Contentful delivery API token", names: ["contentful"], value: "[A-Za-z0-9=_-]{43}", example: fake(43, URLSAFE, 169) },
  { id: "datadog-access-token", kind: "datadog-key", title: "Datadog key", names: ["datadog"], value: "[a-z0-9]{40}", example: fake(40, LOWER_ALNUM, 170) },
  { id: "mapbox-api-token", title: "Mapbox access token", names: ["mapbox"], value: "pk\\.[A-Za-z0-9]{60}\\.[A-Za-z0-9_-]{22}", example: "pk." + fake(60, ALNUM, 171) + "." + fake(22, ALNUM, 172), confidence: 0.6 },
  { id: "sonar-api-token", title: "SonarQube / SonarCloud token", names: ["sonar"], value: "sq[upa]_[a-f0-9]{40}|[A-Za-z0-9=_-]{40}", example: fake(40, HEX, 173) },
  { id: "vault-legacy-token", kind: "vault-token", title: "HashiCorp Vault token (legacy s. form)", names: ["vault"], value: "s\\.[A-Za-z0-9]{24}", example: "s." + fake(24, ALNUM, 174) },
  { id: "sourcegraph-access-token", title: "Sourcegraph access token", names: ["sourcegraph"], value: "[a-f0-9]{40}", example: fake(40, HEX, 167) },
];

interface PrefixedSpec {
  id: string;
  title: string;
  kind?: string;
  keywords: readonly string[];
  /** Regex source of the whole token, anchored by its prefix. */
  token: string;
  match: readonly string[];
  noMatch: readonly string[];
  entropy?: number;
  validate?: (value: string) => boolean;
  confidence?: number;
  advice?: string;
  /** What may not precede the token (default: a word character, `.`, `+`, `/`, `-`). */
  before?: string;
}

/** A token with a prefix of its own: found anywhere, not inside a longer word. */
function prefixed(spec: PrefixedSpec): Rule {
  return {
    id: spec.id,
    category: "secret",
    kind: spec.kind ?? spec.id,
    title: spec.title,
    keywords: spec.keywords,
    pattern: new RegExp((spec.before ?? String.raw`(?<![\w.+/-])`) + `(${spec.token})` + String.raw`(?![\w+/=-])`, "g"),
    group: 1,
    entropy: spec.entropy ?? 3,
    // A random tail of 12+ characters nearly always holds a digit; `ctr_calculateQuarterlyRevenue` holds none.
    validate: (v) => /\d/.test(v.slice(v.search(/[_.-]/) + 1)) && (spec.validate === undefined || spec.validate(v)),
    confidence: spec.confidence ?? 0.9,
    advice: spec.advice ?? "revoke it in the service's dashboard and load it from the environment or a secret store",
    examples: { match: spec.match, noMatch: spec.noMatch },
  };
}

/** The header of a JWT, base64-encoded once more: `ZXlK…` is base64 of `eyJ…`. */
function isBase64WrappedJwt(value: string): boolean {
  const inner = decodeBase64(value.replace(/[\r\n\\]+/g, "").replace(/=+$/, ""));
  const dot = inner.indexOf(".");
  if (!/^eyJ[A-Za-z0-9_-]+\.eyJ/.test(inner) || dot < 0) return false;
  const header = decodeBase64(inner.slice(0, dot));
  return /^\s*\{/.test(header) && /"alg"\s*:/.test(header);
}

/** base64(`{"alg":"HS256","typ":"JWT"}`).base64(payload).signature, base64-encoded again. */
function wrapJwt(seed: number): string {
  const jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZSI6ImFkbWluIn0." + fake(43, URLSAFE, seed);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < jwt.length; i += 3) {
    const n = (jwt.charCodeAt(i) << 16) | ((jwt.charCodeAt(i + 1) || 0) << 8) | (jwt.charCodeAt(i + 2) || 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] + (i + 1 < jwt.length ? alphabet[(n >> 6) & 63] : "=") + (i + 2 < jwt.length ? alphabet[n & 63] : "=");
  }
  return out;
}

const PREFIXED: readonly PrefixedSpec[] = [
  {
    id: "jwt-base64",
    kind: "jwt",
    title: "JSON Web Token, base64-encoded",
    keywords: ["zxlk"],
    token: "ZXlK[A-Za-z0-9+/]{40,12000}={0,2}",
    validate: isBase64WrappedJwt,
    match: ["JWT_B64=" + wrapJwt(201)],
    noMatch: ["ZXlK" + fake(80, ALNUM, 202)],
    advice: "treat the token as live until it expires: revoke the session and share a redacted copy",
  },
  {
    id: "adobe-client-secret",
    title: "Adobe client secret",
    keywords: ["p8e-"],
    token: "p8e-[A-Za-z0-9]{32}",
    match: ["ADOBE_CLIENT_SECRET=p8e-" + fake(32, ALNUM, 203)],
    noMatch: ["p8e-" + fake(20, ALNUM, 204)],
  },
  {
    id: "authress-service-client-access-key",
    title: "Authress service client access key",
    keywords: ["sc_", "ext_", "scauth_", "authress_"],
    token: "(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}",
    match: ["authress_key = sc_" + fake(20, ALNUM, 205) + "." + fake(5, LOWER_ALNUM, 206) + ".acc_" + fake(20, LOWER_ALNUM, 207) + "." + fake(60, URLSAFE, 208)],
    noMatch: ["sc_" + fake(20, ALNUM, 209) + ".abc"],
  },
  {
    id: "clickhouse-cloud-api-secret-key",
    title: "ClickHouse Cloud API secret",
    keywords: ["4b1d"],
    token: "4b1d[A-Za-z0-9]{38}",
    entropy: 3.5,
    match: ["CLICKHOUSE_SECRET=4b1d" + fake(38, ALNUM, 210)],
    noMatch: ["4b1d" + fake(20, ALNUM, 211)],
  },
  {
    id: "defined-networking-api-token",
    title: "Defined Networking API key",
    keywords: ["dnkey-"],
    token: "dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}",
    match: ["DN_API_KEY=dnkey-" + fake(26, ALNUM, 212) + "-" + fake(52, ALNUM, 213)],
    noMatch: ["dnkey-" + fake(26, ALNUM, 214)],
  },
  {
    id: "duffel-api-token",
    title: "Duffel API token",
    keywords: ["duffel_test_", "duffel_live_"],
    token: "duffel_(?:test|live)_[A-Za-z0-9_=-]{43}",
    match: ["DUFFEL_TOKEN=duffel_live_" + fake(43, URLSAFE, 215)],
    noMatch: ["duffel_live_" + fake(20, URLSAFE, 216)],
  },
  {
    id: "easypost-api-token",
    title: "EasyPost API key",
    keywords: ["ezak", "eztk"],
    token: "EZ[AT]K[A-Za-z0-9]{54}",
    entropy: 3.5,
    match: ["EASYPOST_API_KEY=EZAK" + fake(54, ALNUM, 217)],
    noMatch: ["EZAK" + fake(30, ALNUM, 218)],
  },
  {
    id: "facebook-page-access-token",
    title: "Facebook access token",
    keywords: ["eaam", "eaac", "eaab"],
    token: "EAA[BCM][A-Za-z0-9]{100,400}",
    entropy: 4,
    match: ["FB_PAGE_TOKEN=EAAC" + fake(140, ALNUM, 219)],
    noMatch: ["EAAC" + fake(40, ALNUM, 220)],
  },
  {
    id: "facebook-access-token",
    title: "Facebook app access token",
    keywords: ["facebook", "graph.facebook"],
    // app id | app secret: the id is 15 or 16 digits.
    token: "[0-9]{15,16}(?:\\||%7[Cc])[A-Za-z0-9_-]{27,40}",
    match: ["facebook access_token=" + fake(15, DIGITS, 221) + "|" + fake(32, URLSAFE, 222)],
    noMatch: ["facebook " + fake(15, DIGITS, 223) + "|short"],
  },
  {
    id: "flutterwave-encryption-key",
    title: "Flutterwave encryption or public key",
    keywords: ["flwseck_test", "flwpubk_test", "flwseck-", "flwpubk"],
    token: "FLWSECK_TEST-?[a-h0-9]{12}|FLWPUBK(?:_TEST)?-[a-h0-9]{32}-X",
    match: ["FLW_ENCRYPTION_KEY=FLWSECK_TEST" + fake(12, "abcdefgh0123456789", 224), "FLW_PUBLIC_KEY=FLWPUBK_TEST-" + fake(32, "abcdefgh0123456789", 225) + "-X"],
    noMatch: ["FLWSECK_TEST" + fake(6, "abcdefgh0123456789", 226)],
  },
  {
    id: "frameio-api-token",
    title: "Frame.io API token",
    keywords: ["fio-u-"],
    token: "fio-u-[A-Za-z0-9_=-]{64}",
    match: ["FRAMEIO_TOKEN=fio-u-" + fake(64, URLSAFE, 227)],
    noMatch: ["fio-u-" + fake(20, URLSAFE, 228)],
  },
  {
    id: "flyio-access-token",
    kind: "flyio-token",
    title: "Fly.io token",
    keywords: ["fo1_", "fm1a_", "fm1r_", "fm2_"],
    token: "fo1_[\\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,3000}={0,3}|fm2_[A-Za-z0-9+/]{100,3000}={0,3}",
    entropy: 4,
    match: ["FLY_API_TOKEN=fo1_" + fake(43, URLSAFE, 275), "FLY_TOKEN=fm2_" + fake(160, BASE64, 276)],
    noMatch: ["fo1_" + fake(20, URLSAFE, 277)],
  },
  {
    id: "gitlab-session-cookie",
    title: "GitLab session cookie",
    keywords: ["_gitlab_session="],
    token: "(?<=_gitlab_session=)[0-9a-z]{32}",
    match: ["Cookie: _gitlab_session=" + fake(32, LOWER_ALNUM, 229)],
    noMatch: ["_gitlab_session=" + fake(10, LOWER_ALNUM, 230)],
    advice: "sign that session out in GitLab › Preferences › Active sessions and never share cookies",
  },
  {
    id: "harness-api-key",
    title: "Harness access token",
    keywords: ["pat.", "sat."],
    token: "(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}",
    match: ["HARNESS_TOKEN=pat." + fake(22, URLSAFE, 231) + "." + fake(24, ALNUM, 232) + "." + fake(20, ALNUM, 233)],
    noMatch: ["pat." + fake(22, URLSAFE, 234)],
  },
  {
    id: "infracost-api-token",
    title: "Infracost API key",
    keywords: ["ico-"],
    token: "ico-[A-Za-z0-9]{32}",
    match: ["INFRACOST_API_KEY=ico-" + fake(32, ALNUM, 235)],
    noMatch: ["ico-" + fake(12, ALNUM, 236)],
  },
  {
    id: "intra42-client-secret",
    title: "42 intra client secret",
    keywords: ["s-s4t2ud-", "s-s4t2af-"],
    token: "s-s4t2(?:ud|af)-[a-f0-9]{64}",
    match: ["FT_SECRET=s-s4t2ud-" + fake(64, HEX, 237)],
    noMatch: ["s-s4t2ud-" + fake(20, HEX, 238)],
  },
  {
    id: "maxmind-license-key",
    title: "MaxMind license key",
    keywords: ["_mmk"],
    token: "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk",
    entropy: 4,
    match: ["MAXMIND_LICENSE_KEY=" + fake(6, ALNUM, 239) + "_" + fake(29, ALNUM, 240) + "_mmk"],
    noMatch: ["abc_mmk"],
  },
  {
    id: "octopus-deploy-api-key",
    title: "Octopus Deploy API key",
    keywords: ["api-"],
    token: "API-[A-Z0-9]{26}",
    entropy: 3.5,
    validate: (v) => /\d/.test(v) && /[A-Z]/.test(v.slice(4)),
    match: ["OCTOPUS_API_KEY=API-" + fake(26, UPPER_ALNUM, 241)],
    noMatch: ["X-API-VERSION-" + fake(10, UPPER_ALNUM, 242), "API-" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"],
  },
  {
    id: "openshift-user-token",
    title: "OpenShift user token",
    keywords: ["sha256~"],
    token: "sha256~[A-Za-z0-9_-]{43}",
    entropy: 3.5,
    match: ["oc login --token=sha256~" + fake(43, URLSAFE, 243)],
    noMatch: ["sha256~" + fake(20, URLSAFE, 244)],
  },
  {
    id: "scalingo-api-token",
    title: "Scalingo API token",
    keywords: ["tk-us-"],
    token: "tk-us-[A-Za-z0-9_-]{48}",
    match: ["SCALINGO_API_TOKEN=tk-us-" + fake(48, URLSAFE, 245)],
    noMatch: ["tk-us-" + fake(20, URLSAFE, 246)],
  },
  {
    id: "settlemint-access-token",
    title: "SettleMint access token",
    keywords: ["sm_aat_", "sm_pat_", "sm_sat_"],
    token: "sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}",
    match: ["SETTLEMINT_TOKEN=sm_pat_" + fake(16, ALNUM, 247)],
    noMatch: ["sm_pat_" + fake(8, ALNUM, 248)],
  },
  {
    id: "sourcegraph-token",
    kind: "sourcegraph-access-token",
    title: "Sourcegraph access token",
    keywords: ["sgp_"],
    token: "sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}",
    match: ["SRC_ACCESS_TOKEN=sgp_" + fake(16, HEX, 249) + "_" + fake(40, HEX, 250)],
    noMatch: ["sgp_" + fake(20, HEX, 251)],
  },
  {
    id: "typeform-api-token",
    title: "Typeform personal token",
    keywords: ["tfp_"],
    token: "tfp_[A-Za-z0-9_.=-]{59}",
    match: ["TYPEFORM_TOKEN=tfp_" + fake(59, URLSAFE, 252)],
    noMatch: ["tfp_" + fake(20, URLSAFE, 253)],
  },
  {
    id: "adyen-api-key",
    title: "Adyen API key",
    keywords: ["aqe"],
    token: "AQE[A-Za-z0-9]{5,}\\.[A-Za-z0-9_=-]{50,80}",
    entropy: 3.5,
    match: ["ADYEN_API_KEY=AQEyhmfx." + fake(60, URLSAFE, 254)],
    noMatch: ["AXE" + fake(30, ALNUM, 255)],
  },
  {
    id: "castai-api-key",
    title: "CAST AI API key",
    keywords: ["castai_v1_"],
    token: "castai_v1_[A-Za-z0-9]{64}_[A-Za-z0-9]{8}",
    match: ["CASTAI_API_TOKEN=castai_v1_" + fake(64, HEX, 256) + "_" + fake(8, HEX, 257)],
    noMatch: ["test_v1_" + fake(64, HEX, 258) + "_" + fake(8, HEX, 259)],
  },
  {
    id: "chieftools-token",
    title: "Chief Tools token",
    keywords: ["ctp_", "cto_", "ctr_"],
    token: "ct[por]_[A-Za-z0-9]{30,248}",
    match: ["CHIEF_TOKEN=ctp_" + fake(36, ALNUM, 260)],
    noMatch: ["ctp_" + fake(12, ALNUM, 261), "const ctr_calculateQuarterlyRevenueForTheRegion = 1;"],
  },
  {
    id: "claude-code-oauth-token",
    title: "Claude Code OAuth token",
    keywords: ["sk-ant-oat01-"],
    token: "sk-ant-oat01-[A-Za-z0-9_-]{80,120}",
    entropy: 4,
    match: ["CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-" + fake(95, URLSAFE, 262)],
    noMatch: ["sk-ant-oat01-" + fake(30, URLSAFE, 263)],
    advice: "revoke it in claude.ai › Settings and run `claude setup-token` again",
  },
  {
    id: "datafactory-shir-key",
    title: "Azure Data Factory integration runtime key",
    keywords: ["ir@"],
    token: "IR@[0-9a-zA-Z-]{36}@[\\w.-]{1,80}@[0-9a-zA-Z=-]{0,40}@[A-Za-z0-9+/=]{44}",
    match: ["IR@" + fakeUuid(264) + "@adf-prod-001@we@" + fake(43, BASE64, 265) + "="],
    noMatch: ["IR@" + fakeUuid(266) + "@adf"],
  },
  {
    id: "sidekiq-sensitive-url",
    kind: "sidekiq-secret",
    title: "Sidekiq Pro / Enterprise credentials in a URL",
    keywords: ["gems.contribsys.com", "enterprise.contribsys.com"],
    token: "[a-f0-9]{8}:[a-f0-9]{8}(?=@(?:gems|enterprise)\\.contribsys\\.com)",
    before: "(?<=https?://)",
    entropy: 2.8,
    match: ["source 'https://" + fake(8, HEX, 267) + ":" + fake(8, HEX, 268) + "@gems.contribsys.com/'"],
    noMatch: ["https://gems.contribsys.com/"],
  },
];

/** `ANSIBLE_VAULT;1.1;AES256` then lines of hex: the payload is the secret, encrypted with a password. */
const ANSIBLE_VAULT: Rule = {
  id: "ansible-vault",
  category: "secret",
  kind: "ansible-vault",
  title: "Ansible Vault encrypted value",
  keywords: ["$ansible_vault;"],
  // At most 60 lines of payload (a whole encrypted file goes on, unmarked): the finding stays
  // inside the editor's slice and rescan margins (editor/slices.ts, incremental.ts).
  pattern: /\$ANSIBLE_VAULT;[0-9]\.[0-9];AES256(?:;[\w-]{1,40})?\s{1,20}((?:[0-9a-f]{20,200}\s{0,20}){1,60})/g,
  group: 1,
  window: { before: 0, after: 12000, multiline: true },
  entropy: 3,
  confidence: 0.6,
  advice: "an encrypted vault is only as safe as its password: keep vault files out of what you share",
  examples: {
    match: ["db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  " + fake(80, HEX, 269) + "\n  " + fake(80, HEX, 270) + "\n"],
    noMatch: ["$ANSIBLE_VAULT;1.1;AES256\n  short"],
  },
};

/** `machine host login user password secret` in a .netrc (one line or several). */
const NETRC_PASSWORD: Rule = {
  id: "netrc-password",
  category: "secret",
  kind: "password-assignment",
  title: "Password in a .netrc file",
  keywords: ["machine"],
  pattern: /\bmachine\s{1,20}[\w.-]{1,200}\s{1,40}(?:login\s{1,20}\S{1,200}\s{1,40})?password\s{1,20}(?=(\S{4,200}))\1(?=\s|$)/g,
  group: 1,
  window: { before: 0, after: 600, multiline: true },
  validate: (v) => entropyOf(v) >= 2 && !/^\$/.test(v),
  confidence: 0.85,
  advice: "change the password, and keep .netrc readable by you only and out of what you share",
  examples: {
    match: ["machine api.example.com login deploy password " + fake(20, ALNUM, 271), "machine registry.example.com\n  login ci\n  password Tr0ub4dor3x"],
    noMatch: ["machine api.example.com login deploy password $NETRC_PASSWORD", "machine learning is a password-free topic"],
  },
};

/** `kind: Secret` with `data:` entries: values are base64 of the secret. */
const KUBERNETES_SECRET_DATA: Rule = {
  id: "kubernetes-secret-data",
  category: "secret",
  kind: "kubernetes-secret",
  title: "Kubernetes Secret data",
  keywords: ["kind: secret", 'kind: "secret"', "kind: 'secret'"],
  // Each `name: base64` line after `data:`; the window runs from the kind to the next document.
  pattern: /(?<=\n[ \t]{1,12}[\w.-]{1,100}:[ \t]{1,8}["']?)([A-Za-z0-9+/]{8,8000}={0,2})(?=["']?[ \t]*(?:\r?\n|$))/g,
  group: 1,
  window: { before: 2000, after: 4000, multiline: true },
  validate: (v, m) => {
    const before = m.input.slice(0, m.index);
    const doc = before.slice(before.lastIndexOf("\n---") + 1);
    if (!/\bkind:[ \t]*["']?Secret\b/.test(m.input) || !/\n(?:data|binaryData):[ \t]*\r?\n/.test(doc)) return false;
    // Only lines under `data:` (no other top-level key in between).
    const afterData = doc.slice(doc.search(/\n(?:data|binaryData):[ \t]*\r?\n/) + 1);
    if (/\n[A-Za-z]/.test(afterData.slice(afterData.indexOf("\n") + 1))) return false;
    const text = decodeBase64(v.replace(/=+$/, ""));
    if (text.length < 4 || !/^[\x20-\x7e\r\n\t]+$/.test(text)) return false;
    return entropyOf(text) >= 2.5 && !/^(?:x+|\*+|changeme|password|secret|admin|root|true|false|user(?:name)?)$/i.test(text);
  },
  confidence: 0.8,
  advice: "base64 is not encryption: rotate those values and keep Secret manifests out of git (use sealed-secrets or an external store)",
  examples: {
    match: ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  api-token: VHIwdWI0ZG9yJjMtUGE1NXcwcmQhOQ==\n"],
    noMatch: ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  password: cGFzc3dvcmQ=\n", "kind: ConfigMap\ndata:\n  app: YmFja2VuZA==\n"],
  },
};

/** Dockerfile's older `ENV NAME value` form (no `=`), which the assignment rules cannot see. */
const DOCKERFILE_ENV_SECRET: Rule = {
  id: "dockerfile-env-secret",
  category: "secret",
  kind: "secret-assignment",
  title: "Secret in a Dockerfile ENV or ARG",
  keywords: ["token", "secret", "password", "passwd", "api_key", "apikey", "access_key", "private_key"],
  // Sticky: tried once, where the window starts, which is the start of the keyword's line.
  pattern: /[ \t]{0,8}(?:ENV|ARG)[ \t]{1,8}([A-Za-z0-9_]{0,40}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY)[A-Za-z0-9_]{0,40})[ \t]{1,8}(["']?)(?=([^\s"'=]{8,300}))\3\2[ \t]*$/gy,
  group: 3,
  validate: (v, m) => (/PASS/.test(m[1]) ? looksLikePassword(v, m[2] !== "") : looksLikeToken(v, 16, 3.3, m[2] !== "")),
  confidence: 0.75,
  advice: "pass it at run time (`docker run -e`, BuildKit `--secret`) instead of baking it into the image",
  examples: {
    match: ["FROM node:20\nENV NPM_TOKEN " + fake(36, ALNUM, 281) + "\n", "ARG DB_PASSWORD Tr0ub4dor3x"],
    noMatch: ["ENV NPM_TOKEN ${NPM_TOKEN}", "ENV API_TOKEN_FILE /run/secrets/api_token"],
  },
};

/**
 * The other identifying fields of a GCP service-account key file: the key's id, the account's
 * e-mail, client id and certificate URL. The private key has its own rule; together the file anonymizes whole.
 */
const GCP_SERVICE_ACCOUNT_FIELDS: Rule = {
  id: "gcp-service-account-field",
  category: "secret",
  kind: "gcp-service-account",
  title: "Google Cloud service-account key identity",
  keywords: ['"private_key_id"', '"client_email"', '"client_id"', '"client_x509_cert_url"'],
  // The certificate URL spells the account's e-mail (`deployer%40project.iam…`): it goes too.
  pattern: /"(?:private_key_id|client_email|client_id|client_x509_cert_url)"\s{0,20}:\s{0,20}"([a-f0-9]{40}|[\w.+-]{1,100}@[\w-]{1,100}\.iam\.gserviceaccount\.com|[\w.+-]{1,100}@(?:developer|appspot)\.gserviceaccount\.com|[0-9]{15,25}|https:\/\/www\.googleapis\.com\/robot\/v1\/metadata\/x509\/[^"\s]{1,300})"/g,
  group: 1,
  window: { before: 4000, after: 4000, multiline: true },
  // Only inside a service-account file: the same names appear in OAuth client files.
  validate: (_v, m) => /"type"\s{0,20}:\s{0,20}"service_account"/.test(m.input),
  confidence: 0.9,
  advice: "delete the key in IAM › Service accounts and use workload identity or a secret manager",
  examples: {
    match: [
      '{\n  "type": "service_account",\n  "project_id": "demo",\n  "private_key_id": "' + fake(40, HEX, 301) + '",\n  "client_email": "deployer@demo-482113.iam.gserviceaccount.com",\n  "client_id": "' + fake(21, DIGITS, 302) + '"\n}',
    ],
    noMatch: ['{ "type": "authorized_user", "client_id": "' + fake(21, DIGITS, 303) + '" }', '{ "type": "service_account", "private_key_id": "' + "0".repeat(40) + '" }'],
  },
};

export const SERVICE_RULES: readonly Rule[] = [...NAMED.map(named), ...PREFIXED.map(prefixed), ANSIBLE_VAULT, NETRC_PASSWORD, KUBERNETES_SECRET_DATA, GCP_SERVICE_ACCOUNT_FIELDS, DOCKERFILE_ENV_SECRET];
