import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Scanner } from "../../src/engine";

/**
 * Detection measured on work nobody in this project wrote: presidio-research's synthetic
 * PII set (1,500 English records). A prediction counts as right when it overlaps a gold
 * span of the mapped entity type. Offsets in the file are JS string (UTF-16) offsets:
 * checked below by slicing every span back to its value.
 */
const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/presidio-synth/synth_dataset_v2.json");

interface Span {
  entity_type: string;
  entity_value: string;
  start_position: number;
  end_position: number;
}
interface Record {
  full_text: string;
  spans: Span[];
}

const ENTITY_OF_KIND: { [kind: string]: string } = {
  email: "EMAIL_ADDRESS",
  "credit-card": "CREDIT_CARD",
  iban: "IBAN_CODE",
  "us-ssn": "US_SSN",
  "ip-address": "IP_ADDRESS",
  phone: "PHONE_NUMBER",
  person: "PERSON",
  address: "STREET_ADDRESS",
};
/** Precision and recall floors. PERSON and STREET_ADDRESS: what the rule-based passes reach today, held (issue 13 asks 0.85 / 0.85 and recall 0.80). */
const FLOOR: { [entity: string]: { precision: number; recall: number } } = {
  EMAIL_ADDRESS: { precision: 0.9, recall: 0.9 },
  CREDIT_CARD: { precision: 0.9, recall: 0.9 },
  IBAN_CODE: { precision: 0.9, recall: 0.9 },
  US_SSN: { precision: 0.9, recall: 0.9 },
  IP_ADDRESS: { precision: 0.9, recall: 0.9 },
  PHONE_NUMBER: { precision: 0.8, recall: 0.8 },
  PERSON: { precision: 0.9, recall: 0.85 },
  STREET_ADDRESS: { precision: 0.9, recall: 0.82 },
};

function overlaps(a: { start: number; end: number }, b: Span): boolean {
  return a.start < b.end_position && b.start_position < a.end;
}

describe("presidio synthetic PII corpus", function () {
  // Without ../shared beside the checkout, the suite says what is missing and is skipped instead of breaking the whole run.
  const present = fs.existsSync(CORPUS);
  const records = present ? (JSON.parse(fs.readFileSync(CORPUS, "utf8")) as Record[]) : [];
  const scanner = new Scanner();
  const stats = new Map<string, { gold: number; found: number; predicted: number; correct: number }>();
  for (const entity of Object.values(ENTITY_OF_KIND)) stats.set(entity, { gold: 0, found: 0, predicted: 0, correct: 0 });

  before(function () {
    if (!present) {
      console.warn(`presidio corpus skipped: ${CORPUS} is missing (clone the project with ../shared beside it)`);
      this.skip();
    }
    for (const record of records) {
      const findings = scanner.scan(record.full_text).filter((f) => f.category === "pii" && ENTITY_OF_KIND[f.kind]);
      for (const span of record.spans) {
        const s = stats.get(span.entity_type);
        if (!s) continue;
        s.gold++;
        if (findings.some((f) => ENTITY_OF_KIND[f.kind] === span.entity_type && overlaps(f, span))) s.found++;
      }
      for (const f of findings) {
        const entity = ENTITY_OF_KIND[f.kind];
        const s = stats.get(entity)!;
        s.predicted++;
        if (record.spans.some((span) => span.entity_type === entity && overlaps(f, span))) s.correct++;
      }
    }
    const table: { [entity: string]: { gold: number; predicted: number; precision: string; recall: string } } = {};
    for (const [entity, s] of stats) {
      table[entity] = { gold: s.gold, predicted: s.predicted, precision: (s.correct / Math.max(1, s.predicted)).toFixed(3), recall: (s.found / Math.max(1, s.gold)).toFixed(3) };
    }
    console.table(table);
  });

  it("has offsets that are UTF-16 string offsets", () => {
    let checked = 0;
    for (const record of records) {
      for (const span of record.spans) {
        assert.equal(record.full_text.slice(span.start_position, span.end_position), span.entity_value);
        checked++;
      }
    }
    assert.ok(checked > 1000);
  });

  for (const [entity, floor] of Object.entries(FLOOR)) {
    it(`${entity}: precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
      const s = stats.get(entity)!;
      assert.ok(s.gold > 0, `no gold ${entity} spans in the corpus`);
      const precision = s.correct / Math.max(1, s.predicted);
      const recall = s.found / s.gold;
      assert.ok(recall >= floor.recall, `${entity} recall ${recall.toFixed(3)} < ${floor.recall} (${s.found}/${s.gold})`);
      assert.ok(precision >= floor.precision, `${entity} precision ${precision.toFixed(3)} < ${floor.precision} (${s.correct}/${s.predicted})`);
    });
  }
});
