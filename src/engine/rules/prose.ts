import type { Rule } from "../types";
import { ALNUM, fake } from "./fake";
import { isBenignShape, isPlaceholder } from "./heuristics";
import { withoutIgnoreCase } from "../detect/anyCase";

/**
 * Secrets and codes written in a sentence, the way people pass them in a brief, an e-mail
 * or a chat: `le mot de passe du wifi est Lumiere2026`, `mdp : Azerty!23`, `the password
 * for the staging admin is Tr0ub4dor&3`, `Passcode: 482913`, `Digicode : 4821B`,
 * `identifiants : jdupont / Soleil#24`, and promo codes (`code promo BIENVENUE10`).
 *
 * Assignments in code and config (`password = "…"`) belong to generic.ts; these rules never
 * take `=` after a password word, so the two do not compete over code. What they share is
 * a value shape floor: a value that is a word (`mot de passe oublié`, `the password is
 * incorrect`), a placeholder, a reference, a path or a URL is not a secret.
 */

// Each keyword starts a word: not after a letter, unless that letter ends a string's escape
// (`"…\nCode du local : 8830"` in a JSON export: the `n` of `\n` is no letter of a word).

/** After the keyword: an optional short qualifier (`du wifi`, `for the admin account`) that cannot hold the connector. */
// It never crosses the name of another field ("passphrase … for user: \"isaacs\"" gives the user, not a password).
const OTHER_FIELD = String.raw`(?!user|login|e-?mail|identifiant|utilisateur|account name|compte :)`;
const QUALIFIER_FR = String.raw`(?:\s{1,3}(?:${OTHER_FIELD}[^\n:=.;!?"«»“”]){1,50}?)?`;
const QUALIFIER_EN = String.raw`(?:\s{1,3}(?:${OTHER_FIELD}[^\n:=.;!?"“”]){1,50}?)?`;
/**
 * The value: optional opening quote (group `q`), then up to 64 characters; trailing `.,;:)]`
 * stay outside. It does not open on a bracket, a brace or a comma: that is the syntax after a
 * string that ends on the keyword (`["password: "],false]`), not a password.
 */
const VALUE = String.raw`([«"“'\x60])?\s?([^\s"'«»“”\x60<>=:[\]{},][^\s"'«»“”\x60<>]{3,63}?)(?=[.,;:)\]]*(?:[\s"'»”\x60<]|$))`;

/** Password managers and vaults named where the password would be: `mdp : voir 1Password`. */
const WHERE_IT_IS = /^(?:1password|bitwarden|lastpass|keepass\w*|dashlane|vaultwarden|keychain|trousseau|vault|sms|mail|e-?mail|slack|signal|whatsapp)$/i;
/** A reference, a member access or a call: code, not a value (`password: user.password`, `pwd: getPass()`). */
const CODE_LIKE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$|[A-Za-z_$]\(|^[A-Za-z_$][\w$]*\[|^\$|^\{|^%|^@[a-z]|^[([<]/;
/** One of our own placeholders, in any of the forms chat tools give back: anonymizing twice changes nothing. */
const OUR_PLACEHOLDER = /^\\?\[[A-Za-z][A-Za-z0-9\\_]*\\?_[0-9]+\\?\]$/;
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/;

/**
 * The shape floor of a password written in prose. `quoted`: it stood between quotes, which
 * is how people mark a password that is a plain word. `connector`: a `:`, `est` or `is`
 * stood between the keyword and the value (without one, only a value that holds both a
 * letter and a digit, or a symbol, counts: `mdp Soleil2024`).
 */
export function looksLikeProseSecret(value: string, quoted: boolean, connector: boolean): boolean {
  if (value.length < 4 || value.length > 64) return false;
  // The cheap verdict first: most rejected values are a word of the sentence going on.
  if (!quoted && /^[\p{L}'’-]+[.,;:)\]!?]*$/u.test(value)) return false;
  // Closing punctuation the value ran into (`password: str)`), then `!?` that may end a sentence.
  const core = value.replace(/[.,;:)\]]+$/, "").replace(/[!?]+$/, "");
  if (core.length === 0 || OUR_PLACEHOLDER.test(value) || isPlaceholder(value) || isPlaceholder(core)) return false;
  // Hex digits alone are a code (`482913`, `24A81B`), not the colour isBenignShape takes them for.
  if (!/^[0-9A-Fa-f]+$/.test(value) && isBenignShape(value)) return false;
  if (WHERE_IT_IS.test(core) || CODE_LIKE.test(value) || DATE_LIKE.test(value)) return false;
  // A word (any script, with its hyphens and apostrophes) is a sentence going on, unless quoted.
  const isWord = /^[\p{L}'’-]+$/u.test(core);
  if (isWord && !quoted) return false;
  // Without a connector: letters with digits, a symbol, or a code of five digits or more (`(passcode 551902)`).
  if (!connector && !quoted && !(/\d/.test(value) && /\p{L}/u.test(value)) && !/[^\p{L}\p{N}]/u.test(core) && !/^\d{5,12}$/.test(core)) return false;
  return true;
}

/**
 * The shape of a password given on another line than its keyword: eight characters or more,
 * letters and digits, and a symbol or both letter cases; a word, a version, a date, a URL or
 * an address is not one.
 */
export function looksLikeRepliedSecret(value: string, quoted: boolean): boolean {
  const core = value.replace(/[.,;:)\]!?]+$/, "");
  if (core.length < 8 || !/\d/.test(core) || !/\p{L}/u.test(core) || core.includes("@")) return false;
  if (!/[^\p{L}\p{N}]/u.test(core) && !(/\p{Lu}/u.test(core) && /\p{Ll}/u.test(core))) return false;
  return looksLikeProseSecret(value, quoted, true);
}

function proseValidate(quoteGroup: number, connectorGroup: number | undefined) {
  return (value: string, m: RegExpExecArray) => looksLikeProseSecret(value, m[quoteGroup] !== undefined, connectorGroup === undefined || m[connectorGroup] !== undefined);
}

export const ADVICE = "change that password and never write it next to the login: share it through a password manager";
/** The rule of a login and its password written together; the e-mail pass reports `e-mail / password` under it too. */
export const CREDENTIALS_PAIR = { id: "prose-credentials-pair", title: "Login and password written together" } as const;

/**
 * A password after its keyword in one language: `keyword`, an optional `qualifier` then a
 * `connector` (`:`, `est`, `is`), or a bare `:` or space, then the value.
 */
function passwordInSentence(rule: { id: string; keywords: string[]; keyword: string; qualifier: string; connector: string; examples: Rule["examples"] }): Rule {
  return {
    id: rule.id,
    category: "secret",
    kind: "password",
    title: "Password written in a sentence",
    keywords: rule.keywords,
    // A bracket after the keyword says which or until when: `mot de passe (provisoire) : …`, `Password (to be changed at first login): …`.
    pattern: new RegExp(rule.keyword + String.raw`(?:\s{0,2}\([^()\n]{1,60}\))?(?:${rule.qualifier}\s{0,3}(${rule.connector})|\s{0,3}(:)|\s{1,3})\s{0,3}` + VALUE, "gi"),
    group: 4,
    window: { before: 24, after: 200 },
    validate: (value, m) => looksLikeProseSecret(value, m[3] !== undefined, m[1] !== undefined || m[2] !== undefined),
    confidence: 0.85,
    advice: ADVICE,
    examples: rule.examples,
  };
}

/** Uppercase letters and digits of a promo code, and words that are not one (`code promo OFFERT`). */
const NOT_A_CODE = /^(?:PROMO|CODE|CODES|OFFRE|OFFERT|GRATUIT|FREE|HTTP|HTTPS|WWW|TVA|HT|TTC|EUR|USD|GBP|CHF|N\/A|TBD|TBC|TODO|NONE|NULL|XXXX+|ICI|HERE|BELOW|CI-DESSOUS|SUIVANT|VALIDE|VALID|EXPIRED|EXPIRE|EXPIRÉ)$/;

export function looksLikePromoCode(value: string): boolean {
  if (value.length < 4 || value.length > 30) return false;
  if (value !== value.toUpperCase() || !/[A-Z]/.test(value)) return false;
  if (NOT_A_CODE.test(value) || isPlaceholder(value)) return false;
  // A code is letters with digits, or a word of five letters or more (`BIENVENUE`, `SOLDES`).
  return /\d/.test(value) || value.replace(/[-_]/g, "").length >= 5;
}

export const PROSE_SECRET_RULES: readonly Rule[] = [
  passwordInSentence({
    id: "prose-password-fr",
    // Keywords are ASCII (the automaton's alphabet): "code d" stands for code d'accès / d'entrée.
    keywords: ["mot de passe", "mots de passe", "mot-de-passe", "mdp", "code d", "wifi", "wi-fi", "wpa", "code secret", "code confidentiel", "digicode", "code porte", "code de la porte", "code portail", "code du portail", "boite a cle", "boites a cle", "code alarme", "code de l'alarme", "code cadenas", "code du cadenas"],
    keyword: String.raw`(?<![A-Za-z\u00C0-\u024F](?<!\\[nrt]))(?:mots? de passe|mot-de-passe|mdp|codes? d['’]acc[eè]s|codes? wi-?fi|cl[ée] (?:wi-?fi|wpa2?)|code secret|code confidentiel|digicode|code (?:de la )?porte|code d['’]entr[ée]e|code (?:du )?portail|bo[iî]tes? [àa] cl(?:[ée]s?|efs?)|code (?:de l['’])?alarme|code (?:du )?cadenas)(?![A-Za-z_])`,
    qualifier: QUALIFIER_FR,
    connector: String.raw`:|：|\b(?:est|sera|reste|c['’]est)\b\s{0,3}:?|→|->`,
    examples: {
      match: [
        "Le mot de passe du wifi est Lumiere2026 !",
        "Accès back-office : admin / mdp : Azerty!23",
        "mot de passe : « Potager#75 »",
        "Le mot de passe de la boîte mail, c'est Camille1987.",
        "Digicode : 24A81B, 3e étage",
        "code wifi : 8A7F3K2D9Q",
        "mdp Soleil2024 (à changer)",
        "Mot de passe (provisoire) : Tigre#88",
        "La boîte à clés est à gauche de la porte, code : 391724",
        "Code alarme : 1984AB",
      ],
      noMatch: [
        "Mot de passe oublié ?",
        "Le mot de passe est incorrect.",
        "mot de passe : 12 caractères minimum",
        "mdp : voir Bitwarden",
        "mot de passe : ********",
        "Le mot de passe : [PASSWORD_1]",
        "cliquez sur « mot de passe oublié » puis suivez le lien",
        "Le mot de passe est envoyé par SMS.",
        "La boîte à clés est sous le paillasson.",
        "Le digicode 2 sera changé",
        "mdp 1984",
      ],
    },
  }),
  passwordInSentence({
    id: "prose-password-en",
    keywords: ["password", "passwd", "pwd", "passcode", "passphrase", "pass:", "pass :", "wifi", "wi-fi", "door code", "gate code", "access code", "entry code", "lockbox", "lock box", "key box", "keybox", "key safe", "alarm code"],
    keyword: String.raw`(?<![A-Za-z?&._$\x7b])(?:pass(?:word|wd|code|phrase)s?|pwd|pass(?=\s{0,2}:)|wi-?fi (?:key|code)|(?:door|gate|access|entry|alarm) code|lock ?box(?: code)?|key ?(?:box|safe)(?: code)?)(?![A-Za-z_])`,
    qualifier: QUALIFIER_EN,
    connector: String.raw`:|\b(?:is|was|will be|remains|stays|should be)\b\s{0,3}:?|→|->`,
    examples: {
      match: [
        "The password for the staging admin is Tr0ub4dor&3.",
        "Wi-Fi key: GreenRoom-4412",
        "Zoom meeting ID 812 3456 7890, passcode: 482913",
        "pwd: Sunset!2026",
        "user jsmith, pass: Harbor77x",
        'the password is "meadowlark"',
        "Gate code: 2580#1",
        "Zoom for the review (passcode 551902)",
        "The lockbox is left of the door, code: 391724",
        "Temporary password (to be changed at first login): T4m-dR00m-19",
      ],
      noMatch: [
        "Forgot your password? Click the link below.",
        "The password is incorrect.",
        "password: string;",
        '{"labels":["password: "],"masked":false}',
        "password: req.body.password,",
        "Password: see 1Password",
        "password: ${DB_PASSWORD}",
        "The password must be at least 12 characters long.",
        "https://zoom.us/j/81234567890?pwd=" + fake(32, ALNUM, 3),
        'You need a passphrase to unlock the secret key for user: "isaacs <i@izs.me>"',
        "auth.basic = { username: basic[0], password: basic[1] }",
        "This command requires a one-time password (OTP) from your authenticator app.",
        "The key box is next to the garage door.",
        "Use a password of 12 characters or more",
        "passcode 2026 policy update",
      ],
    },
  }),
  {
    // A chat's question and its answer: "le mdp du compte, c'est toujours le même ?" then
    // "non, c'est Xyz!2031" on one of the next two lines. Weaker context, so a stronger shape.
    id: "prose-password-reply",
    category: "secret",
    kind: "password",
    title: "Password given in reply to a question about it",
    keywords: ["mot de passe", "mots de passe", "mot-de-passe", "mdp", "password", "passwd", "pwd", "passcode", "passphrase", "code wifi", "code wi-fi", "wifi key", "wi-fi key"],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z\u00C0-\u024F](?<!\\[nrt]))(?:mots? de passe|mot-de-passe|mdp|pass(?:word|wd|code|phrase)s?|pwd|codes? wi-?fi|wi-?fi (?:key|code|password))(?![A-Za-z_])[^\n]{0,160}\n(?:[^\n]{0,200}\n)?[^\n]{0,120}?(?:\bc['’]est|\bit['’]s|\bit is|\bis now|\bnow|\bvoici|\bhere it is)\s{0,3}:?\s{0,3}` +
        VALUE,
      "gi",
    ),
    group: 2,
    // The question's line ends within 160 characters of the keyword (the pattern's `[^\n]{0,160}\n`).
    window: { before: 24, after: 520, multiline: true, lineEndWithin: 170 },
    validate: (value, m) => looksLikeRepliedSecret(value, m[1] !== undefined),
    confidence: 0.75,
    advice: ADVICE,
    examples: {
      match: ["Le mdp du Wi-Fi a changé ?\nOui, c'est Verveine#2031", "What's the new password for the CMS?\nIt's now Harbour9-Kite", "mot de passe de la box ?\n> attends\n> voici : Pivoine_8812"],
      noMatch: [
        "Tu as le mdp ?\nC'est dans Bitwarden, dossier Agence",
        "Password reset done?\nIt's v2.4.1 that fixed it",
        "mot de passe oublié\nc'est le 12/03/2026 que j'ai changé",
        "The password policy changed.\nIt's 12 characters now",
        "Le mot de passe ?\nC'est [PASSWORD_1]",
        "password?\nit's in the vault, ask Sam",
        "mdp envoyé\nc'est https://example.com/reset",
      ],
    },
  },
  {
    id: "prose-pin",
    category: "secret",
    kind: "password",
    title: "PIN code written in a sentence",
    // "pin" alone hits "mapping", "typing": the word with what follows it.
    keywords: ["pin ", "pin:", "pin code", "pin est", "pin is"],
    // "PIN" in capitals, or next to "code": "pin 13" of a microcontroller is not one.
    // A conference line's PIN comes in groups of three, ended by `#`: `PIN: 318 552 904#`.
    pattern: /(?<![A-Za-z](?<!\\[nrt]))(?:PIN(?: [Cc]ode)?|[Cc]ode PIN|[Pp]in [Cc]ode|CODE PIN)(?:\s{1,3}(?:de|du|of|for)\b[^\n:=.;!?]{1,30}?)?\s{0,3}(?::|\b(?:is|est)\b\s{0,3}:?)?\s{0,3}(\d{4,8}|\d{3}(?: \d{3}){1,3}(?=#))(?![\d/.,:-]?\d)/g,
    group: 1,
    window: { before: 24, after: 120 },
    validate: (value) => !/^(.)\1+$/.test(value) && !/^(?:19|20)\d\d$/.test(value),
    confidence: 0.8,
    advice: "change that PIN and never write it down next to what it unlocks",
    examples: {
      match: ["Le code PIN de la carte : 482913", "PIN: 739204", "the SIM pin code is 915273", "Or dial: +1 212-555-0147 PIN: 318 552 904#"],
      noMatch: ["connect the LED to pin 13", "PIN: 0000", "pinMode(2048, OUTPUT)", "PIN code required", "PIN 2026"],
    },
  },
  {
    id: "prose-door-code",
    category: "secret",
    kind: "password",
    title: "Door, gate or alarm code written in a sentence",
    // Codes typed on a keypad are four digits as a rule, given without a colon (`digicode du parking 1984`).
    keywords: ["digicode", "code porte", "code de la porte", "code portail", "code du portail", "code alarme", "code d", "door code", "gate code", "entry code", "alarm code", "keypad code",
      "portail", "boite a cle", "alarme", "interphone", "key box", "keybox", "lockbox", "lock box", "key safe", "door_code", "gate_code", "alarm_code", "entry_code"],
    // Or the thing the code opens, then on its line `: code 7319A`, `, code 1966`, `: 2580#` (`Portail coulissant rue arrière : code 7319A`).
    // Or a data key: `gate_code: "#4471"`.
    pattern: /(?<![A-Za-z\u00C0-\u024F](?<!\\[nrt]))(?:(?:digicode|code (?:de la |du |d['’]|de l['’])?(?:porte|portail|alarme|entr[ée]e|immeuble)|(?:door|gate|entry|alarm|keypad) code)s?(?:\s{1,3}(?:de|du|des|of|for|to|at)\b[^\n:=.;!?\d]{1,30}?)?\s{0,3}(?::|\b(?:is|est)\b\s{0,3}:?)?|code (?:de la |du |d['’]|de l['’]|des )(?:local|barri[èe]re|garage|parking|cave|cadenas|coffre(?:-fort)?|bo[iî]te|salle|hall|b[âa]timent|r[ée]sidence|portillon|grille|ascenseur|vestiaire|casier|sas|r[ée]serve|atelier|appartement|appart|chalet|g[îi]te|interphone|porte|portail|alarme|immeuble)(?:[ \t]+(?!est\b|c['’]est\b)[A-Za-z\u00C0-\u024F'’-]{2,20}){0,3}?\s{0,3}(?::|\b(?:est|c['’]est)\b\s{0,3}:?)|(?:portail|portillon|bo[iî]te [aà] cl[ée]f?s?|alarme|interphone|key ?box|lock ?box|key safe)\b[^\n;!?]{0,80}?(?:\bcode\b\s{0,3}:?|(:))|(?:door|gate|alarm|entry)_code["']?\s{0,2}[:=])\s{0,3}["']?(#?\d{4,8}[A-Z#*]?)(?![\d/.,:-]?\d)/gi,
    group: 2,
    window: { before: 24, after: 160 },
    // After a bare colon a year is a date (`Portail : 2019`), after `code` it is the code.
    validate: (value, m) => {
      const code = value.replace(/^#/, "");
      return !/^(.)\1+$/.test(code) && !/^(?:0123|1234|2345|3456|4567|5678|6789)/.test(code) && !(m[1] !== undefined && /^(?:19|20)\d\d$/.test(code));
    },
    confidence: 0.8,
    advice: "change that code and keep it out of what you share: give it by phone or in a password manager",
    examples: {
      match: ['"desc": "Accès\\nCode du local matériel : 8830\\n"', "Le code de la barrière est 3917 (valable jusqu'au 31/03)", "Code du local vélos au sous-sol : 2580", "et le code du local matos c'est 8830 voilà", "The lockbox is to the left of our door, 3rd floor. Code: 0519", "Le digicode du parking 198412, 2e sous-sol", "Gate code 471856 on the keypad", "code de la porte : 24816B", "Portail coulissant rue arrière : code 7319A puis touche cloche", "la boîte à clés est sur le muret, code 1966", "Portail : 2580# , la boîte est à droite", 'gate_code: "#4471"'],
      noMatch: ["Le digicode 2 sera changé", "door code: 0000", "digicode en panne, sonnez", "gate code 123456", "code porte 1.2.3", "Le code du produit : 4521", "code de la commande : 88123", "Portail : 2019, repeint", "Alarme : voir le gardien", "the key box holds 2 badges"],
    },
  },
  {
    // A Wi-Fi network's name, then its key after a comma or a slash: `réseau Proximus-Home-7F21, clé liege4000-box`,
    // `network GuestNet / key Harbor!2027`. No password word need come before the key, so its shape is a password's.
    id: "prose-wifi-network",
    category: "secret",
    kind: "password",
    title: "Wi-Fi key after its network's name",
    keywords: ["seau ", "seau:", "network", "ssid", "wifi", "wi-fi"],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z](?<!\\[nrt]))(?:r[ée]seau|network|ssid|wi-?fi)\s{0,2}:?\s{0,2}[«"“]?[A-Za-z0-9][\w.-]{1,31}[»"”]?\s{0,2}(?:,|\/|;|–)\s{0,2}(?:(?:cl[ée]|code|key|mdp|mot de passe|password|pass)\s{0,2}:?\s{0,2})?` + VALUE,
      "gi",
    ),
    group: 2,
    window: { before: 24, after: 160 },
    validate: (value, m) => looksLikeRepliedSecret(value, m[1] !== undefined),
    confidence: 0.75,
    advice: ADVICE,
    examples: {
      match: ["Wifi laissé par le bailleur — réseau Proximus-Home-7F21, clé liege4000-box (à modifier)", 'wifi_montreux: "réseau BRH-Staff, code Staff!Montreux88"', "Guest network GuestNet / key Harbor!2027"],
      noMatch: ["réseau Orange, code postal 75011", "network Foo-1, key figures below", "Wi-Fi Livebox, box au salon", "réseau BRH-Staff, code [PASSWORD_1]"],
    },
  },
  {
    // Zoom's one-tap dial strings: `+16465550199,,84512093377#,,,,*593104# US (New York)`, the meeting's id then its passcode.
    id: "zoom-dial-passcode",
    category: "secret",
    kind: "password",
    title: "Meeting passcode in a dial-in string",
    keywords: ["#,,,,*"],
    pattern: /,,\d{9,11}#,,,,\*(\d{4,10})#/g,
    group: 1,
    window: { before: 24, after: 24 },
    confidence: 0.85,
    advice: "anyone with this line joins the meeting: share the invite, not its dial strings, or change the passcode",
    examples: {
      match: ["+16465550199,,84512093377#,,,,*593104# US (New York)"],
      noMatch: ["+16465550199,,84512093377# US (New York)", "Meeting ID: 845 1209 3377"],
    },
  },
  {
    id: CREDENTIALS_PAIR.id,
    category: "secret",
    kind: "password",
    title: CREDENTIALS_PAIR.title,
    keywords: ["identifiant", "credentials", "login", "basic auth", "basic-auth", "http auth"],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z](?<!\\[nrt]))(?:identifiants?|credentials|logins?|acc[eè]s|basic[- ]auth|http auth)(?:\s{1,3}(?:du|de|des|pour|for|of|to)\b[^\n:=.;!?"]{1,40}?)?\s{0,3}(?::|\b(?:sont|are|est|is)\b\s{0,3}:?)\s{0,3}[^\s/|,;]{2,64}\s{0,3}(?:\/|\||,|;)\s{0,3}` +
        VALUE,
      "gi",
    ),
    group: 2,
    window: { before: 24, after: 240 },
    validate: proseValidate(1, undefined),
    confidence: 0.85,
    advice: ADVICE,
    examples: {
      match: ["Identifiants : camille.devaux / Soleil#24", "WordPress credentials: editor_maison | Basil!2026", "login : jdupont / 8xK2pQ9z", "Staging (basic auth: stg-review / Kx7!moss-Harbor)", "Basic auth: `preview` / `Zephyr!Coast#2027`"],
      noMatch: ["Identifiants : voir la fiche / mail", "login: user / password", "credentials: [USER_1] / [PASSWORD_1]"],
    },
  },
];

/**
 * A code shaped as promo codes are, a word in capitals then the percent off
 * (`WINTER20`, `LEAFROST15`, `SORRY-LN-15`): with `code` just before it or `promo` earlier in
 * its clause, it is one even without `code promo` (`Ton code perso sera EMILIEFROID15`, `the
 * promo banner still says NORDIK10`). Encodings, hashes and standards (`BASE64`, `SHA256`,
 * `UTF16`) are not.
 */
const PERCENT_CODE = String.raw`([A-Z][A-Z]{2,}(?:-[A-Z]{1,12}){0,2}-?\d{1,2})(?![A-Za-z0-9_-])`;
const NOT_PERCENT_CODE = /^(?:BASE|SHA|UTF|UCS|INT|UINT|FLOAT|MD|ISO|ES|HTTP|IPV|ECMA|PEP|RFC|WIN|ARM|AMD|X|MP|H|AVC|HEVC|VP|AV|OPUS|AAC|PCM|PNG|JPEG|GPT|CLAUDE|LLAMA|GEMINI|RTX|GTX|IPHONE|PIXEL|GALAXY)-?\d/;

export function looksLikePercentCode(value: string): boolean {
  const m = /^([A-Z-]+?)-?(\d{1,2})$/.exec(value);
  if (!m || m[1].replace(/-/g, "").length < 4 || NOT_PERCENT_CODE.test(value)) return false;
  const off = Number(m[2]);
  return off >= 5 && off <= 90 && looksLikePromoCode(value);
}

/** The promo keywords in any letter case, spelled out (the value part of the rule is case-sensitive). */
const PROMO_KEYWORDS = withoutIgnoreCase(
  new RegExp(
    String.raw`(?<![A-Za-z](?<!\\[nrt]))(?:codes? promo(?:tionnel)?|code-promo|codes? (?:de )?(?:r[\u00e9e]duction|remise|avantage|parrainage|cadeau)|coupons?(?: codes?)?|promo(?:tional)? codes?|promocode|discount codes?|vouchers?(?: codes?)?|referral codes?|gift codes?|use (?:the )?code|utilis(?:e[zr]?|\u00e9e?) (?:le )?code|avec (?:le )?code|entre[zr]? (?:le )?code|enter (?:the )?code|with (?:the )?code)(?![A-Za-z])`,
    "i",
  ),
).source;

export const PROMO_CODE_RULES: readonly Rule[] = [
  {
    id: "promo-code-shaped",
    category: "pii",
    kind: "promo-code",
    title: "Promo or coupon code",
    keywords: ["code ", "code:"],
    // `code`, up to three lower-case words (`code perso sera`), then the code.
    pattern: new RegExp(
      String.raw`(?<![A-Za-z](?<!\\[nrt]))(?:[Cc]ode|CODE)(?:\s{1,3}(?=([a-z\u00e0-\u00ff'’-]{1,20}))\1){0,3}\s{0,3}:?\s{0,3}[«"“'\x60*]{0,2}` + PERCENT_CODE,
      "g",
    ),
    group: 2,
    validate: (value) => looksLikePercentCode(value),
    confidence: 0.75,
    advice: "a client's promo code is unreleased business data: anonymize it before sharing",
    examples: {
      match: ['codes_promo:\n  - code: "BELLERIVE-UGC-15"', "Ton code perso sera EMILIEFROID15 — il ne sera actif qu'à la publication", "frais de port offerts + code SORRY-LN-15 à usage unique", '"Partenaire";"Code LEAFROST15"'],
      noMatch: ['{ code: "ERR_SOCKET_TIMEOUT", status: 504 }', "code: 'E404'", "encode the code BASE64 first", "error code E1234", "code ERR42 in the log", "status code 404", "Code promo : [PROMO_CODE_1]", "code HTTP20 is odd", "the code UTF16 path"],
    },
  },
  {
    id: "promo-code-in-clause",
    category: "pii",
    kind: "promo-code",
    title: "Promo or coupon code",
    keywords: ["promo"],
    // `promo`, then in the same clause the code: `the promo banner still says NORDIK10`, `Promo codes: confirm WINTER20 is live`.
    pattern: new RegExp(String.raw`(?<![A-Za-z](?<!\\[nrt]))[Pp]romo[^\n.!?;]{0,60}?(?<![A-Za-z0-9_-])` + PERCENT_CODE, "g"),
    group: 1,
    validate: (value) => looksLikePercentCode(value),
    confidence: 0.75,
    advice: "a client's promo code is unreleased business data: anonymize it before sharing",
    examples: {
      match: ["the promo banner still says NORDIK10, it should be WINTER20", "Promo codes: confirm WINTER20 is live in Shopify"],
      noMatch: ["the promo ends on 12 March", "promo video in 4K at 60 fps", "promo: see SHA256 of the file"],
    },
  },
  {
    id: "promo-code",
    category: "pii",
    kind: "promo-code",
    title: "Promo or coupon code",
    // ASCII keywords: "code de r" / "code r" stand for code (de) réduction, "le code" for utilisez / avec / entrez le code.
    keywords: ["code promo", "codes promo", "code-promo", "code de r", "code r", "code remise", "code avantage", "parrainage", "code cadeau", "coupon", "promo code", "promotional code", "promocode", "discount code", "voucher", "referral code", "gift code", "use code", "use the code", "le code", "avec code", "enter code", "enter the code", "with code", "with the code"],
    // Keywords in any case, the code itself in capitals, up to four lower-case words between
    // them ("code promo de lancement COLIBRI15", "code promo prévu pour les abonnées : X").
    pattern: new RegExp(
      // Up to four lower-case words, each taken whole (lookahead + backreference: no backtracking inside a word).
      PROMO_KEYWORDS + String.raw`(?:\s{1,3}(?=([a-z\u00e0-\u00ff'’-]{1,20}))\1){0,4}\s{0,3}(?::|→|->)?\s{0,3}[«"“'\x60*]{0,2}\s?([A-Z0-9][A-Z0-9_-]{2,29})(?![A-Za-z0-9_-])`,
      "g",
    ),
    group: 2,
    window: { before: 24, after: 160 },
    validate: (value) => looksLikePromoCode(value),
    confidence: 0.8,
    advice: "a client's promo code is unreleased business data: anonymize it before sharing",
    examples: {
      match: ["Code promo : BIENVENUE10", "-15 % avec le code RENTREE15 jusqu'au 30", "Use code SPRING25 at checkout", "coupon « NOEL-2026 »", "Le code de réduction pour les abonnées est CAMILLE20."],
      noMatch: ["Code promo : non applicable", "entrez votre code promo au moment du paiement", "use code review tools", "the coupon is valid until Friday", "Code promo : [PROMO_CODE_1]"],
    },
  },
];
