import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { extractErrorSnippet, restore, scan, Vault, type ErrorSnippet, type SnippetOptions } from "../../src/engine";

const FIXTURES = resolve(__dirname, "../../../test/fixtures/snippet");
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), "utf8");
const [GITHUB_TOKEN, NPM_TOKEN, STRIPE_KEY] = fixture("TOKENS.txt").trim().split("\n");

/** A source file whose line `n` holds `lines[n]`, the others filler, `total` lines long. */
function source(total: number, lines: Record<number, string>, filler = (n: number) => `  step(${n});`): string {
  const out: string[] = [];
  for (let n = 1; n <= total; n++) out.push(lines[n] ?? filler(n));
  return out.join("\n") + "\n";
}

function reader(files: Record<string, string>, reads?: string[]): SnippetOptions["readFile"] {
  return (p) => {
    reads?.push(p);
    return Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined;
  };
}

/** Everything that goes out: the Markdown and every string of the structured form. */
function everything(s: ErrorSnippet): string {
  return [s.markdown, s.headline, s.errorText, JSON.stringify(s.frames), JSON.stringify(s.excerpt ?? {}), JSON.stringify(s.errors)].join("\n");
}

/** No finding of the engine, and none of the given values, anywhere in what goes out. */
function assertClean(s: ErrorSnippet, forbidden: readonly string[]): void {
  const all = everything(s);
  const findings = scan(s.markdown);
  assert.deepEqual(
    findings.map((f) => `${f.kind} ${f.preview}`),
    [],
    "the engine still finds something in the Markdown",
  );
  for (const value of forbidden) {
    const re = new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9])`, "i");
    assert.ok(!re.test(all), `"${value}" is still in the output:\n${s.markdown}`);
  }
  assert.ok(!/\/home\/|\/Users\/|[A-Za-z]:\\Users\\/.test(all), `a home path is still in the output:\n${s.markdown}`);
}

function lineOf(text: string, needle: string): string {
  const line = text.split("\n").find((l) => l.includes(needle));
  assert.ok(line !== undefined, `no line with ${JSON.stringify(needle)} in:\n${text}`);
  return line;
}

/** The excerpt marks `line` and shows `context` lines either side (fewer at the file's edges). */
function assertExcerpt(s: ErrorSnippet, path: string, line: number, failing: string, context = 3): void {
  assert.ok(s.excerpt, `no excerpt:\n${s.markdown}`);
  assert.equal(s.excerpt.path, path);
  assert.equal(s.excerpt.line, line);
  const marked = s.excerpt.text.split("\n").filter((l) => l.startsWith(">"));
  assert.equal(marked.length, 1, s.excerpt.text);
  assert.match(marked[0], new RegExp(`^> ${line} \\| `));
  assert.ok(marked[0].includes(failing), `marked line is ${JSON.stringify(marked[0])}`);
  const numbers = s.excerpt.text.split("\n").map((l) => Number(/^[> ]\s*(\d+) \|/.exec(l)?.[1]));
  assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => numbers[0] + i));
  assert.equal(numbers[0], Math.max(1, line - context));
  assert.ok(s.markdown.includes(`\`\`\`${s.excerpt.language}\n${s.excerpt.text}\n\`\`\``), "excerpt fenced with its language");
}

describe("error snippets from real-looking output", () => {
  it("Node: keeps the caret block, the message verbatim, user frames; folds express and node:internal; excerpt around line 42", async () => {
    const vault = new Vault();
    const files = {
      "src/orders/total.js": source(50, {
        40: `const GITHUB_TOKEN = "${GITHUB_TOKEN}";`,
        41: "function orderTotal(order) {",
        42: "  return order.items.map((item) => item.price * item.qty).reduce((a, b) => a + b, 0);",
        43: "}",
        44: "// owner: alice.martin@acme-shop.com",
      }),
    };
    const s = await extractErrorSnippet(fixture("node.log"), { workspaceRoots: ["/home/alice/projects/shop"], readFile: reader(files), vault });
    assert.ok(s);
    assert.equal(s.headline, "TypeError: Cannot read properties of undefined (reading 'map')");
    assert.ok(s.markdown.startsWith("### Error: TypeError: Cannot read properties of undefined (reading 'map')\n"));
    assert.ok(s.errorText.includes("TypeError: Cannot read properties of undefined (reading 'map')\n    at orderTotal (src/orders/total.js:42:22)"));
    assert.ok(s.errorText.startsWith("src/orders/total.js:42\n  return order.items.map("), "the caret block comes first, path relative");
    assert.equal(lineOf(s.errorText, "express").trim(), "… 7 frames in express");
    assert.equal(lineOf(s.errorText, "node:internal").trim(), "… 1 frame in node:internal");
    assert.ok(s.errorText.includes("    at loadOrder (src/middleware/loadOrder.js:9:5)"));
    assert.ok(!s.errorText.includes("node_modules"), "library frames are folded");
    assert.ok(!s.errorText.includes("nodemon") && !s.errorText.includes("listening on"), "unrelated log lines are dropped");
    assertExcerpt(s, "src/orders/total.js", 42, "return order.items.map(");
    assert.ok(s.excerpt!.text.includes("[GITHUB_TOKEN_1]") || s.excerpt!.text.includes("[GITHUB"), s.excerpt!.text);
    assert.ok(s.excerpt!.text.includes("[EMAIL_1]"));
    assert.equal(s.excerpt!.language, "javascript");
    assert.deepEqual(
      s.frames.filter((f) => !f.folded).map((f) => `${f.file}:${f.line}`),
      ["src/orders/total.js:42", "src/orders/total.js:42", "src/routes/orders.js:18", "src/middleware/loadOrder.js:9"],
    );
    assert.deepEqual(s.frames.filter((f) => f.folded).map((f) => [f.library, f.folded]), [["express", 7], ["node:internal", 1]]);
    assertClean(s, [GITHUB_TOKEN, "alice", "alice.martin@acme-shop.com", "db.internal.acme.corp", "10.20.4.17"]);
    // The answer comes back with placeholders: restore gives the real values.
    assert.ok(restore(s.excerpt!.text, vault).text.includes(GITHUB_TOKEN));
    assert.ok(s.replacements >= 2);
  });

  it("Chrome: keeps the user's components, folds the Vite-bundled react-dom, hides non-public hosts", async () => {
    const files = { "src/components/CartLine.tsx": source(20, { 14: "  const label = `${line.product.price} €`;" }) };
    const s = await extractErrorSnippet(fixture("chrome.log"), { readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "TypeError: Cannot read properties of null (reading 'price')");
    assert.ok(s.errorText.includes("Uncaught TypeError: Cannot read properties of null (reading 'price')"));
    assert.equal(lineOf(s.errorText, "react-dom").trim(), "… 4 frames in react-dom");
    assert.ok(s.errorText.includes("at CartLine (http://localhost:5173/src/components/CartLine.tsx:14:31)"), "localhost stays");
    assert.match(lineOf(s.errorText, "fetchCart"), /at fetchCart \(https:\/\/\[HOST_\d+\]\/assets\/api-4b1c9d\.js:2:1187\)/);
    assertExcerpt(s, "src/components/CartLine.tsx", 14, "line.product.price");
    assert.equal(s.excerpt!.language, "tsx");
    assert.equal(s.language, "tsx");
    assertClean(s, ["staging.acme-shop.io", "api.acme-shop.io", "bob.dupont@acme-shop.io", "bob"]);
  });

  it("Firefox/Safari: fn@url:line:col frames", async () => {
    const files = { "js/orders.js": source(50, { 42: "  return order.items.reduce(sum, 0);" }) };
    const s = await extractErrorSnippet(fixture("firefox.log"), { readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "TypeError: order.items is undefined");
    assert.ok(s.errorText.includes("orderTotal@http://localhost:8080/js/orders.js:42:16\nrenderSummary@"));
    assert.equal(lineOf(s.errorText, "redux").trim(), "… 1 frame in redux");
    assert.ok(s.errorText.includes("@http://localhost:8080/js/main.js:7:3"));
    assertExcerpt(s, "js/orders.js", 42, "order.items.reduce");
  });

  it("Python: chained traceback as one error, the final exception as headline, site-packages folded, innermost user frame excerpted", async () => {
    const files = {
      "invoicer/importer.py": source(60, { 27: '        amount = Decimal(row["amount"])', 29: '        raise ImportError_(f"bad amount in row {row[\'id\']}") from None' }, (n) => `    # line ${n}`),
    };
    const s = await extractErrorSnippet(fixture("python.log"), { workspaceRoots: ["/Users/bob/code/invoicer"], readFile: reader(files), contextLines: 2 });
    assert.ok(s);
    assert.match(s.headline, /^invoicer\.errors\.ImportError_: bad amount in row 118 from \[IP_\d+\]$/);
    assert.ok(s.errorText.includes("decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):"));
    assert.ok(s.errorText.includes('  File "invoicer/importer.py", line 27, in parse_row\n    amount = Decimal(row["amount"])\n             ^^^^^^'), "frame with its source and caret lines");
    assert.equal(lineOf(s.errorText, "click").trim(), "… 2 frames in click");
    assert.ok(!s.errorText.includes("site-packages"));
    assert.ok(!s.errorText.includes("worker stopped") && !s.errorText.includes("worker started"), "log records after and before are dropped");
    assert.ok(s.errorText.startsWith("2024-05-14 09:30:12,002 ERROR Exception while importing invoices (contact: [EMAIL_"), "the logging line that introduces the traceback");
    assertExcerpt(s, "invoicer/importer.py", 29, "raise ImportError_", 2);
    assert.equal(s.excerpt!.language, "python");
    assertClean(s, ["bob", "carol.smith@acme-shop.fr", "192.168.1.40", NPM_TOKEN, "hunter2", "db.internal.acme.corp", "build-07.lan"]);
  });

  it("pytest: the failing test's section, E lines verbatim, the location line as frame", async () => {
    const files = { "tests/test_orders.py": source(20, { 10: "def test_total():", 12: "    assert order.total() == 30" }) };
    const s = await extractErrorSnippet(fixture("pytest.log"), { workspaceRoots: ["/home/alice/projects/shop-api"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "test_total: AssertionError: assert 25 == 30");
    assert.ok(s.errorText.includes(">       assert order.total() == 30\nE       AssertionError: assert 25 == 30"));
    assert.ok(s.errorText.includes("tests/test_orders.py:12: AssertionError"));
    assert.ok(!s.errorText.includes("test session starts") && !s.errorText.includes("platform linux"));
    assertExcerpt(s, "tests/test_orders.py", 12, "assert order.total() == 30");
    assertClean(s, ["alice", "alice@acme-shop.com"]);
  });

  it("Java (Spring log): Caused by chain, ... N more kept, java/spring/apache/postgresql frames folded, file found by package", async () => {
    const files = { "src/main/java/com/acme/shop/orders/OrderService.java": source(70, { 58: '            throw new IllegalStateException("Could not load order " + id, e);' }) };
    const reads: string[] = [];
    const s = await extractErrorSnippet(fixture("java.log"), { readFile: reader(files, reads) });
    assert.ok(s);
    assert.equal(s.headline, "java.lang.IllegalStateException: Could not load order 1042");
    assert.ok(s.errorText.startsWith("java.lang.IllegalStateException: Could not load order 1042\n\tat com.acme.shop.orders.OrderService.load(OrderService.java:58)\n\tat com.acme.shop.orders.OrderController.show(OrderController.java:31)\n\t… 7 frames in java, spring, apache\n"));
    assert.match(s.errorText, /Caused by: org\.postgresql\.util\.PSQLException: Connection to \[HOST_\d+\]:5432 refused\./);
    assert.ok(s.errorText.includes("\t… 2 frames in postgresql\n\tat com.acme.shop.db.Pool.borrow(Pool.java:77)"));
    assert.ok(s.errorText.includes("\t... 7 more") && s.errorText.includes("\t... 11 more"));
    assert.ok(s.errorText.includes("Caused by: java.net.ConnectException: Connection refused\n\t… 2 frames in java"));
    assert.ok(!s.errorText.includes("AccessLog") && !s.errorText.includes("Started ShopApplication"));
    assertExcerpt(s, "src/main/java/com/acme/shop/orders/OrderService.java", 58, "throw new IllegalStateException");
    assert.ok(reads.every((p) => !p.includes("..") && !p.startsWith("/")));
    assertClean(s, ["db.internal.acme.corp", "carol@acme-shop.com", "10.0.3.12"]);
  });

  it("Kotlin: KotlinNullPointerException, Cart.kt found under src/main/kotlin", async () => {
    const files = { "src/main/kotlin/com/acme/shop/cart/Cart.kt": source(30, { 23: "fun subtotal(cart: Cart?) = cart!!.lines.sumOf { it.total }" }) };
    const s = await extractErrorSnippet(fixture("kotlin.log"), { readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "kotlin.KotlinNullPointerException");
    assert.equal(s.language, "kotlin");
    assertExcerpt(s, "src/main/kotlin/com/acme/shop/cart/Cart.kt", 23, "cart!!.lines");
    assert.equal(s.excerpt!.language, "kotlin");
  });

  it("Go: panic, the running goroutine with user frames, gin and net/http folded, idle goroutines counted", async () => {
    const files = { "internal/orders/service.go": source(50, { 42: "\treturn s.repo.Sum(items)" }, (n) => `\t// ${n}`) };
    const s = await extractErrorSnippet(fixture("go.log"), { workspaceRoots: ["/home/alice/src/shopd"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "panic: runtime error: invalid memory address or nil pointer dereference");
    assert.ok(s.errorText.includes("[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x7d2a1c]"));
    assert.ok(s.errorText.includes("github.com/acme/shopd/internal/orders.(*Service).Total(0x0, {0xc0001a2f00, 0x4})\n\tinternal/orders/service.go:42 +0x1c"));
    assert.equal(lineOf(s.errorText, "gin").trim(), "… 5 frames in github.com/gin-gonic/gin, net/http");
    assert.ok(s.errorText.includes("main.main()\n\tcmd/shopd/main.go:61 +0x2e5"), "another goroutine that runs user code is kept");
    assert.ok(s.errorText.includes("… 1 other goroutine not shown"));
    assert.ok(!s.errorText.includes("pkg/mod"));
    assert.ok(!s.errorText.includes("starting shopd"));
    assertExcerpt(s, "internal/orders/service.go", 42, "s.repo.Sum(items)");
    assertClean(s, ["alice", "orders.svc.cluster.local", "203.0.113.77"]);
  });

  it("Go: build errors and a failing test", async () => {
    const build = await extractErrorSnippet(fixture("go-build.log"));
    assert.ok(build);
    assert.equal(build.headline, "undefined: totl");
    assert.equal(build.errors.length, 2);
    const t = await extractErrorSnippet(fixture("go-test.log"), { readFile: reader({ "service_test.go": source(20, { 18: '\t\tt.Errorf("Total() = %d, want %d", got, 30)' }) }) });
    assert.ok(t);
    assert.equal(t.headline, "TestTotal: Total() = 25, want 30");
    assertExcerpt(t, "service_test.go", 18, "t.Errorf");
  });

  it("Rust: panic message, std frames folded, serde_json from the cargo registry folded, ./src/parse.rs excerpted", async () => {
    const files = { "src/parse.rs": source(100, { 88: '    let cents: u64 = s.trim().parse().unwrap();' }, (n) => `    // ${n}`) };
    const s = await extractErrorSnippet(fixture("rust.log"), { workspaceRoots: ["/Users/bob/dev/ledger"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "thread 'main' panicked: called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }");
    assert.ok(s.errorText.startsWith("thread 'main' panicked at src/parse.rs:88:41:\ncalled `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }\nstack backtrace:\n   … 4 frames in rust std\n   4: ledger::parse::amount\n             at ./src/parse.rs:88:41"));
    assert.equal(lineOf(s.errorText, "serde_json").trim(), "… 1 frame in serde_json");
    assert.ok(!s.errorText.includes("/rustc/") && !s.errorText.includes(".cargo"));
    assert.ok(!s.errorText.includes("Compiling ledger"));
    assertExcerpt(s, "src/parse.rs", 88, "parse().unwrap()");
    assertClean(s, ["bob", "10.1.2.3"]);
  });

  it(".NET: inner exception, System and Microsoft frames folded, Windows paths made workspace-relative", async () => {
    const files = { "Shop.Orders/OrderService.cs": source(60, { 42: "            var sum = order.Lines.Sum(l => l.Product.Price * l.Quantity);" }) };
    const s = await extractErrorSnippet(fixture("dotnet.log"), { workspaceRoots: ["C:\\Users\\carol\\source\\repos\\Shop"], readFile: reader(files), userName: "carol" });
    assert.ok(s);
    assert.equal(s.headline, "System.InvalidOperationException: Could not compute the total of order 1042");
    assert.ok(s.errorText.includes(" ---> System.NullReferenceException: Object reference not set to an instance of an object.\n   at Shop.Orders.OrderService.Total(Order order) in Shop.Orders\\OrderService.cs:line 42\n   … 2 frames in System\n   --- End of inner exception stack trace ---"));
    assert.ok(s.errorText.includes("in Shop.Api\\Controllers\\OrdersController.cs:line 23\n   … 3 frames in Microsoft"));
    assert.ok(!s.errorText.includes("Now listening"));
    assertExcerpt(s, "Shop.Orders/OrderService.cs", 42, "order.Lines.Sum");
    assert.equal(s.excerpt!.language, "csharp");
    assertClean(s, ["carol", "sql01.corp.acme.local", "carol.dubois@acme-shop.fr"]);
  });

  it(".NET outside the workspace: C:\\Users\\carol\\… becomes ~\\…", async () => {
    const s = await extractErrorSnippet(fixture("dotnet.log"));
    assert.ok(s);
    assert.ok(s.errorText.includes("in ~\\source\\repos\\Shop\\Shop.Orders\\OrderService.cs:line 42"), s.errorText);
    assertClean(s, ["carol"]);
  });

  it("Ruby: message on the first frame, error_highlight block, gems folded", async () => {
    const files = { "app/models/order.rb": source(20, { 12: "    items.sum { |i| i.product.price * i.qty }" }, (n) => `  # ${n}`) };
    const s = await extractErrorSnippet(fixture("ruby.log"), { workspaceRoots: ["/home/alice/projects/shop"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "NoMethodError: undefined method `price' for nil:NilClass");
    assert.ok(s.errorText.startsWith("app/models/order.rb:12:in `block in total': undefined method `price' for nil:NilClass (NoMethodError)\n\n      items.sum"));
    assert.equal(lineOf(s.errorText, "activesupport").trim(), "… 2 frames in activesupport");
    assert.ok(s.errorText.includes("\tfrom lib/tasks/report.rb:8:in `<main>'"));
    assertExcerpt(s, "app/models/order.rb", 12, "i.product.price");
    assert.equal(s.excerpt!.language, "ruby");
    assertClean(s, ["alice", "cache.internal"]);
  });

  it("Rails log: `Class (message):` over relative frames", async () => {
    const s = await extractErrorSnippet(fixture("rails.log"));
    assert.ok(s);
    assert.equal(s.headline, "NoMethodError: undefined method `price' for nil:NilClass");
    assert.ok(s.errorText.includes("app/controllers/orders_controller.rb:9:in `show'"));
    assert.ok(!s.errorText.includes("172.16.9.20") && !s.errorText.includes("Started GET"));
  });

  it("PHP: fatal error with stack, the throw site as top frame, vendor folded, warnings left out", async () => {
    const files = { "src/Service/Cart.php": source(30, { 14: "    public function total(array $items): int" }) };
    const s = await extractErrorSnippet(fixture("php.log"), { workspaceRoots: ["/var/www/shop"], readFile: reader(files) });
    assert.ok(s);
    assert.ok(s.headline.startsWith("TypeError: App\\Service\\Cart::total(): Argument #1 ($items) must be of type array, null given"), s.headline);
    assert.ok(s.errorText.includes("#0 src/Controller/CartController.php(31): App\\Service\\Cart->total(NULL)"));
    assert.equal(lineOf(s.errorText, "symfony").trim(), "… 3 frames in symfony/http-kernel, symfony/runtime");
    assert.ok(s.errorText.includes("  thrown in src/Service/Cart.php on line 14"));
    assert.ok(!s.errorText.includes("Undefined array key"), "a warning is not the error");
    assert.equal(s.errors.length, 1);
    assertExcerpt(s, "src/Service/Cart.php", 14, "public function total");
    assertClean(s, [STRIPE_KEY, "ops@acme-shop.com", "/var/www"]);
  });

  for (const name of ["tsc.log", "tsc-pretty.log"]) {
    it(`tsc (${name}): each diagnostic an error, the first one excerpted`, async () => {
      const files = { "src/orders/total.ts": source(50, { 42: "  return order.items.map((item) => item.price * item.qty);" }) };
      const s = await extractErrorSnippet(fixture(name), { readFile: reader(files) });
      assert.ok(s);
      assert.equal(s.headline, "TS2339: Property 'items' does not exist on type 'OrderSummary'.");
      assert.deepEqual(s.errors.map((e) => e.family), ["tsc", "tsc"]);
      assert.ok(s.errorText.includes("error TS2322: Type 'string' is not assignable to type 'number'."));
      assert.ok(!s.errorText.includes("npx tsc") && !s.errorText.includes("Found 2 errors"));
      assertExcerpt(s, "src/orders/total.ts", 42, "order.items.map");
      assert.equal(s.excerpt!.language, "typescript");
    });
  }

  it("gcc: the error with its context and note, the warning dropped; clang with an absolute path", async () => {
    const files = { "src/parse.c": source(40, { 27: "    return cents / 100;" }) };
    const s = await extractErrorSnippet(fixture("gcc.log"), { workspaceRoots: ["/home/alice/projects/ledger-c"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "error: 'cents' undeclared (first use in this function); did you mean 'cent'?");
    assert.ok(s.errorText.startsWith("src/parse.c: In function 'parse_amount':\nsrc/parse.c:27:12: error: 'cents' undeclared"));
    assert.ok(s.errorText.includes("   27 |     return cents / 100;\n      |            ^~~~~"));
    assert.ok(s.errorText.includes("note: each undeclared identifier"));
    assert.ok(!s.errorText.includes("unused variable") && !s.errorText.includes("make[1]"));
    assertExcerpt(s, "src/parse.c", 27, "return cents / 100;");
    assert.equal(s.excerpt!.language, "c");
    assertClean(s, ["alice"]);

    const c = await extractErrorSnippet(fixture("clang.log"), { workspaceRoots: ["/Users/bob/dev/ledger-c"], readFile: reader(files) });
    assert.ok(c);
    assert.ok(c.errorText.startsWith("src/parse.c:27:12: error: use of undeclared identifier 'cents'\n    return cents / 100;\n           ^"));
    assertExcerpt(c, "src/parse.c", 27, "return cents / 100;");
    assertClean(c, ["bob"]);
  });

  it("rustc: error[E0308] with its --> location and gutter block", async () => {
    const files = { "src/parse.rs": source(100, { 88: "    s.parse::<f64>().unwrap() * 100.0" }) };
    const s = await extractErrorSnippet(fixture("rustc.log"), { readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "error[E0308]: mismatched types");
    assert.ok(s.errorText.includes("  --> src/parse.rs:88:5\n"));
    assert.ok(s.errorText.includes("^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ expected `u64`, found `f64`"));
    assert.ok(!s.errorText.includes("could not compile"), "the summary line is not a diagnostic");
    assertExcerpt(s, "src/parse.rs", 88, "s.parse::<f64>()");
    assertClean(s, ["bob"]);
  });

  it("ESLint stylish: the file's errors, not its warnings; the summary line", async () => {
    const files = { "src/orders/total.js": source(50, { 42: "  return orderItems.length;" }) };
    const s = await extractErrorSnippet(fixture("eslint.log"), { workspaceRoots: ["/home/alice/projects/shop"], readFile: reader(files) });
    assert.ok(s);
    assert.equal(s.headline, "'orderItems' is not defined (no-undef)");
    assert.ok(s.errorText.startsWith("src/orders/total.js\n  42:10  error    'orderItems' is not defined"));
    assert.ok(!s.errorText.includes("'unused' is assigned") && !s.errorText.includes("console statement"));
    assert.ok(s.errorText.includes("✖ 3 problems (1 error, 2 warnings)"));
    assertExcerpt(s, "src/orders/total.js", 42, "orderItems.length");
    assertClean(s, ["alice"]);
  });
});

describe("error snippets: long logs, nothing found, repeats", () => {
  it("a 2,000-line log with one error gives a snippet under 10% of its size that holds the error", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) {
      if (i === 1400) lines.push(...fixture("node.log").split("\n").slice(10, 26));
      else lines.push(`2024-05-14T09:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}.${String(i).padStart(3, "0")}Z info [http] GET /api/products?page=${i} 200 ${(i * 7) % 90}ms user=customer${i}@example.com`);
    }
    const input = lines.join("\n");
    const s = await extractErrorSnippet(input, { workspaceRoots: ["/home/alice/projects/shop"] });
    assert.ok(s);
    assert.ok(s.markdown.length < input.length * 0.1, `${s.markdown.length} chars out of ${input.length}`);
    assert.equal(s.headline, "TypeError: Cannot read properties of undefined (reading 'map')");
    assert.ok(s.errorText.includes("at orderTotal (src/orders/total.js:42:22)"));
    assert.ok(!s.markdown.includes("/api/products"));
  });

  it("returns undefined when there is no error", async () => {
    assert.equal(await extractErrorSnippet("2024-05-14 info: server started\n2024-05-14 info: 0 errors, all good\n"), undefined);
    assert.equal(await extractErrorSnippet(""), undefined);
  });

  it("the same error thrown on every request is shown once, with a count", async () => {
    const one = fixture("node.log").split("\n").slice(10, 26).join("\n");
    const s = await extractErrorSnippet([one, one.replace("loadOrder.js:9:5", "loadOrder.js:9:7"), one].join("\n"));
    assert.ok(s);
    assert.equal(s.errors.length, 1);
    assert.ok(s.errorText.includes("… the same error 2 more times"), s.errorText);
  });

  it("a bare error log line is still an error (fallback)", async () => {
    const s = await extractErrorSnippet("12:00:01 info boot\n12:00:02 ERROR payment failed for order 1042: ECONNREFUSED 10.8.0.5:5432\n12:00:03 info retry\n");
    assert.ok(s);
    assert.equal(s.errors[0].family, "log");
    assert.match(s.errorText, /ERROR payment failed for order 1042: ECONNREFUSED \[IP_\d+\]:5432/);
    assert.ok(!s.errorText.includes("boot") && !s.errorText.includes("retry"));
  });
});
