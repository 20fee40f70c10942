import * as assert from "node:assert/strict";
import { Scanner, Vault, anonymize, extractErrorSnippet, resolvePolicy, restore } from "../../src/engine";
import { parseConfig } from "../../src/cli/config";

/**
 * Issue 13's kinds that are not names or addresses: private links, passwords written in
 * prose, promo codes, phones in table columns, dates. Each positive has a hard negative
 * beside it, in French and English. URL shapes are those each service's share dialog gives.
 */
const scanner = new Scanner({ dates: true });
const noDates = new Scanner();

/** [value, kind] of every finding. */
function found(text: string, s = scanner): [string, string][] {
  return s.scan(text).map((f) => [text.slice(f.start, f.end), f.kind]);
}

function expectFound(kind: string, cases: [text: string, value: string][]): void {
  for (const [text, value] of cases) {
    it(`finds ${kind} ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + "…" : value)}`, () => {
      const hits = found(text).filter(([, k]) => k === kind);
      assert.deepEqual(hits, [[value, kind]], JSON.stringify(found(text)));
    });
  }
}

function expectSilent(kind: string, texts: string[]): void {
  for (const text of texts) {
    it(`no ${kind} in ${JSON.stringify(text.length > 70 ? text.slice(0, 67) + "…" : text)}`, () => {
      assert.deepEqual(
        found(text).filter(([, k]) => k === kind),
        [],
      );
    });
  }
}

describe("issue 13: private links", () => {
  const drive = "https://drive.google.com/file/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV/view?usp=sharing";
  const doc = "https://docs.google.com/document/d/1Xy9Zw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765/edit";
  const dropbox = "https://www.dropbox.com/scl/fi/k2m9x4q7w1z8c3v6b5n0a/Rushes-V2.zip?rlkey=p8q7r6s5t4u3v2w1x0y9z8a7b&dl=0";
  const wt = "https://we.tl/t-Zq8LmN4pXr";
  const notion = "https://www.notion.so/studio-lumiere/Brief-campagne-printemps-8f3c2b1a0d9e8f7a6b5c4d3e2f1a0b9c";
  const figma = "https://www.figma.com/design/Ab3dE6gH9jK2mN5pQ8sT1v/Refonte-site?node-id=0-1";
  const loom = "https://www.loom.com/share/4f9e8d7c6b5a49382716a5b4c3d2e1f0";
  const sp = "https://maisonaubergine.sharepoint.com/:x:/s/Marketing/EfG7hJ8kL9mN0pQ1rS2tU3vW4xY5zA6bC7dE8fG9hJ0kLm?e=Xy12Ab";
  const od = "https://1drv.ms/w/s!AkL9mN0pQ1rS2tU3vW4xY5zA6bC?e=AbC123";
  const zoom = "https://us06web.zoom.us/j/84512345678";
  const meet = "https://meet.google.com/qmx-hzrt-vbn";
  const canva = "https://www.canva.com/design/DAGa1b2C3d4/Ef5Gh6Ij7Kl8Mn9Op0Qr1S/view";
  const trello = "https://trello.com/b/Xk3mQ9pL/lancement-collection-ete";
  const airtable = "https://airtable.com/appAb1Cd2Ef3Gh4Ij/shrKl6Mn7Op8Qr9St";
  const miro = "https://miro.com/app/board/uXjVKa1b2C3=/";
  const frame = "https://f.io/Xa9Kp2Lm";
  const internal = "https://wiki.studio.internal/clients/aubergine";
  expectFound("private-link", [
    [`Les maquettes sont ici : ${drive}.`, drive],
    [`Brief complet (${doc})`, doc],
    [`Rushes: ${dropbox}`, dropbox],
    [`Je t'envoie tout par ${wt} ce soir`, wt],
    [`Specs on Notion: ${notion}`, notion],
    [`[Maquettes Figma](${figma})`, figma],
    [`Walkthrough video: ${loom}`, loom],
    [`Tableau de suivi : ${sp}`, sp],
    [`Devis signé : ${od}`, od],
    [`Visio : ${meet} (mardi)`, meet],
    [`Visuels Canva : ${canva}`, canva],
    [`Board : ${trello}`, trello],
    [`Suivi des commandes : ${airtable}`, airtable],
    [`Atelier Miro : ${miro}`, miro],
    [`V3 du montage : ${frame}`, frame],
    [`Le wiki interne : ${internal}`, internal],
  ]);
  it("reports a Zoom link and its ?pwd= passcode apart: the link as private-link, the passcode as a secret", () => {
    const text = `Lien Zoom : ${zoom}?pwd=Qm9xK2LpR7tW4vZ8 (ID 845 1234 5678)`;
    const kinds = found(text);
    assert.ok(kinds.some(([v, k]) => k === "private-link" && v === zoom), JSON.stringify(kinds));
    assert.ok(kinds.some(([v, k]) => k === "password" && v === "Qm9xK2LpR7tW4vZ8"), JSON.stringify(kinds));
  });
  expectSilent("private-link", [
    "Voir l'aide : https://support.google.com/drive/answer/2494822?hl=fr",
    "API docs: https://developers.google.com/drive/api/guides/about-sdk",
    "Modèle : https://docs.google.com/document/d/YOUR_DOCUMENT_ID/edit",
    "Plans: https://www.dropbox.com/plans and https://www.dropbox.com/help",
    "Fichier public : https://www.figma.com/community/file/1035203688168086460",
    "See https://help.figma.com/hc/en-us/articles/360040531773 and https://www.notion.so/help/guides",
    "Pricing at https://www.loom.com/pricing, https://zoom.us/pricing, https://miro.com/templates/",
    "https://learn.microsoft.com/en-us/sharepoint/dev/ and https://trello.com/guide",
    "npm start then open http://localhost:3000/ (config.local overrides)",
    "window.localStorage.setItem(key, value);",
    "https://docs.internal-tools.io/guide",
  ]);
});

describe("issue 13: signed URLs are secrets", () => {
  const sig = "7c4f1e9a2b8d3c6f5e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
  it("reports the S3 X-Amz-Signature as a secret", () => {
    const text = `Download (7 days): https://rushes.s3.eu-west-3.amazonaws.com/v2.mov?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260312T101500Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${sig}`;
    const f = scanner.scan(text).find((x) => x.kind === "signed-url");
    assert.ok(f && f.category === "secret" && text.slice(f.start, f.end) === sig);
  });
  it("stays silent on an unsigned S3 URL and a documentation stand-in", () => {
    assert.equal(scanner.scan("https://rushes.s3.eu-west-3.amazonaws.com/v2.mov and ?X-Amz-Signature=<signature>").filter((f) => f.kind === "signed-url").length, 0);
  });
});

describe("issue 13: passwords written in prose", () => {
  expectFound("password", [
    ["Le mot de passe du wifi est Lumiere2026 !", "Lumiere2026"],
    ["mdp : Azerty!23", "Azerty!23"],
    ["Au portail, digicode 4821 puis la 2e porte", "4821"],
    ["Gate code 4718 on the keypad", "4718"],
    ["Pour le back-office, le mot de passe c'est Potager#75.", "Potager#75"],
    ["Code d'accès : 7781-AB", "7781-AB"],
    ["Identifiants : camille.devaux / Soleil#24", "Soleil#24"],
    ["Digicode 4821B, 3e étage gauche", "4821B"],
    ["The password for the staging admin is Tr0ub4dor&3.", "Tr0ub4dor&3"],
    ["Wi-Fi key: GreenRoom-4412", "GreenRoom-4412"],
    ["Zoom passcode: 482913", "482913"],
    ["pwd: Sunset!2026", "Sunset!2026"],
    ["The SIM PIN is 4827.", "4827"],
    ['the password is "meadowlark"', "meadowlark"],
  ]);
  expectSilent("password", [
    "Le digicode 2 sera changé",
    "mdp 1984",
    "Mot de passe oublié ? Cliquez sur le lien.",
    "Le mot de passe est incorrect.",
    "Le mot de passe doit contenir 12 caractères minimum.",
    "mdp : voir Bitwarden",
    "Le mot de passe est envoyé par SMS.",
    "Forgot your password? Reset it from the login page.",
    "The password is incorrect.",
    "The password must be at least 12 characters long.",
    "Password: see 1Password",
    "connect the sensor to pin 13",
    "def login(username: str, password: str) -> bool:",
    "Le mot de passe : [PASSWORD_1]",
  ]);
});

describe("issue 13: a password written right after its login's e-mail", () => {
  expectFound("password", [
    ["2. Log in with the QA account `qa+brise@sirocco-digital.fr` / `QaBrise-4411`", "QaBrise-4411"],
    ["Compte test : admin@maison-x.fr | Kx7!harbor-22", "Kx7!harbor-22"],
  ]);
  expectSilent("password", ["Écris à jane@site.fr / profile", "x@y.fr/path/to/Abc12345!", "Contact: a@b.fr / +33 6 12 34 56 78", "mail a@b.fr / https://a.fr/Abc12345"]);
});

describe("issue 13: promo codes", () => {
  expectFound("promo-code", [
    ["Code promo : BIENVENUE10 (valable jusqu'au 30)", "BIENVENUE10"],
    ["-15 % avec le code RENTREE15 sur tout le site", "RENTREE15"],
    ["Le code de réduction pour les abonnées est CAMILLE20.", "CAMILLE20"],
    ["Use code SPRING25 at checkout for 25% off", "SPRING25"],
    ["Coupon: FREESHIP-EU", "FREESHIP-EU"],
  ]);
  expectSilent("promo-code", [
    "Entrez votre code promo au moment du paiement.",
    "Code promo : non applicable",
    "use code review tools before merging",
    "The coupon is valid until Friday.",
    "Code promo : [PROMO_CODE_1]",
  ]);
});

describe("issue 13: a password or a promo code repeated where no context names it", () => {
  const values = (text: string, kind: string) => found(text).filter(([, k]) => k === kind).map(([v]) => v);
  it("masks each repeat of a code found once by its context, in French and English", () => {
    assert.deepEqual(values("Code promo : SORRY-LN-15. Votre code pour la prochaine commande : SORRY-LN-15", "promo-code"), ["SORRY-LN-15", "SORRY-LN-15"]);
    assert.deepEqual(values("Use code WINTER20 at checkout. The banner still says WINTER20.", "promo-code"), ["WINTER20", "WINTER20"]);
    assert.deepEqual(values("Le mot de passe est Kx7!moss-Harbor.\nThe staging password (Kx7!moss-Harbor) was committed.", "password"), ["Kx7!moss-Harbor", "Kx7!moss-Harbor"]);
  });
  it("leaves a longer code holding it, a word-shaped value and a value that is nowhere else alone", () => {
    assert.deepEqual(values("Code promo : NORDIK10. Not NORDIK100, nor XNORDIK10, nor nordik10.", "promo-code"), ["NORDIK10"]);
    assert.deepEqual(values("Use code SPRING25 at checkout.", "promo-code"), ["SPRING25"]);
    assert.deepEqual(found("Il fait soleil, on tourne dehors.").filter(([, k]) => k === "password"), []);
  });
  it("keeps a repeat on an ignored line out, and restores every repeat", () => {
    const text = "Code promo : SORRY-LN-15\nSORRY-LN-15 // veil:allow\nencore SORRY-LN-15";
    assert.deepEqual(values(text, "promo-code").length, 2);
    const vault = new Vault();
    const out = anonymize(text, vault, { scan: {} });
    assert.equal(out.text.split("[PROMO_CODE_1]").length, 3);
    assert.equal(restore(out.text, vault).text, text);
  });
});

describe("issue 13: Canadian and Australian dollars written after the amount", () => {
  it("takes the country after the dollar sign, not a word that starts like one", () => {
    assert.deepEqual(found("la rémunération : 750 $ CA (taxes en sus)").filter(([, k]) => k === "money"), [["750 $ CA", "money"]]);
    assert.deepEqual(found('"15 000,00 $ CAN";"Découverte"').filter(([, k]) => k === "money"), [["15 000,00 $ CAN", "money"]]);
    assert.deepEqual(found("un câble à 40 $ USB-C").filter(([, k]) => k === "money"), [["40 $", "money"]]);
  });
});

describe("issue 13: dollars with their country before the sign", () => {
  it("takes CA$, A$, C$ and US$ with the amount, not a letter inside a word", () => {
    assert.deepEqual(found("Fee: CA$900.00, A$ 45, C$12, US$ 20").filter(([, k]) => k === "money"), [["CA$900.00", "money"], ["A$ 45", "money"], ["C$12", "money"], ["US$ 20", "money"]]);
    assert.deepEqual(found("ABCA$900 x").filter(([, k]) => k === "money"), []);
  });
});

describe("issue 13: phones in table and CSV columns", () => {
  it("reads a number under a Téléphone / Mobile / Phone header as a phone", () => {
    const md = "| Rôle | Téléphone |\n|---|---|\n| Directrice | 0612345678 |\n| CTO | 4 78 12 34 56 |";
    assert.deepEqual(found(md).filter(([, k]) => k === "phone").map(([v]) => v), ["0612345678", "4 78 12 34 56"]);
    const csv = "name,mobile\nSarah Miller,5552345678\nTom Becker,555 234 5678";
    assert.deepEqual(found(csv).filter(([, k]) => k === "phone").map(([v]) => v), ["5552345678", "555 234 5678"]);
  });
  it("leaves numbers under other headers alone", () => {
    const csv = "commande;quantite;montant\n4512345;3;1200\n4512346;1;89";
    assert.deepEqual(found(csv).filter(([, k]) => k === "phone"), []);
    const md = "| Ref | Stock |\n|---|---|\n| 4 78 12 34 | 12 |";
    assert.deepEqual(found(md).filter(([, k]) => k === "phone"), []);
  });
  it("finds a French mobile written as ten digits, not a longer run or a dotted version", () => {
    assert.deepEqual(found("Appelle Camille, 0712345678, avant midi").filter(([, k]) => k === "phone").map(([v]) => v), ["0712345678"]);
    assert.deepEqual(found("ref 0712345678901, build 1.0612345678.2, 0512345678").filter(([, k]) => k === "phone"), []);
  });
});

describe("issue 13: dates (opt-in)", () => {
  expectFound("date", [
    ["Lancement le 12 mars 2026, sous embargo.", "12 mars 2026"],
    ["Embargo jusqu'au 10/03/2026 inclus", "10/03/2026"],
    ["Launch: March 12, 2026 (under embargo)", "March 12, 2026"],
    ["Sortie prévue le 1er avril", "1er avril"],
    ["Go-live 2026-04-01", "2026-04-01"],
    ["Deadline 3/12/26", "3/12/26"],
    ["We ship in September 2026", "September 2026"],
    ["Atelier le 12/03 à la Maison des associations", "12/03"],
    ["Rendu jeudi 05/04, relecture ensuite", "jeudi 05/04"],
    ["- 15/04 : séminaire d'équipe", "15/04"],
    ["| Marek | 22/03 |", "22/03"],
    ["Codes live from 15/04. Please don't post before.", "15/04"],
    ["Created: 24/Mar/27 9:41 AM", "24/Mar/27"],
    ['"due": "2027-05-06T07:00:00.000Z",', "2027-05-06T07:00:00.000Z"],
  ]);
  expectSilent("date", ["version 1.2.3 and 12.03.26", "node 20.19.0, ratio 3/4", "mars, mai et juin", "call 06 12 34 56 78", "2026-13-45", "le 3/4 du budget", "le 12/13 des lots", "page 12/03 du rapport", "le 12/03,5 ratio", "| 1/10 |", "noté 16/20", "- 3/12 items"]);
  it("is off unless asked for (the pro label's policy turns it on)", () => {
    assert.deepEqual(found("Lancement le 12 mars 2026", noDates), []);
  });
});

describe("issue 13: new kinds through anonymize and restore", () => {
  it("gives typed placeholders, restores byte for byte, and a second pass changes nothing", () => {
    const text = "Brief : https://docs.google.com/document/d/1Xy9Zw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765/edit\nmdp : Azerty!23\nCode promo : BIENVENUE10\nLancement le 12 mars 2026\nTel 0612345678";
    const vault = new Vault();
    const once = anonymize(text, vault, { scan: { dates: true } });
    assert.match(once.text, /\[PRIVATE_LINK_1\]/);
    assert.match(once.text, /\[PASSWORD_1\]/);
    assert.match(once.text, /\[PROMO_CODE_1\]/);
    assert.match(once.text, /\[DATE_1\]/);
    assert.match(once.text, /\[PHONE_1\]/);
    for (const v of ["docs.google.com", "Azerty!23", "BIENVENUE10", "12 mars 2026", "0612345678"]) assert.ok(!once.text.includes(v));
    assert.equal(restore(once.text, vault).text, text);
    assert.equal(anonymize(once.text, vault, { scan: { dates: true } }).text, once.text);
  });
});

describe("issue 13: dates through the label policies and the CLI config", () => {
  it("the pro label turns dates on, the others leave them off; veil.policies overrides and checks the field", () => {
    assert.equal(resolvePolicy("pro").policy.dates, true);
    for (const label of ["public", "sandbox", undefined] as const) assert.equal(resolvePolicy(label).policy.dates, false);
    assert.equal(resolvePolicy("pro", { pro: { dates: false } }).policy.dates, false);
    assert.equal(resolvePolicy("public", { public: { dates: true } }).policy.dates, true);
    assert.deepEqual(resolvePolicy("pro", { pro: { dates: "yes" } }).problems, ["pro.dates: expected true or false"]);
  });
  it("the CLI config takes a top-level dates flag and refuses a non-boolean", () => {
    assert.equal(parseConfig('{"dates": true}', "veil.json").scan.dates, true);
    assert.throws(() => parseConfig('{"dates": "on"}', "veil.json"), /dates/);
  });
});

describe("issue 13: previews of private links", () => {
  it("name the service, never the client's tenant, machine or path", () => {
    const cases: [string, string][] = [
      ["https://maisonaubergine.sharepoint.com/:x:/s/Ventes/EaB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5aB6cD?e=Hk29Lm", "…sharepoint.com/…"],
      ["https://wiki.maison-aubergine.internal/rh", "….internal/…"],
      ["https://www.figma.com/design/Qm8rT2vX9pL4kN7sW1zB3c/Boutique-2026", "…figma.com/…"],
    ];
    for (const [text, preview] of cases) {
      const f = scanner.scan(text).find((x) => x.kind === "private-link");
      assert.equal(f?.preview, preview);
      assert.ok(!f!.message.includes("aubergine") && !f!.message.includes("Boutique"), f!.message);
    }
  });
});

describe("issue 13: the error-snippet neutralizer", () => {
  it("replaces a share link in an error message and keeps the path of an internal URL, with only its host replaced", async () => {
    const share = "https://www.dropbox.com/scl/fi/h3k8m2q9x7w4z1c6v5b0n/Photos.zip?rlkey=t7y6u5i4o3p2a1s0d9f8g7h6j&dl=1";
    const log = `Error: download of ${share} failed with 403, retry via https://files.studio.internal/v1/sync\n    at fetchAssets (/home/alice/projects/shop/src/assets.js:12:9)\n    at main (/home/alice/projects/shop/src/index.js:3:1)\n`;
    const s = await extractErrorSnippet(log, { workspaceRoots: ["/home/alice/projects/shop"] });
    assert.ok(s, "an error snippet");
    assert.ok(!s.markdown.includes("h3k8m2q9x7w4z1c6v5b0n") && !s.markdown.includes("dropbox.com/scl"), s.markdown);
    assert.match(s.markdown, /\[PRIVATE_LINK_1\]/);
    assert.ok(!s.markdown.includes("files.studio.internal"), s.markdown);
    assert.match(s.markdown, /\/v1\/sync/);
  });
});
