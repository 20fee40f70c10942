import * as assert from "node:assert/strict";
import fc from "fast-check";
import { anonymize, extractErrorSnippet, restore, Vault, type ScanOptions } from "../../src/engine";
import { excerptCandidates, formatExcerpt, prepareLines, renderMarkdown } from "../../src/engine/snippet";
import type { ParsedFrame } from "../../src/engine/snippet/model";
import { Neutralizer } from "../../src/engine/snippet/neutralize";
import { parseErrors } from "../../src/engine/snippet/parsers";
import { fromFileUrl, languageOf, libraryOfPath, relativeTo, safeRelative } from "../../src/engine/snippet/paths";

describe("snippet paths", () => {
  it("relativizes POSIX, Windows (any case, either separator) and file:// paths; refuses what lies outside", () => {
    assert.equal(relativeTo("/home/alice/shop/src/a.js", "/home/alice/shop"), "src/a.js");
    assert.equal(relativeTo("/home/alice/shop/src/a.js", "/home/alice/shop/"), "src/a.js");
    assert.equal(relativeTo("/home/alice/shop-api/a.js", "/home/alice/shop"), undefined);
    assert.equal(relativeTo("/home/alice/shop/../secrets/a.js", "/home/alice/shop"), undefined);
    assert.equal(relativeTo("c:\\users\\carol\\Shop\\Api\\X.cs", "C:\\Users\\carol\\shop"), "Api/X.cs");
    assert.equal(relativeTo("C:/Users/carol/shop/Api/X.cs", "C:\\Users\\carol\\shop"), "Api/X.cs");
    assert.equal(relativeTo("file:///home/alice/shop/src/a.mjs", "/home/alice/shop"), "src/a.mjs");
    assert.equal(relativeTo("file:///C:/Users/carol/shop/a.js", "C:\\Users\\carol\\shop"), "a.js");
    assert.equal(relativeTo("D:\\shop\\a.cs", "C:\\shop"), undefined);
    assert.equal(fromFileUrl("file:///home/a/my%20file.js"), "/home/a/my file.js");
  });

  it("safeRelative refuses absolute paths, drive paths, ~ and any .. segment", () => {
    for (const bad of ["/etc/passwd", "C:\\x", "c:x", "\\\\server\\share\\x", "~/x", "../x", "a/../../x", "a\\..\\x", "", "."]) assert.equal(safeRelative(bad), undefined, bad);
    assert.equal(safeRelative("./src//a.js"), "src/a.js");
    assert.equal(safeRelative("src\\Api\\X.cs"), "src/Api/X.cs");
  });

  it("excerpt candidates never hold .. or an absolute path, whatever the frame says", () => {
    const segment = fc.constantFrom("..", ".", "src", "a.js", "~", "C:", "", "x y", "%2e%2e", "home", "alice");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom("/", "\\", "file:///", "", "C:\\", "http://h/"), fc.constantFrom("/", "\\"), (parts, prefix, sep) => {
        const frame: ParsedFrame = { type: "frame", lines: [], file: prefix + parts.join(sep), line: 1 };
        for (const c of excerptCandidates(frame, ["/home/alice/shop", "C:\\Users\\carol\\shop"])) {
          assert.ok(!c.split("/").includes(".."), c);
          assert.ok(!c.startsWith("/") && !/^[A-Za-z]:/.test(c) && !c.startsWith("~") && !c.includes("\\"), c);
        }
      }),
    );
  });

  it("tries the workspace-relative path first, then the tail of a path from another machine", () => {
    const frame: ParsedFrame = { type: "frame", lines: [], file: "/app/src/orders/total.js", line: 3 };
    assert.deepEqual(excerptCandidates(frame, ["/home/alice/shop"]), ["src/orders/total.js", "orders/total.js", "app/src/orders/total.js".split("/").slice(-2).join("/")].filter((v, i, a) => a.indexOf(v) === i));
    assert.deepEqual(excerptCandidates({ ...frame, file: "/home/alice/shop/src/a.js" }, ["/home/alice/shop"]), ["src/a.js"]);
    assert.deepEqual(excerptCandidates({ ...frame, file: "webpack-internal:///./src/App.js" }, []), ["src/App.js"]);
    assert.deepEqual(excerptCandidates({ ...frame, file: "http://localhost:5173/src/App.tsx?t=1715" }, []), ["src/App.tsx"]);
  });

  it("tells library code by path", () => {
    const cases: [string, string | undefined][] = [
      ["/home/a/shop/node_modules/express/lib/router/layer.js", "express"],
      ["/home/a/shop/node_modules/@nestjs/core/router/x.js", "@nestjs/core"],
      ["node:internal/process/task_queues", "node:internal"],
      ["node:events", "node:events"],
      ["/usr/lib/python3/dist-packages/requests/api.py", "requests"],
      ["/home/a/.venv/lib/python3.12/site-packages/django/core/handlers/base.py", "django"],
      ["/usr/lib/python3.12/json/decoder.py", "python"],
      ["<frozen importlib._bootstrap>", "python"],
      ["/rustc/129f3b9964af4d4a709d1383930ade12dfe7c081/library/core/src/result.rs", "rust std"],
      ["/home/a/.cargo/registry/src/index.crates.io-6f17d22bba15001f/tokio-1.37.0/src/runtime/park.rs", "tokio"],
      ["/home/a/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/context.go", "github.com/gin-gonic/gin"],
      ["/home/a/.gem/ruby/3.2.0/gems/actionpack-7.1.3/lib/x.rb", "actionpack"],
      ["/usr/lib/ruby/3.2.0/net/http.rb", "ruby"],
      ["/var/www/shop/vendor/laravel/framework/src/x.php", "laravel/framework"],
      ["C:\\Users\\carol\\.nuget\\packages\\newtonsoft.json\\13.0.3\\lib\\x.cs", "newtonsoft.json"],
      ["/home/a/shop/src/orders/total.js", undefined],
      ["src/app.py", undefined],
      ["C:\\Users\\carol\\source\\repos\\Shop\\OrderService.cs", undefined],
    ];
    for (const [path, library] of cases) assert.equal(libraryOfPath(path), library, path);
  });

  it("infers the fence language from the extension", () => {
    assert.deepEqual(["a.ts", "a.tsx", "a.mjs", "a.py", "A.java", "a.kt", "a.go", "a.rs", "A.cs", "a.rb", "a.php", "a.c", "a.cpp", "Makefile", "a.js?v=3"].map(languageOf), [
      "typescript", "tsx", "javascript", "python", "java", "kotlin", "go", "rust", "csharp", "ruby", "php", "c", "cpp", "text", "javascript",
    ]);
  });
});

describe("snippet neutralization", () => {
  const neutralizer = (input: string, extra: Partial<ConstructorParameters<typeof Neutralizer>[0]> = {}) =>
    new Neutralizer({ workspaceRoots: ["/home/alice/projects/shop", "C:\\Users\\carol\\repos\\Shop"], vault: new Vault(), ...extra }, input);

  it("makes workspace paths relative and other home paths ~, in every spelling", () => {
    const n = neutralizer("");
    assert.equal(n.paths("at f (/home/alice/projects/shop/src/a.js:1:2)"), "at f (src/a.js:1:2)");
    assert.equal(n.paths("cwd=/home/alice/projects/shop"), "cwd=.");
    assert.equal(n.paths("/home/alice/projects/shop-api/x.js"), "~/projects/shop-api/x.js");
    assert.equal(n.paths("at file:///home/alice/projects/shop/src/a.mjs:3:9"), "at src/a.mjs:3:9");
    assert.equal(n.paths("at file:///home/alice/other/a.mjs:3:9"), "at ~/other/a.mjs:3:9");
    assert.equal(n.paths("in c:\\users\\CAROL\\repos\\shop\\Api\\X.cs:line 4"), "in Api\\X.cs:line 4");
    assert.equal(n.paths('{"file":"C:\\\\Users\\\\carol\\\\repos\\\\Shop\\\\Api\\\\X.cs"}'), '{"file":"Api\\\\X.cs"}');
    assert.equal(n.paths("C:\\Users\\carol\\AppData\\Local\\Temp\\x.log"), "~\\AppData\\Local\\Temp\\x.log");
    assert.equal(n.paths("C:/Users/Carol Smith/dev/x.ts"), "~/dev/x.ts");
    assert.equal(n.paths("/Users/bob/Library/Caches/x"), "~/Library/Caches/x");
    assert.equal(n.paths("https://api.acme.io/Users/42/orders"), "https://api.acme.io/Users/42/orders", "an URL path is not a home folder");
    assert.equal(n.paths("/home/node/app/index.js"), "/home/node/app/index.js", "a container account is no person");
    const app = new Neutralizer({ workspaceRoots: ["/app"], vault: new Vault() }, "");
    assert.equal(app.paths("at f (/app/src/a.js:1:1) GET https://api.acme.io/app/orders /srv/app/x"), "at f (src/a.js:1:1) GET https://api.acme.io/app/orders /srv/app/x");
  });

  it("replaces user names found in home paths and given in options in paths, user@host and prompts, one placeholder per person", () => {
    const vault = new Vault();
    const n = new Neutralizer({ workspaceRoots: [], vault, userName: "dmitri" }, "at x (/home/alice/a.js:1:1)");
    const input = [
      "/var/mail/alice",
      "\\\\nas\\dmitri\\share\\x.log",
      "see https://gitlab.example.org/alice/shop",
      "ssh alice@buildbox",
      "alice@laptop:~/shop$ npm test",
      "laptop:shop dmitri$ npm test",
      "cd ~alice/shop",
    ].join("\n");
    const out = n.neutralize(input).split("\n");
    const a = /^\/var\/mail\/\[(USER_\d)\]$/.exec(out[0])?.[1];
    const d = /^\\\\nas\\\[(USER_\d)\]\\share\\x\.log$/.exec(out[1])?.[1];
    assert.ok(a && d && a !== d, out.join("\n"));
    assert.deepEqual(out.slice(2), [
      `see https://gitlab.example.org/[${a}]/shop`,
      `ssh [${a}]@buildbox`,
      `[${a}]@laptop:~/shop$ npm test`,
      `laptop:shop [${d}]$ npm test`,
      `cd ~[${a}]/shop`,
    ]);
    assert.equal(restore(out.join("\n"), vault).text, input);
  });

  it("leaves a user name that is a word in prose: matched case-sensitively, only in paths and prompts", () => {
    const vault = new Vault();
    const n = new Neutralizer({ workspaceRoots: [], vault, userName: "mark" }, "");
    const prose = "Mark the test as skipped; mark it done, ask Mark (remark: trademark). mark@ is not a prompt";
    assert.equal(n.neutralize(prose), prose);
    assert.match(n.neutralize("at run (/srv/mark/app.js:3:9)"), /^at run \(\/srv\/\[USER_1\]\/app\.js:3:9\)$/);
  });

  it("never sweeps generic accounts (node, root, runner) through the text", () => {
    const n = new Neutralizer({ workspaceRoots: [], vault: new Vault(), userName: "node" }, "/home/node/app.js /home/runner/work/x");
    assert.equal(n.neutralize("at node:internal/x (node:internal/x:1:1) runner"), "at node:internal/x (node:internal/x:1:1) runner");
  });

  it("hides URL hosts and credentials, internal host names, IPs and e-mails; keeps public and loopback hosts", () => {
    const vault = new Vault();
    const n = new Neutralizer({ workspaceRoots: [], vault }, "");
    const out = n.neutralize(
      [
        "postgres://shop:hunter2@db.internal.acme.corp:5432/shop",
        "see https://github.com/acme/shop/issues/4 and https://registry.npmjs.org/express",
        "GET http://localhost:3000/api and http://127.0.0.1:8080/",
        "getaddrinfo ENOTFOUND api.acme-shop.io",
        "redis at cache-01.lan:6379, printer.local, orders.shop.svc.cluster.local",
        "from 10.20.4.17 and 192.168.1.40; Version=4.0.0.0",
        "mail ops@acme-shop.com",
        "a file called settings.local.json",
      ].join("\n"),
    );
    const lines = out.split("\n");
    assert.match(lines[0], /^postgres:\/\/\[USER_1\]:\[[A-Z_]+_1\]@\[HOST_1\]:5432\/shop$/);
    assert.equal(lines[1], "see https://github.com/acme/shop/issues/4 and https://registry.npmjs.org/express");
    assert.equal(lines[2], "GET http://localhost:3000/api and http://127.0.0.1:8080/");
    assert.match(lines[3], /^getaddrinfo ENOTFOUND \[HOST_\d\]$/);
    assert.match(lines[4], /^redis at \[HOST_\d\]:6379, \[HOST_\d\], \[HOST_\d\]$/);
    assert.match(lines[5], /^from \[IP_\d\] and \[IP_\d\]; Version=4\.0\.0\.0$/);
    assert.match(lines[6], /^mail \[EMAIL_\d\]$/);
    assert.equal(lines[7], "a file called settings.local.json");
    assert.equal(restore(out, vault).text.split("\n")[0], "postgres://shop:hunter2@db.internal.acme.corp:5432/shop");
  });

  it("hides a host everywhere the text names it once it is hidden in a URL, not a longer name that holds it", () => {
    const vault = new Vault();
    const n = new Neutralizer({ workspaceRoots: [], vault }, "");
    const out = n.neutralize('connect("postgresql://admin:Zq8!rT2xWv@db.internal.maison.fr:5432/prod")\nIs the server running on host "db.internal.maison.fr" and accepting\nsee db.internal.maison.fr.example.org and xdb.internal.maison.fr');
    const lines = out.split("\n");
    assert.match(lines[0], /@\[HOST_1\]:5432/);
    assert.equal(lines[1], 'Is the server running on host "[HOST_1]" and accepting');
    assert.equal(lines[2], "see db.internal.maison.fr.example.org and xdb.internal.maison.fr");
  });

  it("hides e-mails and IPs even when the caller's settings switch personal data off; other personal data follows the settings", () => {
    const line = "mail ops@acme-shop.com from 10.20.4.17, call +33 6 12 34 56 78";
    const hide = (scan: ScanOptions) => new Neutralizer({ workspaceRoots: [], vault: new Vault(), scan }, "").neutralize(line);
    assert.equal(hide({ categories: { pii: false } }), "mail [EMAIL_1] from [IP_1], call +33 6 12 34 56 78");
    assert.equal(hide({ disabledRules: ["email", "ip-address"] }), "mail [EMAIL_1] from [IP_1], call [PHONE_1]");
    assert.equal(hide({ minConfidence: 0.99 }), "mail [EMAIL_1] from [IP_1], call +33 6 12 34 56 78");
  });

  it("shares the vault with copy anonymized: the same value gets the same placeholder", async () => {
    const vault = new Vault();
    const earlier = anonymize("write to carol@acme-shop.com", vault).text;
    const s = await extractErrorSnippet("Error: mail to carol@acme-shop.com bounced\n    at send (/srv/app/mail.js:3:9)\n", { vault });
    assert.ok(s);
    const placeholder = /\[EMAIL_\d+\]/.exec(earlier)![0];
    assert.ok(s.errorText.includes(placeholder), s.errorText);
  });
});

describe("snippet parsing details", () => {
  const parse = (text: string) => parseErrors(prepareLines(text));

  it("strips terminal colours and docker compose prefixes before parsing", async () => {
    const text = [
      "web-1  | \x1b[31mTypeError: x is not a function\x1b[39m",
      "web-1  |     at run (/app/src/run.js:4:3)",
      "web-1  |     at Module._compile (node:internal/modules/cjs/loader:1376:14)",
      "db-1   | LOG:  database system is ready",
    ].join("\n");
    const s = await extractErrorSnippet(text);
    assert.ok(s);
    assert.equal(s.headline, "TypeError: x is not a function");
    assert.equal(s.errorText, "TypeError: x is not a function\n    at run (/app/src/run.js:4:3)\n    … 1 frame in node:internal");
  });

  it("Node: keeps a [cause] and property dump, Require stack lists, Windows paths", async () => {
    const cause = [
      "Error: could not save order",
      "    at save (/srv/shop/src/save.js:10:11)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {",
      "  [cause]: Error: connect ECONNREFUSED 10.1.1.1:5432",
      "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {",
      "    errno: -111,",
      "    code: 'ECONNREFUSED'",
      "  }",
      "}",
      "next log line",
    ].join("\n");
    const [e] = parse(cause);
    assert.equal(e.family, "v8");
    const s = await extractErrorSnippet(cause);
    assert.ok(s);
    assert.ok(s.errorText.includes("[cause]: Error: connect ECONNREFUSED [IP_1]:5432"), s.errorText);
    assert.ok(s.errorText.endsWith("}"), s.errorText);
    assert.ok(!s.errorText.includes("next log line"));

    const req = "Error: Cannot find module './db'\nRequire stack:\n- /home/alice/shop/src/server.js\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)\n    at Object.<anonymous> (/home/alice/shop/src/server.js:3:12)\n";
    const r = await extractErrorSnippet(req, { workspaceRoots: ["/home/alice/shop"] });
    assert.ok(r);
    assert.ok(r.errorText.startsWith("Error: Cannot find module './db'\nRequire stack:\n- src/server.js\n"), r.errorText);

    const win = await extractErrorSnippet("TypeError: bad\n    at main (C:\\Users\\carol\\shop\\index.js:3:9)\n", { workspaceRoots: ["C:\\Users\\carol\\shop"], readFile: (p) => (p === "index.js" ? "a\nb\nc();\n" : undefined) });
    assert.ok(win);
    assert.equal(win.errorText, "TypeError: bad\n    at main (index.js:3:9)");
    assert.equal(win.excerpt?.path, "index.js");
  });

  it("Python: a SyntaxError frame without a function name; a frozen-module frame is library", () => {
    const [e] = parse('Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "/w/app.py", line 3\n    print("a"\n         ^\nSyntaxError: \'(\' was never closed\n');
    assert.equal(e.headline, "SyntaxError: '(' was never closed");
    const frames = e.items.filter((i): i is ParsedFrame => i.type === "frame");
    assert.deepEqual(frames.map((f) => [f.file, f.line, f.library]), [["<frozen runpy>", 198, "python"], ["/w/app.py", 3, undefined]]);
    assert.equal(frames[1].lines.length, 3);
  });

  it("Java: logback's `... 52 common frames omitted` and frames with a jar suffix", () => {
    const [e] = parse("com.acme.ShopException: nope\n\tat com.acme.Shop.run(Shop.java:5) ~[classes/:na]\n\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:316) ~[spring-boot-3.2.0.jar:3.2.0]\n\t... 52 common frames omitted\n");
    assert.equal(e.family, "jvm");
    assert.equal(e.items.length, 4);
  });

  it("warnings count only when there is no error; more errors than maxErrors are counted, not shown", async () => {
    const warnings = await extractErrorSnippet("src/a.c:3:5: warning: unused variable 'x' [-Wunused-variable]\n");
    assert.ok(warnings);
    assert.ok(warnings.markdown.startsWith("### Warning: warning: unused variable 'x'"));
    const many = Array.from({ length: 9 }, (_, i) => `src/f${i}.ts(${i + 1},1): error TS2304: Cannot find name 'x${i}'.`).join("\n");
    const s = await extractErrorSnippet(many, { maxErrors: 3 });
    assert.ok(s);
    assert.equal(s.errors.length, 3);
    assert.equal(s.omitted, 6);
    assert.ok(s.errorText.endsWith("… 6 more errors not shown"));
  });

  it("a stack with no frame in the user's code keeps its throw site", async () => {
    const s = await extractErrorSnippet("Error: socket hang up\n    at connResetException (node:internal/errors:720:14)\n    at TLSSocket.socketOnEnd (node:_http_client:519:23)\n    at TLSSocket.emit (node:events:529:35)\n");
    assert.ok(s);
    assert.equal(s.errorText, "Error: socket hang up\n    at connResetException (node:internal/errors:720:14)\n    … 2 frames in node:_http_client, node:events");
  });

  it("deep recursion in the user's code keeps the top frames and counts the rest", async () => {
    const frames = Array.from({ length: 60 }, (_, i) => `    at walk (/srv/app/tree.js:${i + 1}:5)`);
    const s = await extractErrorSnippet(["RangeError: Maximum call stack size exceeded", ...frames].join("\n"));
    assert.ok(s);
    assert.ok(s.errorText.endsWith("… 35 more frames in your code"), s.errorText.slice(-80));
    assert.equal(s.frames.length, 25);
  });
});

describe("snippet rendering", () => {
  it("marks the failing line, aligns numbers, stops at the file's edges", () => {
    const file = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    assert.equal(formatExcerpt(file, 10, 3), "   7 | line 7\n   8 | line 8\n   9 | line 9\n> 10 | line 10\n  11 | line 11\n  12 | line 12");
    assert.equal(formatExcerpt(file, 1, 1), "> 1 | line 1\n  2 | line 2");
    assert.equal(formatExcerpt(file, 5, 0), "> 5 | line 5");
  });

  it("fences code that itself holds backtick fences with a longer fence", () => {
    const md = renderMarkdown("error", "Error: x", "Error: x\n```\ninside\n```", { path: "README.md", line: 2, language: "text", text: "> 2 | ````" });
    assert.ok(md.includes("````text\nError: x\n```\ninside\n```\n````"), md);
    assert.ok(md.includes("`````text\n> 2 | ````\n`````"), md);
  });

  it("cuts a minified line after neutralizing it, never through a placeholder", async () => {
    const long = "x".repeat(390) + " carol@acme-shop.com " + "y".repeat(5000);
    const s = await extractErrorSnippet(`/srv/app/dist/app.min.js:1\n${long}\n        ^\n\nTypeError: a is not a function\n    at /srv/app/dist/app.min.js:1:395\n`);
    assert.ok(s);
    const line = s.errorText.split("\n")[1];
    assert.ok(line.length < 500, String(line.length));
    assert.match(line, /\[EMAIL_1\] … \(5001 more characters\)$/);
  });
});
