import * as assert from "node:assert/strict";
import { anonymize, defaultPolicy, resolvePolicy, restore, Scanner, severityUnder, Vault } from "../../src/engine";

const scanner = new Scanner();

function values(text: string, kind: string): string[] {
  return scanner
    .scan(text)
    .filter((f) => f.kind === kind)
    .map((f) => text.slice(f.start, f.end));
}

/** Each [text, expected values] pair: exactly these values of the kind, in order. */
function cases(kind: string, list: [string, string[]][]): void {
  for (const [text, expected] of list) {
    it(`${expected.length ? "finds " + JSON.stringify(expected) : "finds nothing"} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(values(text, kind), expected);
    });
  }
}

describe("people's names", () => {
  describe("French", () => {
    cases("person", [
      ["Bonjour Camille,\nmerci pour le brief.", ["Camille"]],
      ["Bonjour à tous,\nvoici le brief.", []],
      ["Rendez-vous avec Mme Devaux jeudi.", ["Devaux"]],
      ["Rendez-vous jeudi 14 mars à Lyon.", []],
      ["M. Jean-Pierre Le Goff signera le devis.", ["Jean-Pierre Le Goff"]],
      ["Le devis sera signé en mars.", []],
      ["Cordialement,\nSophie Marchetti", ["Sophie Marchetti"]],
      ["Cordialement,\nL'équipe", []],
      ["Participants : Camille Devaux, Karim Benali", ["Camille Devaux", "Karim Benali"]],
      ["Participants : 12 personnes", []],
      ["[10:02] Camille Devaux : on valide ?", ["Camille Devaux"]],
      ["[10:02] Note : on valide ?", []],
      ["Le projet est porté par Camille Devaux. Il faut sonner chez Devaux.", ["Camille Devaux", "Devaux"]],
      ["Il faut sonner chez le gardien.", []],
      ["Je m'appelle Brigitte.", ["Brigitte"]],
      ["Nous publierons sur TikTok, Instagram et YouTube en juin.", []],
      ["## Budget et facturation\n## Contexte", []],
      ["Lyon, Paris et Marseille accueillent le salon.", []],
    ]);
  });

  describe("English", () => {
    cases("person", [
      ["Hi Sarah,\nthanks for the call.", ["Sarah"]],
      ["Hi team,\nthanks for the call.", []],
      ["Best,\nTom Becker", ["Tom Becker"]],
      ["Best,\nThe Acme team", []],
      ["From: Sarah O'Connor <sarah@example.com>", ["Sarah O'Connor"]],
      ["From: noreply <noreply@example.com>", []],
      ["Meeting with Dr. Hans van der Berg on Monday.", ["Hans van der Berg"]],
      ["Meeting on Monday in March with Apple.", []],
      ["My name is Vanessa P. Hertzog.", ["Vanessa P. Hertzog"]],
      ["Ping @sarah.connor about the release.", ["sarah.connor"]],
      ["Use @Component and @param for that.", []],
      ["class Camille extends Base { }\nnew Camille();\nCamille.create();", []],
      ["Author: Isaac Z. Schlueter", ["Isaac Z. Schlueter"]],
    ]);
  });

  describe("tables", () => {
    cases("person", [
      ["| Rôle | Nom |\n|---|---|\n| Directrice | Camille Devaux |\n| Technique | Karim Benali |", ["Camille Devaux", "Karim Benali"]],
      ["| Rôle | Ville |\n|---|---|\n| Directrice | Lyon |", []],
      ["Name,Email\nZoltan Kovacs,z@example.com\n", ["Zoltan Kovacs"]],
      ["Product,Price\nStarter Pack,12\n", []],
    ]);
  });

  it("gives a name's parts the full name's placeholder, and restore puts the full name back", () => {
    const vault = new Vault();
    const text = "Contact : Camille Devaux.\nSonner chez Devaux, puis appeler Camille.";
    const result = anonymize(text, vault);
    assert.equal(result.text, "Contact : [PERSON_1].\nSonner chez [PERSON_1], puis appeler [PERSON_1].");
    assert.equal(restore("Merci [PERSON_1]", vault).text, "Merci Camille Devaux");
  });

  it("gives a handle that is the name run together (`@leoniefavre`, `@leonie.favre`) the name's placeholder", () => {
    const vault = new Vault();
    const result = anonymize("Créatrice : Léonie Favre (@leoniefavre), aussi @leonie.favre sur Threads.", vault);
    assert.equal(result.text, "Créatrice : [PERSON_1] (@[PERSON_1]), aussi @[PERSON_1] sur Threads.");
  });

  it("finds a found name's parts joined in a file or folder name, with the name's placeholder", () => {
    const vault = new Vault();
    const result = anonymize("Beatriz Almeida\n\nP.J. : CV_Beatriz_Almeida_2026.pdf, dossier /Clients/Camille-Devaux/ de Camille Devaux", vault);
    assert.equal(result.text, "[PERSON_1]\n\nP.J. : CV_[PERSON_1]_2026.pdf, dossier /Clients/[PERSON_2]/ de [PERSON_2]");
    // Without the full name in the text, an identifier stays one.
    assert.equal(anonymize("const CV_Beatriz_Almeida = 1;", new Vault()).text, "const CV_Beatriz_Almeida = 1;");
  });

  it("a user term of kind PERSON still wins", () => {
    const text = "Bonjour Camille Devaux,";
    const findings = new Scanner({ terms: [{ text: "Camille Devaux", kind: "PERSON" }] }).scan(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].category, "term");
  });
});

describe("postal addresses", () => {
  describe("French, Belgian, Swiss", () => {
    cases("address", [
      ["Adresse : 12 rue des Lilas, 75011 Paris", ["12 rue des Lilas, 75011 Paris"]],
      ["La rue est calme et la place est belle.", []],
      ["Livraison au 70 bis avenue Victor Hugo, 69002 Lyon CEDEX 02.", ["70 bis avenue Victor Hugo, 69002 Lyon CEDEX 02"]],
      ["Nous avons 12 avenues de croissance.", []],
      ["Siège : Rue de la Loi 16, 1000 Bruxelles", ["Rue de la Loi 16, 1000 Bruxelles"]],
      ["Bahnhofstrasse 1\n8001 Zürich", ["Bahnhofstrasse 1\n8001 Zürich"]],
      ["BP 1234, 31000 Toulouse", ["BP 1234, 31000 Toulouse"]],
    ]);
  });
  describe("US, UK, Canada", () => {
    cases("address", [
      ["Ship to 1111 Main Street, Springfield, IL 62704.", ["1111 Main Street, Springfield, IL 62704"]],
      ["Turn onto the main street after 2 blocks.", []],
      ["221B Baker Street\nLondon NW1 6XE", ["221B Baker Street\nLondon NW1 6XE"]],
      ["const route = express.Router(); app.use(route);", []],
      ["Office: 1200 Peel Street, Montreal QC H3B 2T6", ["1200 Peel Street, Montreal QC H3B 2T6"]],
      ["We drive 40 miles on the highway every day.", []],
    ]);
  });
  describe("units before the number, Spanish, Catalan, Polish and Swiss forms, a label in capitals (documents not seen before)", () => {
    cases("address", [
      ["| Postal address | Flat 3, 41 Cavendish Road, London NW6 7XP |", ["Flat 3, 41 Cavendish Road, London NW6 7XP"]],
      ["**Producer address:** Unit 4, 19 Mare Street, London E8 4RP", ["Unit 4, 19 Mare Street, London E8 4RP"]],
      ["Unit 4, the last chapter", []],
      ["Carrer de Verdi 32, 3º 1ª\n08012 Barcelona", ["Carrer de Verdi 32, 3º 1ª\n08012 Barcelona"]],
      ["Calle de Alcalá 45, 3º izq., 28014 Madrid", ["Calle de Alcalá 45, 3º izq., 28014 Madrid"]],
      ["Le 3º arrondissement", []],
      ["ul. Marszałkowska 84/92 lok. 12, 00-514 Warszawa", ["ul. Marszałkowska 84/92 lok. 12, 00-514 Warszawa"]],
      ["Adresse : Grand-Rue 88, 1820 Montreux", ["Grand-Rue 88, 1820 Montreux"]],
      ["La Grand-Rue est fermée le 14 juillet.", []],
      ['adresse: "Case postale 412, 1001 Lausanne"', ["Case postale 412, 1001 Lausanne"]],
      ["115 ALLÉE DES ARTISANS\nBP 40213\n83512 LA SEYNE-SUR-MER CEDEX", ["115 ALLÉE DES ARTISANS\nBP 40213\n83512 LA SEYNE-SUR-MER CEDEX"]],
    ]);
  });

  it("anonymizes the demo brief's address", () => {
    const text = "- Adresse : 12 rue des Potagers, 69002 Lyon\n";
    assert.equal(anonymize(text, new Vault()).text, "- Adresse : [ADDRESS_1]\n");
  });
});

describe("label policies for names", () => {
  it("names are information in public, hints in sandbox and unlabeled, warnings in pro; off with personal data", () => {
    const name = { category: "pii" as const, kind: "person" };
    const email = { category: "pii" as const, kind: "email" };
    assert.equal(severityUnder(defaultPolicy("public"), name), "information");
    assert.equal(severityUnder(defaultPolicy("sandbox"), name), "hint");
    assert.equal(severityUnder(defaultPolicy(undefined), name), "hint");
    assert.equal(severityUnder(defaultPolicy("pro"), name), "warning");
    assert.equal(severityUnder(defaultPolicy("pro"), email), "error");
    assert.equal(severityUnder(resolvePolicy("public", { public: { personalData: "off" } }).policy, name), "off");
  });

  it("veil.policies.<label>.names overrides the default and is checked", () => {
    assert.equal(resolvePolicy("pro", { pro: { names: "error" } }).policy.names, "error");
    assert.deepEqual(resolvePolicy("pro", { pro: { names: "loud" } }).problems, ["pro.names: expected one of error, warning, information, hint, off"]);
  });
});
