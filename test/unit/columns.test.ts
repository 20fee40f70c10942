import * as assert from "node:assert/strict";
import { columnHeaderAt, TableColumns } from "../../src/engine/detect/columns";

/** The header of the column holding the first occurrence of `value` in `text`. */
function headerOf(text: string, value: string): string | undefined {
  const at = text.indexOf(value);
  assert.ok(at >= 0, `${value} not in text`);
  return columnHeaderAt(text, at)?.header;
}

describe("table column headers", () => {
  const markdown = [
    "# Contacts",
    "",
    "| Rôle | **Nom** | Téléphone |",
    "|:-----|:---:|---:|",
    "| Directrice | Camille Devaux | 06 12 34 56 78 |",
    "| Technique | Karim Benali | 0712345678 |",
    "",
    "Appeler Camille demain.",
  ].join("\n");

  it("reads a Markdown table's header for a body cell", () => {
    assert.equal(headerOf(markdown, "Camille Devaux"), "Nom");
    assert.equal(headerOf(markdown, "0712345678"), "Téléphone");
    assert.equal(headerOf(markdown, "Technique"), "Rôle");
    assert.equal(columnHeaderAt(markdown, markdown.indexOf("Karim"))?.column, 1);
    assert.equal(columnHeaderAt(markdown, markdown.indexOf("Karim"))?.table, "markdown");
  });

  it("gives nothing for the header row, the separator, or text outside the table", () => {
    assert.equal(headerOf(markdown, "Rôle"), undefined);
    assert.equal(headerOf(markdown, ":---:"), undefined);
    assert.equal(headerOf(markdown, "Appeler"), undefined);
    assert.equal(headerOf(markdown, "Contacts"), undefined);
  });

  it("reads tables without outer pipes and with escaped pipes", () => {
    const text = "Name | Phone\n--- | ---\nSarah Connor | 555-0100\nA \\| B | x\n";
    assert.equal(headerOf(text, "Sarah"), "Name");
    assert.equal(headerOf(text, "555-0100"), "Phone");
    assert.equal(headerOf(text, "x\n"), "Phone");
  });

  it("lines with pipes but no separator row are not a table", () => {
    const text = "a | b\nCamille | Devaux\n";
    assert.equal(headerOf(text, "Devaux"), undefined);
    assert.equal(headerOf("cat x | grep Camille | wc -l\n", "Camille"), undefined);
  });

  it("reads CSV, semicolon and TSV headers, with quoted fields", () => {
    const csv = 'Prénom,Nom,Email\nCamille,Devaux,c@x.fr\n"Jean, dit Jeannot",Dupont,j@x.fr\n';
    assert.equal(headerOf(csv, "Devaux"), "Nom");
    assert.equal(headerOf(csv, "Dupont"), "Nom");
    assert.equal(headerOf(csv, "Jean, dit"), "Prénom");
    assert.equal(headerOf(csv, "Prénom"), undefined);
    const semi = "nom;téléphone\r\nDevaux;0612345678\r\n";
    assert.equal(headerOf(semi, "0612345678"), "téléphone");
    const tsv = '"Contact"\tMobile\nTom Becker\t+44 20 7946 0000\n';
    assert.equal(headerOf(tsv, "Tom"), "Contact");
    assert.equal(headerOf(tsv, "+44"), "Mobile");
  });

  it("a CSV block ends where the delimiter count changes", () => {
    const text = "Bonjour, voici la liste.\nNom,Ville\nDevaux,Lyon\n";
    assert.equal(headerOf(text, "Devaux"), "Nom");
    assert.equal(headerOf("Une phrase sans virgule.\nDevaux, Lyon\n", "Devaux"), undefined);
  });

  it("prose lines with long cells are not headers", () => {
    const text = "Nous avons parlé avec le client de la refonte complète du site vitrine, puis\ndu budget prévu pour la seconde phase du projet qui commence en mai, et Camille\n";
    assert.equal(headerOf(text, "Camille"), undefined);
  });

  it("answers offsets in any order and across several tables", () => {
    const text = "| Nom |\n|---|\n| Devaux |\n\n| Ville |\n|---|\n| Lyon |\n\nNom;Tel\nA;1\n";
    const columns = new TableColumns(text);
    assert.equal(columns.headerAt(text.indexOf("Lyon"))?.header, "Ville");
    assert.equal(columns.headerAt(text.indexOf("Devaux"))?.header, "Nom");
    assert.equal(columns.headerAt(text.indexOf("A;1"))?.header, "Nom");
    assert.equal(columns.headerAt(text.indexOf(";1") + 1)?.header, "Tel");
    assert.equal(columns.headerAt(-1), undefined);
    assert.equal(columns.headerAt(text.length), undefined);
  });

  it("stays linear on a long table asked cell by cell", () => {
    const rows = 20000;
    const text = "| Nom | Tel |\n|---|---|\n" + "| Camille Devaux | 0612345678 |\n".repeat(rows);
    const columns = new TableColumns(text);
    let found = 0;
    const t0 = Date.now();
    for (let at = text.indexOf("Camille"); at !== -1; at = text.indexOf("Camille", at + 1)) {
      if (columns.headerAt(at)?.header === "Nom") found++;
    }
    assert.equal(found, rows);
    assert.ok(Date.now() - t0 < 2000);
    const lines = "a|b\n".repeat(50000);
    const noTable = new TableColumns(lines);
    for (let at = 0; at < lines.length; at += 4) assert.equal(noTable.headerAt(at), undefined);
  });
});
