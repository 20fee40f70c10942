import * as assert from "node:assert/strict";
import { Scanner } from "../../src/engine";

/** Postal addresses written with the US street abbreviations (USPS Publication 28: St, Rd, Pkwy, Hwy), each positive beside a hard negative. */
describe("address pass: street abbreviations", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds a house number, a street name and St / Rd", () => {
    assert.deepEqual(addresses("Ship to 2450 Crown St, Springfield"), ["2450 Crown St, Springfield"]);
    assert.deepEqual(addresses("Office: 88 Elm Rd."), ["88 Elm Rd."]);
  });

  it("stays silent on a lower-case st, a number right before St, versions and code", () => {
    assert.deepEqual(addresses("the 3 st of them"), []);
    assert.deepEqual(addresses("paid 12 EUR on 3 Dec st"), []);
    assert.deepEqual(addresses("We met at 10 St Paul's"), []);
    assert.deepEqual(addresses("see version 2.1 Main St"), []);
    assert.deepEqual(addresses("import x from './12 Main.ts'"), []);
  });
});

/** Postal address forms beyond the first pass: each positive beside hard negatives, in French and English. */
describe("address pass: one finding per address", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("a numbered line and the unit on it are one address, never an empty or clipped finding", () => {
    assert.deepEqual(addresses("Ship to: Anna Berg\n  4410 Kerkplein 8 Suite 12\n  Zwolle"), ["4410 Kerkplein 8 Suite 12\n  Zwolle"]);
    assert.deepEqual(addresses("Envoyer à :\n 17 Lindenhof 3 Apt. 9\n Genève\n Suisse"), ["17 Lindenhof 3 Apt. 9\n Genève\n Suisse"]);
  });
});

describe("address pass: numbers that are no house numbers", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("stays silent on section, chapter, room and level numbers, scores, and title words after a street type", () => {
    assert.deepEqual(addresses("Section 12 Street Fighter"), []);
    assert.deepEqual(addresses("Chapter 3 Main Street Blues"), []);
    assert.deepEqual(addresses("Room 12 Avenue Q"), []);
    assert.deepEqual(addresses("Level 5 Road Runner"), []);
    assert.deepEqual(addresses("Chapitre 4 rue des Martyrs"), []);
    assert.deepEqual(addresses("Score: 3-1 Road to the final, 2026 Edition"), []);
    assert.deepEqual(addresses("We watched 3 Main Street Blues episodes"), []);
    assert.deepEqual(addresses("12 Street Fighter"), []);
  });

  it("still finds ranges, directions, units and a street type followed by a postal line", () => {
    assert.deepEqual(addresses("12-14 rue des Lilas, 75011 Paris"), ["12-14 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("1111 Main Street North, Springfield, IL 62704"), ["1111 Main Street North, Springfield, IL 62704"]);
    assert.deepEqual(addresses("350 Fifth Avenue Suite 200, New York, NY 10118"), ["350 Fifth Avenue Suite 200, New York, NY 10118"]);
    assert.deepEqual(addresses("221 Baker Street Irregulars, London NW1 6XE"), ["221 Baker Street Irregulars, London NW1 6XE"]);
  });
});

describe("address pass: address blocks", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("takes a building number before the house number, not a number of a phone or a chapter", () => {
    assert.deepEqual(addresses("Nous habitons au 4 12 rue des Lilas, 75011 Paris"), ["4 12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("The office is at 5521 119 Countess Close, Bristol BS1 4DJ"), ["5521 119 Countess Close, Bristol BS1 4DJ"]);
    assert.deepEqual(addresses("Tél. 01 23 45 67 89 12 rue des Lilas, 75011 Paris"), ["12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("Chapitre 4 12 rue des Martyrs, 75009 Paris"), ["12 rue des Martyrs, 75009 Paris"]);
  });

  it("reads a country line after one blank line, not a greeting", () => {
    assert.deepEqual(addresses("Anna Berg\n\n41086 Kiannonkatu 98\n Suite 464\n OULU\n\n Finland 80896"), ["41086 Kiannonkatu 98\n Suite 464\n OULU\n\n Finland 80896"]);
    assert.deepEqual(addresses("12 rue des Lilas\n75011 Paris\n\nFrance"), ["12 rue des Lilas\n75011 Paris\n\nFrance"]);
    assert.deepEqual(addresses("12 rue des Lilas\n75011 Paris\n\nBest Regards"), ["12 rue des Lilas\n75011 Paris"]);
    assert.deepEqual(addresses("12 rue des Lilas\n75011 Paris\n\nRelease 2026"), ["12 rue des Lilas\n75011 Paris"]);
  });

  it("reads lines opened by encoding damage (`???`), not list items", () => {
    assert.deepEqual(addresses("??? Jan Novak\n??? 4923 Parmova 109\n??? Suite 380\n??? Maribor\n??? Slovenia 82709"), ["4923 Parmova 109\n??? Suite 380\n??? Maribor\n??? Slovenia 82709"]);
    assert.deepEqual(addresses("- 3 Apples 2\n- Oranges\n- Pears"), []);
  });
});

/** US military addresses as USPS writes them: a unit, ship or PSC line over `APO|FPO|DPO` + `AA|AE|AP` + ZIP. */
describe("address pass: military post offices", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds the unit or ship line and the post office line, and stops at the ZIP", () => {
    assert.deepEqual(addresses("Send it to PSC 3250, Box 1234\nAPO AE 09012 before Friday"), ["PSC 3250, Box 1234\nAPO AE 09012"]);
    assert.deepEqual(addresses("Sgt. Lee\nUnit 2050 Box 4190\nAPO AP 96278-2050"), ["Unit 2050 Box 4190\nAPO AP 96278-2050"]);
    assert.deepEqual(addresses("Our offices are at USNS Comfort\nFPO AA 34055."), ["USNS Comfort\nFPO AA 34055"]);
    assert.deepEqual(addresses("write to uscgc healy\nfpo ap 96698"), ["uscgc healy\nfpo ap 96698"]);
  });

  it("stays silent on the letters without a region and a ZIP, or inside a word", () => {
    assert.deepEqual(addresses("The APO team meets at 10:30 in room 12345."), []);
    assert.deepEqual(addresses("apo = fpo(12345); dpo AX 12345"), []);
    assert.deepEqual(addresses("TAPO AE 12345 and XFPO AA 12345"), []);
  });
});

describe("address pass: Canadian suites and provinces, house names", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("takes a `bureau` and a province in brackets before the postcode, not a remark in brackets", () => {
    assert.deepEqual(addresses("Siège : 1250 boulevard René-Lévesque Ouest, bureau 2200, Montréal (Québec) H3B 4W8, Canada"), ["1250 boulevard René-Lévesque Ouest, bureau 2200, Montréal (Québec) H3B 4W8, Canada"]);
    assert.deepEqual(addresses("Livraison : 12 rue des Lilas, 75011 Paris (voir plan)"), ["12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("Le bureau des ventes est au 2e étage."), []);
  });

  it("takes a house name that opens the line or follows a label, not a greeting", () => {
    assert.deepEqual(addresses("- Adresse : Le Mas des Oliviers, 240 chemin des Cigales, 84220 Gordes"), ["Le Mas des Oliviers, 240 chemin des Cigales, 84220 Gordes"]);
    assert.deepEqual(addresses("Rose Cottage, 12 High Street, Oxford OX1 4AP"), ["Rose Cottage, 12 High Street, Oxford OX1 4AP"]);
    assert.deepEqual(addresses("Bonjour Marie, 12 rue des Lilas, 75011 Paris"), ["12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("We loved the Manor House, 12 High Street, Oxford OX1 4AP"), ["12 High Street, Oxford OX1 4AP"]);
  });

  it("takes a flat, building or floor written before the house number, and a Belgian box after it", () => {
    assert.deepEqual(addresses("Flat 3, 27 Elm Grove, Manchester M14 5RJ"), ["Flat 3, 27 Elm Grove, Manchester M14 5RJ"]);
    assert.deepEqual(addresses("Ship to: Apt 4B, 221 Maple Avenue, Denver, CO 80203"), ["Apt 4B, 221 Maple Avenue, Denver, CO 80203"]);
    assert.deepEqual(addresses("Bât. B, esc. 2, 3 allée des Tilleuls, 33000 Bordeaux"), ["Bât. B, esc. 2, 3 allée des Tilleuls, 33000 Bordeaux"]);
    assert.deepEqual(addresses("Adresse : 3e étage, 12 rue de Rivoli, 75004 Paris"), ["3e étage, 12 rue de Rivoli, 75004 Paris"]);
    assert.deepEqual(addresses("Rue Neuve 5 boîte 12, 1000 Bruxelles"), ["Rue Neuve 5 boîte 12, 1000 Bruxelles"]);
    assert.deepEqual(addresses("Avenue Louise 54 bte 3\n1050 Ixelles"), ["Avenue Louise 54 bte 3\n1050 Ixelles"]);
  });

  it("reads an address given as quoted list items, each item its own finding (YAML, JSON)", () => {
    assert.deepEqual(addresses('address:\n  - "Flat 7, 112 Columbia Road"\n  - "London E2 7RG"\ncountry: UK'), ["Flat 7, 112 Columbia Road", "London E2 7RG"]);
    assert.deepEqual(addresses('"lines": [\n  "1820 Sunset Hills Dr",\n  "Los Angeles, CA 90046"\n],'), ["1820 Sunset Hills Dr", "Los Angeles, CA 90046"]);
    assert.deepEqual(addresses('tags:\n  - "12 Main Street"\n  - "banana"'), ["12 Main Street"]);
  });

  it("reads Dr, Ln and Ct after a street's name, boul. and app. in Québec, not a doctor or a count", () => {
    assert.deepEqual(addresses("450 Oak Ln, Austin, TX 78701"), ["450 Oak Ln, Austin, TX 78701"]);
    assert.deepEqual(addresses("12 Birch Ct\nNaperville, IL 60540"), ["12 Birch Ct\nNaperville, IL 60540"]);
    assert.deepEqual(addresses("1250, boul. René-Lévesque O., bureau 900, Montréal (Québec) H3B 4W8"), ["1250, boul. René-Lévesque O., bureau 900, Montréal (Québec) H3B 4W8"]);
    assert.deepEqual(addresses("> 4521, rue Saint-Denis, app. 3\n> Montréal (Québec)  H2J 2L3\n> Canada"), ["4521, rue Saint-Denis, app. 3\n> Montréal (Québec)  H2J 2L3\n> Canada"]);
    assert.deepEqual(addresses("I bought 2 Dr Martens boots"), []);
    assert.deepEqual(addresses("Room 4 Dr Lee will see you"), []);
    assert.deepEqual(addresses("Le boul. Saint-Laurent est fermé"), []);
  });

  it("takes a business park, a pickup point or a c/o before the street, not a greeting", () => {
    assert.deepEqual(addresses("Relais Pickup – Tabac Le Cristal, 102 avenue Jean-Jaurès\n69007 Lyon"), ["Relais Pickup – Tabac Le Cristal, 102 avenue Jean-Jaurès\n69007 Lyon"]);
    assert.deepEqual(addresses("c/o Talents Oblique, 5 rue du Faubourg-Poissonnière, 3e étage\n75010 Paris"), ["c/o Talents Oblique, 5 rue du Faubourg-Poissonnière, 3e étage\n75010 Paris"]);
    assert.deepEqual(addresses("ZA des Bréguières, 62 allée des Frênes, 06600 Antibes"), ["ZA des Bréguières, 62 allée des Frênes, 06600 Antibes"]);
    assert.deepEqual(addresses("Merci Julie, 12 rue des Lilas, 75011 Paris"), ["12 rue des Lilas, 75011 Paris"]);
  });

  it("takes the whole cell under an address header when it holds a postal line, with or without a street", () => {
    const csv = [
      "Société;Interlocuteur;Adresse de livraison;Notes",
      '"A";"Lucas";"Entrepôt - 12 rue Cartier-Bresson, 93500 Pantin";"Non"',
      '"B";"Inès";"Lieu-dit Kernévez, 29242 Ouessant";"Oui"',
      '"C";"Tom";"Bygdøy allé 23, 0262 Oslo, Norvège";"Oui"',
      '"D";"Ana";"voir avec la compta";"75011 Paris"',
    ].join("\n");
    assert.deepEqual(addresses(csv), ["Entrepôt - 12 rue Cartier-Bresson, 93500 Pantin", "Lieu-dit Kernévez, 29242 Ouessant", "Bygdøy allé 23, 0262 Oslo, Norvège"]);
    assert.deepEqual(addresses("| Name | Shipping address |\n|---|---|\n| Tom | Unit 4, Riverside Park, Leeds LS1 4AP |\n| Ann | n/a |"), ["Unit 4, Riverside Park, Leeds LS1 4AP"]);
    // Under another header, or under an e-mail address's, a postcode and a town are no address.
    assert.deepEqual(addresses("Agence;Ville\nNord;59000 Lille"), []);
    assert.deepEqual(addresses("Email address;Notes\nx@y.fr;75011 Paris"), []);
  });

  it("takes a building's line above the street (a residence, a building, a flat), not the name above it", () => {
    assert.deepEqual(addresses("Adresse de livraison :\n  Lan Nguyen\n  Résidence Les Cèdres, bât. C, apt 34\n  15 avenue de la Libération\n  38000 Grenoble"), ["Résidence Les Cèdres, bât. C, apt 34\n  15 avenue de la Libération\n  38000 Grenoble"]);
    assert.deepEqual(addresses("Voici le plan.\nAppartement 4\n12 rue des Lilas, 75011 Paris"), ["Appartement 4\n12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("Bonjour,\n12 rue des Lilas\n75011 Paris"), ["12 rue des Lilas\n75011 Paris"]);
    assert.deepEqual(addresses("ADRESSE\nLes Ateliers du Quai, 6 quai François-Mitterrand, 44200 Nantes"), ["Les Ateliers du Quai, 6 quai François-Mitterrand, 44200 Nantes"]);
  });

  it("leaves out a room or a bus named in the sentence before the address", () => {
    assert.deepEqual(addresses("We met in Room 4, 12 rue de Rivoli, 75004 Paris"), ["12 rue de Rivoli, 75004 Paris"]);
    assert.deepEqual(addresses("J'ai pris le bus 3, 12 rue de Rivoli, 75004 Paris"), ["12 rue de Rivoli, 75004 Paris"]);
  });
});

/** Postcodes as each country's post writes them (PL `00-950`, PT `1000-001`, SE `114 55`), and street words of those languages. */
describe("address pass: Polish, Portuguese and Nordic forms", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds the street and its postcode and city", () => {
    assert.deepEqual(addresses("Biuro: ul. Marszałkowska 84, 00-514 Warszawa"), ["ul. Marszałkowska 84, 00-514 Warszawa"]);
    assert.deepEqual(addresses("Sede: Rua Augusta 24, 1100-053 Lisboa"), ["Rua Augusta 24, 1100-053 Lisboa"]);
    assert.deepEqual(addresses("Kontor: Drottninggatan 55, 111 21 Stockholm"), ["Drottninggatan 55, 111 21 Stockholm"]);
    assert.deepEqual(addresses("Kontor: Hansinegata 12, 0165 Oslo"), ["Hansinegata 12, 0165 Oslo"]);
  });

  it("stays silent on `ul.` without a street's name, a lower-case -gata word, and score-like ranges", () => {
    assert.deepEqual(addresses("See the ul. 3 list items"), []);
    assert.deepEqual(addresses("la regata 2 giorni"), []);
    assert.deepEqual(addresses("Final score 10-15 Lyon, 12-345 Paris fans"), []);
  });
});

describe("address pass: where an address ends", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("ends at the postal line's last place segment, not at the end of the line", () => {
    assert.deepEqual(addresses("Please send it to our office at 350 Fifth Avenue, Suite 4100,\nNew York, NY 10118, attention of Margaret Chen (legal)."), ["350 Fifth Avenue, Suite 4100,\nNew York, NY 10118"]);
    assert.deepEqual(addresses("demeurant 112 avenue Jean Jaurès, 92120 Montrouge, SIRET 812 345 678 00019,"), ["112 avenue Jean Jaurès, 92120 Montrouge"]);
    assert.deepEqual(addresses("Adresse : 240 chemin des Cigales, 84220 Gordes\n- La boîte à clés est à gauche de la porte, code : 3917"), ["240 chemin des Cigales, 84220 Gordes"]);
    assert.deepEqual(addresses("12 rue des Lilas, 75011 Paris, Tel 0612 34567"), ["12 rue des Lilas, 75011 Paris"]);
  });

  it("still takes a code after a country or region, a country and a unit after the postal line", () => {
    assert.deepEqual(addresses("Kerkstraat 12, Netherlands 62971"), ["Kerkstraat 12, Netherlands 62971"]);
    assert.deepEqual(addresses("1111 Main Street, Springfield, IL 62704, USA"), ["1111 Main Street, Springfield, IL 62704, USA"]);
    assert.deepEqual(addresses("4 place Bellecour, 69002 Lyon, France"), ["4 place Bellecour, 69002 Lyon, France"]);
    assert.deepEqual(addresses("350 Fifth Avenue\nSuite 4100, New York, NY 10118\nUSA"), ["350 Fifth Avenue\nSuite 4100, New York, NY 10118\nUSA"]);
  });
});

describe("address pass: quoted and bracketed addresses, numbers with a slash", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds an address opened by a quote or a bracket, its closing quote left out", () => {
    assert.deepEqual(addresses('billing address "Ul. Marszałkowska 84/92, 00-514 Warszawa"'), ["Ul. Marszałkowska 84/92, 00-514 Warszawa"]);
    assert.deepEqual(addresses("(Via Roma 5, 00100 Roma)"), ["Via Roma 5, 00100 Roma"]);
    assert.deepEqual(addresses('address "12 rue des Lilas, 75011 Paris"'), ["12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses("Kerkstraat 12/3, 1017 GC Amsterdam"), ["Kerkstraat 12/3, 1017 GC Amsterdam"]);
  });

  it("stays silent on quoted street words in code and on fractions after a street word", () => {
    assert.deepEqual(addresses('x = t("place", 3)'), []);
    assert.deepEqual(addresses('label: "Place order" (step 2/3)'), []);
    assert.deepEqual(addresses("see (Via 1/2) in the appendix"), []);
  });
});

/** A column whose header says it holds addresses reads `3 place du Capitole` as one without a postcode or a label on its line. */
describe("address pass: address columns of tables and CSV exports", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds a street of a weak type (place, cours, Close, Drive) under Adresse or address_line_1, with the town in the next cell", () => {
    assert.deepEqual(addresses("nom;adresse\nBouchard;3 place du Capitole\nMercier;5 cours Lafayette\n"), ["3 place du Capitole", "5 cours Lafayette"]);
    assert.deepEqual(addresses("name,address_line_1,city\nAnn Lee,119 Countess Close,Leeds\nBo Ray,615 Benedum Drive,Austin\n"), ["119 Countess Close,Leeds", "615 Benedum Drive,Austin"]);
    assert.deepEqual(addresses("| Client | Adresse de livraison |\n|---|---|\n| Picard | 12 place Bellecour |\n"), ["12 place Bellecour"]);
  });

  it("stays silent on the same cells under other headers, e-mail or IP address columns, and data lines that split like a CSV", () => {
    assert.deepEqual(addresses("atelier;détail\nYoga;3 place disponibles\nDanse;5 cours par mois\n"), []);
    assert.deepEqual(addresses("nom;cours\nBouchard;3 cours Lafayette\nMercier;5 cours Mozart\n"), []);
    assert.deepEqual(addresses("user,email address,note\nann,12 place holders,x\nbo,4 route maps,y\n"), []);
    assert.deepEqual(addresses('"type": "ADDRESS", "x": 1\n"value": "3 place du Capitole", "y": 2\n'), []);
  });

  it("ends at the quote, brace or tag that closes the value holding it (the JSON or HTML around stays whole)", () => {
    assert.deepEqual(addresses('{"adresse": "8 place Bellecour, 69002 Lyon"}, {"b": 1}'), ["8 place Bellecour, 69002 Lyon"]);
    assert.deepEqual(addresses("<td>12 rue des Lilas, 75011 Paris</td>"), ["12 rue des Lilas, 75011 Paris"]);
    assert.deepEqual(addresses('["12 rue des Lilas, 75011 Paris", "x"]'), ["12 rue des Lilas, 75011 Paris"]);
  });
});

/** British and American street types that are words too (Grove, Mews, Wharf, Parade, Trail, Pike): a postcode or a label confirms them. */
describe("address pass: Grove, Mews, Wharf, Parade, Trail, Pike", () => {
  const scanner = new Scanner();
  const addresses = (text: string) => scanner.scan(text).filter((f) => f.kind === "address").map((f) => text.slice(f.start, f.end));

  it("finds them before a postal line", () => {
    assert.deepEqual(addresses("home address: Flat 3, 19 Elm Grove, Bristol BS7 8PQ."), ["Flat 3, 19 Elm Grove, Bristol BS7 8PQ"]);
    assert.deepEqual(addresses("Unit 4, 12 Shad Thames Wharf, London SE1 2YE"), ["Unit 4, 12 Shad Thames Wharf, London SE1 2YE"]);
    assert.deepEqual(addresses("Ship to 1200 Hickory Pike, Nashville, TN 37211"), ["1200 Hickory Pike, Nashville, TN 37211"]);
  });

  it("stays silent on the words in a sentence", () => {
    assert.deepEqual(addresses("We walked down 3 grove paths and saw 2 mews of the stable."), []);
    assert.deepEqual(addresses("The 5 Trail runners met at 10 Parade rehearsals."), []);
  });
});
