/**
 * Issue 16: every credential type of gitleaks' rule set, in every assignment syntax, and the
 * one placeholder check that keeps samples silent. The gitleaks table and its values are in
 * test/gitleaks-coverage.ts (values built from the formats, not copied).
 */
import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { anonymize, isPlaceholderSecret, listRules, maskValue, scan, Scanner, Vault } from "../../src/engine";
import { fake } from "../../src/engine/rules/fake";
import { base62, crc32, hasGithubChecksum } from "../../src/engine/validate/github";
import { COVERED, LEFT_OUT } from "../gitleaks-coverage";

const candidates = new Scanner({ categories: { pii: false, term: false }, directives: false });
const secrets = (text: string) => scan(text, { categories: { pii: false, term: false } });
const show = (text: string) => JSON.stringify(text.length > 60 ? text.slice(0, 40) + "…" : text);

/** `{n}` is the name as written in camelCase code, `{N}` in upper case, `{v}` the value. */
const SYNTAXES: Record<string, string> = {
  "ini quoted": '{n}Token="{v}"',
  "ini spaced": "{n}Token = {v}",
  ".env / properties": "{N}_TOKEN={v}",
  ".env inside a JSON string": '{"env": "HOST=db.internal\\n{N}_TOKEN={v}\\nPORT=5432"}',
  ".env inside a YAML string": 'config: "HOST=db\\n{N}_TOKEN={v}\\n"',
  JSON: '{\n  "{n}_token": "{v}"\n}',
  "JSON escaped in a string": '"{\\"{n}_token\\": \\"{v}\\"}"',
  YAML: "{n}_token: {v}",
  "YAML quoted": "{n}_token: '{v}'",
  "YAML literal block": "{n}_token: |\n  {v}\n",
  "YAML folded block": "{n}_token: >-\n  {v}\n",
  TOML: '[service]\n{n}_token = "{v}"',
  HCL: 'variable "x" {\n  {n}_token = "{v}"\n}',
  "XML element": "<{n}Token>{v}</{n}Token>",
  "XML element across lines": "<{n}Token>\n    {v}\n</{n}Token>",
  "XML attribute": '<entry name="{n}Token" value="{v}" />',
  "XML attribute across lines": '<add key="{n}Token"\n     value="{v}" />',
  "shell export": "export {N}_TOKEN={v}",
  "shell export quoted": "export {N}_TOKEN='{v}'",
  "Makefile =": "{N}_TOKEN = {v}",
  "Makefile :=": "{N}_TOKEN := {v}",
  "Makefile ::=": "{N}_TOKEN ::= {v}",
  "Makefile :::=": "{N}_TOKEN :::= {v}",
  "Makefile ?=": "{N}_TOKEN ?= {v}",
  "Makefile +=": "{N}_TOKEN += {v}",
  "Dockerfile ENV": "ENV {N}_TOKEN={v}",
  "Dockerfile ARG": "ARG {N}_TOKEN={v}",
  "docker-compose environment": "services:\n  app:\n    environment:\n      - {N}_TOKEN={v}",
  "GitHub Actions env": "jobs:\n  build:\n    env:\n      {N}_TOKEN: {v}",
  Go: 'var {n}Token string = "{v}"',
  "Go short": '{n}Token := "{v}"',
  "Go raw string": "{n}Token := `{v}`",
  Java: 'private static final String {n}Token = "{v}";',
  "Java setProperty": 'System.setProperty("{N}_TOKEN", "{v}");',
  "Java annotation default": '@Value("${{n}.token:{v}}")',
  "Kotlin typed": 'val {n}Token: String = "{v}"',
  "C#": 'string {n}Token = "{v}";',
  "PHP =": "${n}Token = '{v}';",
  "PHP .=": '${n}Token .= "{v}";',
  "PHP define": "define('{N}_TOKEN', '{v}');",
  "PHP array": "'{n}_token' => '{v}',",
  Ruby: "{n}_token = '{v}'",
  "Ruby hash": "{ {n}_token: '{v}' }",
  Python: '{n}_token = "{v}"',
  "Python typed": '{n}_token: str = "{v}"',
  Rust: 'const {N}_TOKEN: &str = "{v}";',
  Swift: 'let {n}Token: String = "{v}"',
  PowerShell: '$env:{N}_TOKEN = "{v}"',
  CSV: "{n}Token,{v},",
  "Logstash / Perl": '  "{n}Token" => "{v}"',
};

function fill(template: string, name: string, value: string): string {
  return template.replaceAll("{n}", name).replaceAll("{N}", name.toUpperCase().replace(/[^A-Z0-9]/g, "_")).replaceAll("{v}", value);
}

describe("credential coverage: the shared placeholder check", () => {
  const silent = [
    "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "AKIAXXXXXXXXXXXXXXXX",
    "glpat-XXXXXXXXXXX-XXXXXXXX",
    "sk_live_AAAAAAAAAAAAAAAAAAAAAAAA",
    "00000000000000000000",
    "1234567890abcdef1234567890abcdef",
    "abcdefghijklmnopqrstuvwxyz012345",
    "zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210",
    "glsa_abcdefghijklmnopqrstuvwxyz012345_89abcdef",
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "xoxb-not-a-real-token-this-will-not-work",
    "YOUR_API_TOKEN_HERE",
    "your-token-here",
    "<api-token>",
    "${API_TOKEN}",
    "{{ api_token }}",
    "sk-EXAMPLE-" + fake(30),
    "sample_" + fake(24),
    "DUMMY" + fake(20),
    "fake_" + fake(24),
    "REDACTED",
    "tok_***hidden***",
    "abababababababab",
  ];
  for (const value of silent) it(`takes ${show(value)} for a placeholder`, () => assert.equal(isPlaceholderSecret(value), true));
  const real = [
    "ghp_" + fake(36, undefined, 5),
    "AKIA" + fake(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 6),
    "glpat-" + fake(20, undefined, 7),
    "sk_live_" + fake(24, undefined, 8),
    fake(32, "0123456789abcdef", 9),
    fake(11, undefined, 10) + "AAAAAAAAAA" + fake(43, undefined, 11),
    "A".repeat(22) + fake(90, undefined, 12),
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + fake(200, undefined, 13),
    "Summer2024!x",
    "Tr0ub4dor&3",
  ];
  for (const value of real) it(`takes ${show(value)} for a real value`, () => assert.equal(isPlaceholderSecret(value), false));

  it("is what every secret rule goes through: a placeholder in any rule's own format stays silent", () => {
    const texts = ["GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX", "GITLAB_TOKEN=glpat-XXXXXXXXXXX-XXXXXXXX", "DATABRICKS_TOKEN=dapi1234567890abcdef1234567890abcdef", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"];
    for (const text of texts) assert.deepEqual(secrets(text).map((f) => f.ruleId), [], text);
  });
});

describe("credential coverage: assignment syntaxes", () => {
  const token = "q7Xk2Lm9Pz4Rt8Wv3Ny6Bc1D";
  const password = "Tr0ub4dor3xQ";
  const placeholders = ["xxxxxxxxxxxxxxxxxxxxxxxx", "YOUR_API_TOKEN_HERE", "${API_TOKEN}", "<your-token>", "1234567890abcdef1234", "EXAMPLEKEY1234567890", "changeme"];
  for (const [syntax, template] of Object.entries(SYNTAXES)) {
    it(`${syntax}: finds a token, a password, and stays silent on placeholders`, () => {
      const text = fill(template, "deploy", token);
      const found = secrets(text).map((f) => text.slice(f.start, f.end));
      assert.deepEqual(found, [token], `${text} → ${found.map((v) => maskValue(v, "secret", "x")).join(", ")}`);
      const pw = fill(template.replace("Token", "Password").replace("_token", "_password").replace("_TOKEN", "_PASSWORD").replace(".token", ".password"), "db", password);
      assert.ok(
        secrets(pw).some((f) => pw.slice(f.start, f.end) === password),
        `password not found in ${pw}`,
      );
      for (const placeholder of placeholders) {
        const quiet = fill(template, "deploy", placeholder);
        assert.deepEqual(secrets(quiet).map((f) => f.ruleId), [], quiet);
      }
    });
  }

  const files: [string, string, string][] = [
    [".npmrc", "//registry.npmjs.org/:_authToken=" + "8f3c2a91-5d7e-4b06-a1c9-7e24d8b3f605", "8f3c2a91-5d7e-4b06-a1c9-7e24d8b3f605"],
    [".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc" + fake(60, undefined, 31), "pypi-AgEIcHlwaS5vcmc" + fake(60, undefined, 31)],
    [".netrc", "machine api.example.com\n  login deploy\n  password " + fake(20, undefined, 32), fake(20, undefined, 32)],
    [".git-credentials", "https://deploy:" + fake(24, undefined, 33) + "@github.example.com", fake(24, undefined, 33)],
    ["NuGet packageSourceCredentials", '<packageSourceCredentials>\n  <acme>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="' + fake(20, undefined, 34) + '" />\n  </acme>\n</packageSourceCredentials>', fake(20, undefined, 34)],
    ["Maven settings.xml", "<server>\n  <id>nexus</id>\n  <username>ci</username>\n  <password>" + fake(18, undefined, 35) + "</password>\n</server>", fake(18, undefined, 35)],
    ["JDBC", "jdbc:postgresql://db.internal:5432/app?user=app&password=" + fake(16, undefined, 36) + "&ssl=true", fake(16, undefined, 36)],
    ["ODBC", "Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=app;Pwd=" + fake(16, undefined, 37) + ";", fake(16, undefined, 37)],
    ["Kubernetes Secret data", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  api-key: " + Buffer.from(fake(24, undefined, 38)).toString("base64") + "\n", Buffer.from(fake(24, undefined, 38)).toString("base64")],
    ["Dockerfile ENV without =", "FROM node:20\nENV NPM_TOKEN " + fake(36, undefined, 41) + "\nRUN npm ci", fake(36, undefined, 41)],
    ["curl -u", "curl -u deploy:" + fake(20, undefined, 39) + " https://ci.example.com/api", fake(20, undefined, 39)],
    ["curl -H Authorization", "curl -H 'Authorization: Bearer " + fake(40, undefined, 40) + "' https://api.example.com", fake(40, undefined, 40)],
  ];
  for (const [syntax, text, value] of files) {
    it(`${syntax}: finds the credential`, () => {
      assert.ok(
        secrets(text).some((f) => text.slice(f.start, f.end) === value),
        `${syntax}: ${secrets(text).map((f) => f.ruleId + " " + f.preview).join(", ") || "nothing"}`,
      );
    });
  }

  it("Kubernetes Secret data: a base64 placeholder stays silent", () => {
    const text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  password: cGFzc3dvcmQ=\n  token: " + Buffer.from("changeme").toString("base64") + "\n";
    assert.deepEqual(secrets(text).map((f) => f.ruleId), []);
  });
});

describe("credential coverage: gitleaks' rule set", () => {
  const ids = new Set(listRules().map((r) => r.id));
  it("maps every gitleaks rule to a Veil rule that exists, or says why it is left out", () => {
    for (const c of COVERED) assert.ok(ids.has(c.veil), `${c.gitleaks} → ${c.veil}: no such rule`);
    assert.ok(COVERED.length + LEFT_OUT.length >= 220, `${COVERED.length + LEFT_OUT.length} entries`);
  });
  for (const c of COVERED) {
    const texts = c.name ? Object.entries(SYNTAXES).map(([syntax, t]) => [syntax, fill(t, c.name as string, c.value)]) : [["as is", c.value], ["quoted in code", `const credential = "${c.value}";`]];
    it(`${c.gitleaks}: ${c.veil} finds it${c.name ? " in every syntax" : ""}`, () => {
      const misses: string[] = [];
      for (const [syntax, text] of texts) {
        if (!c.name && syntax !== "as is" && /[\s"]/.test(c.value)) continue;
        const mine = candidates.candidates(text).filter((x) => x.ruleId === c.veil);
        if (mine.length === 0) misses.push(syntax);
      }
      assert.deepEqual(misses, []);
    });
  }
});

describe("credential coverage: GCP service-account key file", () => {
  it("anonymizes the key, its id, the account's e-mail, client id and certificate URL", () => {
    const keyId = fake(40, "0123456789abcdef", 51);
    const file = `{
  "type": "service_account",
  "project_id": "acme-prod-381022",
  "private_key_id": "${keyId}",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fake(64, undefined, 52)}\\n${fake(64, undefined, 53)}\\n-----END PRIVATE KEY-----\\n",
  "client_email": "deployer@acme-prod-381022.iam.gserviceaccount.com",
  "client_id": "104839201938475620193",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/deployer%40acme-prod-381022.iam.gserviceaccount.com"
}`;
    const { text } = anonymize(file, new Vault());
    for (const gone of [keyId, "BEGIN PRIVATE KEY", "deployer", "104839201938475620193"]) assert.ok(!text.includes(gone), `${gone.slice(0, 8)}… left in clear`);
    assert.ok(text.includes('"type": "service_account"') && text.includes("https://accounts.google.com/o/oauth2/auth"), "the rest of the file is kept");
  });
});

describe("credential coverage: structure checks", () => {
  it("GitHub tokens whose CRC32 suffix holds are certain; others stay findings at the rule's confidence", () => {
    const body = fake(30, undefined, 61);
    const minted = "ghp_" + body + base62(crc32(body), 6);
    const typed = "ghp_" + body + "Zz9Yy8";
    assert.equal(hasGithubChecksum(minted), true);
    assert.equal(hasGithubChecksum(typed), false);
    const [a] = secrets(`GITHUB_TOKEN=${minted}`);
    const [b] = secrets(`GITHUB_TOKEN=${typed}`);
    assert.equal(a.confidence, 0.99);
    assert.ok(b.confidence < 0.99 && b.confidence >= 0.5);
  });

  it("a JWT needs a header that decodes to JSON with `alg`; a base64-wrapped JWT is checked the same way once unwrapped", () => {
    const payload = Buffer.from('{"sub":"u-7"}').toString("base64url");
    const sig = fake(43, undefined, 62);
    const good = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString("base64url") + "." + payload + "." + sig;
    const noAlg = Buffer.from('{"typ":"JWT","x":1}').toString("base64url") + "." + payload + "." + sig;
    assert.deepEqual(secrets(`token: ${good}`).map((f) => f.kind), ["jwt"]);
    assert.deepEqual(secrets(`token: ${noAlg}`).filter((f) => f.ruleId === "jwt"), []);
    const wrapped = Buffer.from(good).toString("base64");
    assert.ok(secrets(`JWT_B64=${wrapped}`).some((f) => f.ruleId === "jwt-base64"));
    assert.deepEqual(secrets(`JWT_B64=${Buffer.from(noAlg).toString("base64")}`).filter((f) => f.ruleId === "jwt-base64"), []);
  });
});

describe("credential coverage: detect-secrets' test data", () => {
  const root = join(__dirname, "..", "..", "..", "..", "shared", "corpus", "detect-secrets-testdata");
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  it("prints every secret found, and finds none in the files written to hold none", function () {
    if (!existsSync(root)) this.skip();
    const clean = /file_with_no_secrets|only_comments|word_list|best-songs/;
    const lines: string[] = [];
    const inClean: string[] = [];
    for (const file of walk(root).sort()) {
      const text = readFileSync(file, "utf8");
      if (text.includes("\u0000")) continue;
      for (const f of secrets(text)) {
        const line = `${relative(root, file)} ${f.ruleId} ${f.preview}`;
        lines.push(line);
        if (clean.test(file)) inClean.push(line);
      }
    }
    console.log(`      ${lines.length} secret findings:\n        ${lines.join("\n        ")}`);
    assert.deepEqual(inClean, []);
  });
});
