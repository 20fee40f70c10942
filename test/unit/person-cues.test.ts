import * as assert from "node:assert/strict";
import { Scanner } from "../../src/engine";

/**
 * The name pass's cues beyond the lists: a given name that is also a word or a place used as
 * a surname, `M.` as a title, job titles, relations, verbs that take a person, middle
 * initials, organisation words. Each positive has a hard negative beside it.
 */
const scanner = new Scanner();

function people(text: string): string[] {
  return scanner
    .scan(text)
    .filter((f) => f.kind === "person")
    .map((f) => text.slice(f.start, f.end));
}

function cases(list: [string, string[]][]): void {
  for (const [text, expected] of list) {
    it(`${expected.length ? "finds " + JSON.stringify(expected) : "finds nothing"} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(people(text), expected);
    });
  }
}

describe("people's names: cues beyond the lists", () => {
  describe("a common word or a place as a surname", () => {
    cases([
      ["The budget was approved by Emily Carter on Tuesday.", ["Emily Carter"]],
      ["Grant applications close in June, and Mason jars are sold out.", []],
      ["Send the draft to Nathalie Lebrun and Thomas Fisher before noon.", ["Nathalie Lebrun", "Thomas Fisher"]],
      ["We fly to Jordan in March and then to Florence in May.", []],
      ["Hi Austin,\nthe files are ready.", ["Austin"]],
      ["Hello Paris! Our pop-up store opens on Friday.", []],
      ["Mrs. Hunter and Dr. Price will review it.", ["Hunter", "Price"]],
      ["Hunter and Price are two of our enterprise plans.", []],
      ["Report from Emily Carter. Later that day Carter called back.", ["Emily Carter", "Carter"]],
      ["Report from Emily Carter. Carter called back.", ["Emily Carter"]],
    ]);
  });

  describe("titles", () => {
    cases([
      ["Entre M. Lucien Moreau et Mme Claire Dubois, il est convenu ce qui suit.", ["Lucien Moreau", "Claire Dubois"]],
      ["Le texte fait 3 000 m. environ. Ensuite vient la conclusion.", []],
      ["Voir M. Durand pour la clé.", ["Durand"]],
    ]);
  });

  describe("job titles, relations, naming words and verbs that take a person", () => {
    cases([
      ["The album was mixed by producer Oskar Lindqvist last year.", ["Oskar Lindqvist"]],
      ["The album was mixed by the producer last year.", []],
      ["Le projet est suivi par la photographe Ingrid Kowal.", ["Ingrid Kowal"]],
      ["Le projet est suivi par la photographe de l'agence.", []],
      ["I would like to add my daughter Hortense to the account.", ["Hortense"]],
      ["I would like to add my daughter to the account.", []],
      ["Ma fille Apolline garde les clés.", ["Apolline"]],
      ["Ma fille garde les clés.", []],
      ["Her great-grandmother was called Ilse Dorfner.", ["Ilse Dorfner"]],
      ["The tool is called Visual Studio.", []],
      ["I'm Anneke Vos, the new account manager.", ["Anneke Vos"]],
      ["I'm Happy to help.", []],
      ["Tadeusz Wrona lives at the end of the street.", ["Tadeusz Wrona"]],
      ["Release Notes lists what changed.", []],
      ["Comme l'explique Hélène Marchal, le délai est court.", ["Hélène Marchal"]],
    ]);
  });

  describe("lists and vocatives", () => {
    cases([
      ["Founders: Morrison, Kowalczyk and Tanaka.", ["Morrison", "Kowalczyk", "Tanaka"]],
      ["Ils étaient trois : Camille Devaux, Amaury et Loïc.", ["Camille Devaux", "Amaury", "Loïc"]],
      // A list of surnames with no full name and no colon before it is a firm's name: not carried along (the listed given name alone is read as ever).
      ["Brandt, Okafor and Lindqvist is a law firm.", ["Brandt"]],
      ["Please return it to Camille Devaux and Hammarvägen 15.", ["Camille Devaux"]],
      ["Remember me, Destiny? We met in Lyon.", ["Destiny"]],
      ["See you soon, Paris! The tour starts in May.", []],
    ]);
  });

  describe("middle initials", () => {
    cases([
      ["Tickets were booked by Radomir T. Kessel for the team.", ["Radomir T. Kessel"]],
      ["See Appendix B Results for the figures.", []],
      ["Plan B Strategy is due in June.", []],
      ["Copyright (c) Radomir T. Kessel and Contributors.", ["Radomir T. Kessel"]],
      ["Signed by Sophie L Martin.", ["Sophie L Martin"]],
    ]);
  });

  describe("organisations, headings, code and calendar words stay silent", () => {
    cases([
      ["The report was shared with Russell Investments and Morgan Consulting.", []],
      ["The Evans Orchestra plays on Saturday.", []],
      ["## Cautionary Tales\nThe White Stripes played Guilty Pleasures.", []],
      ["class Camille extends Base {}\nconst julia = new Sophie();", []],
      ["Rendez-vous lundi 3 mars, puis mardi 4 avril.", []],
      ["Monday, March 3: Kickoff. Friday: Review.", []],
      ["Victoria Station, London Bridge and Hope Street are in London.", []],
      ["Nous publierons sur TikTok, Instagram et YouTube en juin.", []],
      ["Ship it to 12 Main Street, Suite 400, Springfield.", []],
    ]);
  });

  describe("lines typed in lower case", () => {
    cases([
      ["ok je vois avec camille dupont demain pour le devis", ["camille dupont"]],
      ["ok je vois avec le client demain pour le devis", []],
      ["follow up with lena a andersson next week", ["lena a andersson"]],
      ["follow up with the team next week about the budget", []],
      ["they had 3 kids: silvana, christopher and kristina.", ["silvana", "christopher", "kristina"]],
      ["we need apples, oranges and pears for the shoot.", []],
      ["merci à mme lefebvre pour les retours", ["lefebvre"]],
      ["Karim wrote: ok je vois avec camille dupont demain", ["Karim"]],
      ["const user = { name: patricia };", []],
      ["my name is lena and i run the account", ["lena"]],
      ["the name is fine as it is", []],
      ["notes\n  - call camille dupont about the shoot", ["camille dupont"]],
      ["example:\n    return camille dupont\n", []],
      ["example:\n\treturn camille dupont\n", []],
      ["ligne 1\r\nok je vois avec camille dupont demain\r\n", ["camille dupont"]],
    ]);
  });

  describe("transcripts and speakers", () => {
    cases([
      ["Ubul: What a wife.\nNicole: Remember me?", ["Ubul", "Nicole"]],
      ["Note: What a wife.\nNicole: Remember me?", ["Nicole"]],
      ["John: You saved my life!", ["John"]],
      ["Time: 10:30\nPrice: 12 euros", []],
      ["Hook: Tu connais ce produit ?\nCTA: Clique sur le lien", []],
      ["User: What is the plan?\nAssistant: Here it is.", []],
    ]);
  });

  describe("the recipient heading a postal address", () => {
    cases([
      ["Camille Devaux\n12 rue des Potagers\n69002 Lyon", ["Camille Devaux"]],
      ["Maison Aubergine SAS\n12 rue des Potagers\n69002 Lyon", []],
      ["Duqyaha Karataev\n\n3657 Laukaantie 80\nApt. 030\nKOKKOLA", ["Duqyaha Karataev"]],
      [">Ella H. Snider\n>Otc Markets\n>Ella H. Snider\n>228 Ringvej 144\n>Apt. 902\n>Qaqortoq\n>Greenlander 96817", ["Ella H. Snider", "Ella H. Snider"]],
      [">Gyala Antall\n>Google Public Data Explorer\n>Gyala Antall\n>3369 24 Clarke Avenue\n>Apt. 805\n>Pines Beach\n>New Zealand 34694", ["Gyala Antall", "Gyala Antall"]],
      ["Customer Service\n1111 Main Street\nSpringfield, IL 62704", []],
      ["Please ship it here.\nSend To The Office\n1111 Main Street\nSpringfield, IL 62704", []],
    ]);
  });

  describe("people by what they do", () => {
    cases([
      ["Gerth had given Gerth his address last week.", ["Gerth", "Gerth"]],
      ["Docker had given its users a new flag.", []],
      ["Mehrudin shouted at the driver.", ["Mehrudin"]],
      ["Everyone said it was fine.", []],
      ["Mama, just killed a man\nPut a gun against his head\nSpare him his life", []],
      ["Ubul Csonka listed his top 20 songs.", ["Ubul Csonka"]],
      ["Then Release Notes listed the fixes.", []],
      ["She named him Frank.", ["Frank"]],
      ["Unlike the Petersson novel, it is not about that.", ["Petersson"]],
      ["Unlike the Netflix documentary, it is short.", []],
      ["We loved the French novels.", []],
      ["Ciset lives on Rua Mina 50.", ["Ciset"]],
      ["Dzhambek is from Civic Impulse LLC.", ["Dzhambek"]],
      ["Docker is from the same team.", []],
      ["Is there a better song on this list? Usamov and Bowers were precision engineers.", ["Usamov", "Bowers"]],
      ["Capitalized words like Wisdom and Discipline are often mistaken with names.", []],
      ["Black and White were the colours of the brand.", []],
      ["Durand et Lefort ont signé le contrat.", ["Durand", "Lefort"]],
      ["She named it Frank Street.", []],
      ["It is the brainchild of our 3 founders: Monjeau, Graves and Reed.", ["Monjeau", "Graves", "Reed"]],
      ["The three founders: Apple, Google and Meta.", []],
      ["Nos fondateurs : Durand, Lefort et Marchal.", ["Durand", "Lefort", "Marchal"]],
    ]);
  });

  describe("documentation and code are no people", () => {
    cases([
      ["* name: This should be a string\n* author: Take some credit.", []],
      ["Author: Karim Benali\nName: Sophie", ["Karim Benali", "Sophie"]],
      ["//   name: String,\n//   description: String", []],
      ["          name: Name of the folder.", []],
      [".IP \\(bu 4\nDefault: \"web\"\n.IP \\(bu 4\nType: \"legacy\" or \"web\"\nDefault: null\nType: String (can be set)\n", []],
      ["Camille: on valide le brief ?\nKarim: oui, je m'en occupe", ["Camille", "Karim"]],
      ["exports.Pax = Pax;", []],
      ["Merci Pax ; à demain", ["Pax"]],
    ]);
  });

  describe("street names are no people", () => {
    cases([
      ["The shows on Marina Fort Street were important.", []],
      ["Meet me at the corner of Leokadia Trail.", []],
      ["Our office is at ul. Więckowskiego Stefana 28.", []],
      ["We met Marina Kowalska on Monday.", ["Marina Kowalska"]],
      ["You said your email is out of date.", []],
    ]);
  });

  describe("M. (Monsieur) before a surname no list knows", () => {
    cases([
      ["Présents : Sandrine Leclerc\nExcusé : M. Fontaine", ["Sandrine Leclerc", "Fontaine"]],
      ["Rendez-vous avec M. Moreau lundi.", ["Moreau"]],
      ["M. Rousseau a signé le devis.", ["Rousseau"]],
      ["Taille M. Disponible en bleu.", []],
      ["Size M. Available in blue.", []],
      ["Vitamin M. Research shows little.", []],
    ]);
  });

  describe("table and CSV columns", () => {
    cases([
      ["name,email\nJohn Smith,j@example.com\n", ["John Smith"]],
      ["Name,City\nFlorence Martin,Paris\n", ["Florence Martin"]],
      ["John Smith\n", []],
      ["nom,prenom,email,ville\nGarnier,Élodie,e@example.fr,Dublin\n", ["Garnier", "Élodie"]],
      ["| Nom | Ville |\n|---|---|\n| Karim | Florence |\n", ["Karim"]],
      ["| Client | Société |\n|---|---|\n| Camille Devaux | Jordan |\n", ["Camille Devaux"]],
      // A CSV pasted twice: its repeated header line holds labels, the rows under both still names.
      ["Nom,Prénom,Ville\nGarnier,Élodie,Lyon\nNom,Prénom,Ville\nMartin,Florence,Nantes\n", ["Garnier", "Élodie", "Martin", "Florence"]],
      ["Nom,Prénom\nNom,Prénom\nNom,Prénom\n", []],
    ]);
  });

  describe("M. before a listed surname, given names joined by et / and", () => {
    cases([
      ["Je vois M. Moreau demain.", ["Moreau"]],
      ["Hier j'ai appelé M. Lefebvre.", ["Lefebvre"]],
      ["la taille M. Blanc est épuisée.", []],
      ["Taille M. Disponible en bleu.", []],
      ["Tom Dupont est là.", ["Tom Dupont"]],
      ["Rose Garden est ouvert.", []],
      ["Tom O'Brien is here.", ["Tom O'Brien"]],
      ["Grant McDonald's menu is new.", []],
      ["Merci à Océane et Baptiste pour hier.", ["Océane", "Baptiste"]],
      ["Margaux and Tom arrive tomorrow.", ["Margaux", "Tom"]],
    ]);
    it("does not read the last item of a firm's list of surnames as a given name", () => {
      assert.ok(!people("Aristóteles spent a year at Jones, Mitchell and Williams as the assistant.").includes("Williams"));
      assert.ok(!people("The Jones, Smith and Davis Orchestra was founded in 1990.").includes("Smith"));
    });
  });

  describe("words glued to code or password signs", () => {
    cases([
      ["Mot de passe : Soleil#2!Soleil", []],
      ["if (!Camille) return;", []],
      ["Merci Camille ! Karim arrive.", ["Camille", "Karim"]],
    ]);
  });

  describe("chat speakers typed in lower case after a timestamp", () => {
    cases([
      ["[09:13] kevin: oui https://example.com/Doc\n[09:14] Julie Marchand: merci", ["kevin", "Julie Marchand"]],
      ["12/02/2026, 09:13 - julie marchand: ok on se voit\n12/02/2026, 09:14 - kevin: oui", ["julie marchand", "kevin"]],
      ["[09:13] note: fix this\n[09:14] error: timeout", []],
      ["[10:00] build: 12 files\n", []],
      ["[09:41] Kevin Nguyen: hey\n[09:42] maria.lopez: yes\n[09:43] julie_martin: ok", ["Kevin Nguyen", "maria.lopez", "julie_martin"]],
      ["[09:42] rose.garden: in bloom\n[09:43] will.smith: ok\n[09:44] maria: ok", []],
    ]);
  });

  describe("a full name's given name seen again: a word-like one beside a listed surname, a listed one in lower case", () => {
    cases([
      ["Tom O'Reilly said the vault moves. Ask Tom for the key.", ["Tom O'Reilly", "Tom"]],
      ["Tom Tom sells maps. Ask Tom for the key.", []],
      ["Photo : Grégoire Lemaire (grégoire facture à part).", ["Grégoire Lemaire", "grégoire"]],
      ["Photo : Grégoire Lemaire, gregoire.lemaire@x.fr, /srv/rushes/grégoire/", ["Grégoire Lemaire"]],
      ["Réunion avec Mathilde ; mathilde valide.", ["Mathilde"]],
    ]);
  });

  describe("a quoted CSV cell written `Surname, Given` under a name header", () => {
    cases([
      ['Full Name,Email\n"Kowalski, Anna",a@b.c\n', ["Kowalski", "Anna"]],
      ['Nom;Email\n"Dupont, Marie";m@d.fr\n', ["Dupont", "Marie"]],
      ['City,Note\n"Paris, France",x\n"Lyon, Rhône",y\n', []],
    ]);
  });

  describe("a user folder in a path, `au nom de`, a lower-case name after call / appelle / ask", () => {
    cases([
      ['  File "/home/sebastien.roux/projects/app.py", line 42', ["sebastien.roux"]],
      ["at /Users/anna/dev/x.js:3:4 and C:\\Users\\julie.martin\\AppData", ["anna", "julie.martin"]],
      ["/home/runner/work/x, /home/node/app, /Users/Shared/, /Users/dev/app, /home/rose/x", []],
      ["see https://api.github.com/users/anna-k for the profile", []],
      ["l'interphone est au nom de Benhamou.", ["Benhamou"]],
      ["Réservé au nom de la société Altima. The name of Stichting Centrum appears.", []],
      ["si tu arrives avant 9h appelle nicolas au 07 81 22 43 10", ["nicolas"]],
      ["ok i'll ask priya tomorrow", ["priya"]],
      ["// call foo before bar, then call rose later", []],
      ["salut ! c'est yasmine de l'agence, au 14 rue de la Roquette à Paris.\nsi tu arrives avant 9h appelle nicolas", ["yasmine", "nicolas"]],
      ["Salut ! C'est yasmine de l'agence, au 14 rue de la Roquette à Paris.", []],
    ]);
  });

  describe("values of data keys that hold a name (JSON, YAML, code)", () => {
    cases([
      ['{"firstName": "Camille", "lastName": "Devaux", "last_name": "Okonkwo"}', ["Camille", "Devaux", "Okonkwo"]],
      ["customers:\n  - full_name: Hugo Marchand\n    last_name: Okonkwo\n", ["Hugo Marchand", "Okonkwo"]],
      ['nom_de_famille: "Dupont"', ["Dupont"]],
      ['const lastName = "Default"; obj.lastName = "Xyzzy";', []],
      ["interface X { fullName: Identifier | Namespace; }", []],
      ['{"name": "Webpack", "nom": "Sérum Éclat", "label": "Outputs"}', []],
      ['        "Outputs": ";".join(outputs),\n        "Condition": "x"', []],
    ]);
  });
});

describe("people's names: surname shapes, handles run together, form labels", () => {
  describe("a surname's shape that no word has makes a pair a name even opening a line", () => {
    cases([
      ["Charlotte Vanderlinden — TikTok, 61k", ["Charlotte Vanderlinden"]],
      ["**1. Rose Janssens** (déco)", ["Rose Janssens"]],
      ["Charlotte aux fraises au menu", []],
      ["Rose Garden opens at nine.", []],
    ]);
  });
  describe("a handle that is a name found in the text, run together", () => {
    cases([
      ["**4. Léonie Favre** — @leoniefavre (lifestyle, 92k)", ["Léonie Favre", "leoniefavre"]],
      ['name: "Oliver Ashworth"\nhandle: "@oliverashworth"', ["Oliver Ashworth", "oliverashworth"]],
      ["@nordikskin and @verdane posted", []],
      ["Léonie Favre wrote to @favreleonie_shop", ["Léonie Favre"]],
    ]);
  });
  describe("a ticket's or a form's fields are no speakers; Demandeur and Requester introduce a name", () => {
    cases([
      ["Statut : Ouvert · Priorité : Haute\nMarque : Le produit est prêt", []],
      ["Statut : Ouvert\nMarque : Léa Fontaine", ["Léa Fontaine"]],
      ["Demandeur : Nguyễn Thị Lan <lan@exemple.fr>", ["Nguyễn Thị Lan"]],
      ["Requester: Tran Van Duc", ["Tran Van Duc"]],
    ]);
  });
});

describe("people's names: a chat's message headers as Discord copies them", () => {
  cases([
    ["Nathalie D. — Aujourd'hui à 09:14\nsalut", ["Nathalie D."]],
    ["Maxime Le Floch — Today at 9:31 AM\nok @Maxime, Floch a dit oui", ["Maxime Le Floch", "Maxime", "Floch"]],
    ["Rohan M. — 03/12/2026 10:02\ntest", ["Rohan M."]],
    ["Modo-Bot — Aujourd'hui à 09:36\nfait", []],
    ["Le produit — Aujourd'hui à 09:14", []],
    ["Points clés — le budget", []],
  ]);
});

describe("people's names: what documents not seen before showed (issue 13)", () => {
  describe("an initial and a surname, in a list, after a label or a word that introduces a person", () => {
    cases([
      ["Cabinet — S. Haddad, F. Delcourt, J. Ouédraogo", ["S. Haddad", "F. Delcourt", "J. Ouédraogo"]],
      ["Vu avec F. Delcourt hier.", ["F. Delcourt"]],
      ["Contact: A. Nowak", ["A. Nowak"]],
      ["See U.S. Army docs. Fig. 3 shows it.", []],
      ["A. Overview\nB. Installation", []],
      ["The A. Black theme", []],
    ]);
  });
  describe("a found name run together in a handle, a username, a host or a link", () => {
    cases([
      ['{"fullName": "Amadou Diallo", "username": "amadoudiallo7"}', ["Amadou Diallo", "amadoudiallo7"]],
      ['{"fullName": "Minh Trần", "username": "minhtran_video"}', ["Minh Trần", "minhtran_video"]],
      ["Lucie Moreau : https://calendly.com/lucie-moreau/30min", ["Lucie Moreau", "lucie-moreau"]],
      ["Sindre Sorhus (https://sindresorhus.com)", ["Sindre Sorhus", "sindresorhus"]],
      ['{"fullName": "Amadou Diallo", "note": "xamadoudiallo"}', ["Amadou Diallo"]],
      ["Cc: Aïcha Diallo\n@aicha peux-tu relire ?", ["Aïcha Diallo", "aicha"]],
      ["@aicha peux-tu relire ?", []],
    ]);
  });
  describe("names in capitals after an attention cue (shipping labels, letters)", () => {
    cases([
      ["ATTN: HUGO MARCHETTI", ["HUGO MARCHETTI"]],
      ["A L'ATT. DE M. KARIM MANSOURI", ["KARIM MANSOURI"]],
      ["ATTN: SERVICE RETOURS", []],
      ["// ATTENTION: DO NOT EDIT", []],
    ]);
  });
  describe("hard negatives: places, possessives, services, job titles, a Notion export's Name column", () => {
    cases([
      ["Séminaire d'équipe à Annecy le 15 avril.", []],
      ["Ton MacBook Pro t'attendra sur ton bureau.", []],
      ["Governing law: California.", []],
      ["From: Qonto <noreply@qonto.com>", []],
      ["From: Calendly <notifications@calendly.com>", []],
      ["From: Sarah <sarah@agence.fr>", ["Sarah"]],
      ["Harriet Okoro, General Counsel", ["Harriet Okoro"]],
      ["Name,Status,Owner\nTarn 45L unboxing,Scheduled,Hugo Marchetti\nBehind the scenes Montreux,Idea,Fatou Ndiaye\nLéa Fontaine,Done,Hugo Marchetti", ["Hugo Marchetti", "Fatou Ndiaye", "Léa Fontaine", "Hugo Marchetti"]],
      ["Réunion avec Pascal Dupont.", ["Pascal Dupont"]],
      ["Written in Pascal and Ada.", []],
      ["https://x.example/search?q=Jordan%20Rose", []],
    ]);
  });
});
