import type { ErrorParser, ParsedFrame, ParsedItem } from "../model";
import { eachError, text, walkFrames } from "../model";

/**
 * Java, Kotlin, Scala: `\tat pkg.Class.method(File.java:42)` under an exception line,
 * `Caused by: …`, `Suppressed: …`, `... 12 more`, logback's `... 52 common frames omitted`.
 * Frames name a class, not a path, so library code is told by package.
 */
const FRAME = /^(\s*)at (?:[\w.-]+(?:@[\w.-]*)?\/)*\/?((?:[\w$]+\.)*[\w$<>-]+)\.([\w$<>-]+)\(([^()]*)\)\s*(?:~?\[.*\])?\s*$/;
const MORE = /^\s*\.\.\. \d+ (?:more|common frames omitted)\s*$/;
const CAUSE = /^\s*(?:Caused by|Suppressed|Wrapped by): /;
/** `java.lang.IllegalStateException: …`, `Exception in thread "main" …`, `kotlin.KotlinNullPointerException`. */
const EXCEPTION = /(?:Exception in thread "[^"]*" )?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable|Failure|Fault)\b(?::.*)?$|Exception in thread "[^"]*" .*$/;

const LIBRARY_PACKAGES: readonly [string, string][] = [
  ["java.", "java"], ["javax.", "java"], ["jdk.", "java"], ["sun.", "java"], ["com.sun.", "java"], ["jakarta.", "jakarta"],
  ["kotlin.", "kotlin"], ["kotlinx.", "kotlinx"], ["scala.", "scala"], ["groovy.", "groovy"], ["org.codehaus.groovy.", "groovy"],
  ["org.springframework.", "spring"], ["org.apache.", "apache"], ["org.hibernate.", "hibernate"], ["io.netty.", "netty"],
  ["org.junit.", "junit"], ["junit.", "junit"], ["org.testng.", "testng"], ["org.mockito.", "mockito"], ["org.assertj.", "assertj"],
  ["reactor.", "reactor"], ["io.reactivex.", "rxjava"], ["com.google.", "google"], ["org.gradle.", "gradle"], ["worker.org.gradle.", "gradle"],
  ["org.eclipse.", "eclipse"], ["okhttp3.", "okhttp"], ["retrofit2.", "retrofit"], ["android.", "android"], ["androidx.", "androidx"],
  ["com.android.", "android"], ["dalvik.", "android"], ["akka.", "akka"], ["io.micronaut.", "micronaut"], ["io.quarkus.", "quarkus"],
  ["org.jboss.", "jboss"], ["com.fasterxml.", "jackson"], ["org.slf4j.", "slf4j"], ["ch.qos.logback.", "logback"], ["net.bytebuddy.", "bytebuddy"],
  ["com.zaxxer.", "hikari"], ["org.postgresql.", "postgresql"], ["com.mysql.", "mysql"], ["org.h2.", "h2"], ["io.grpc.", "grpc"],
  ["org.glassfish.", "glassfish"], ["io.undertow.", "undertow"], ["io.vertx.", "vertx"], ["org.aspectj.", "aspectj"], ["io.ktor.", "ktor"],
];

export function jvmLibrary(className: string): string | undefined {
  for (const [prefix, name] of LIBRARY_PACKAGES) if (className.startsWith(prefix)) return name;
  // Generated proxies and lambdas in no package of the user's.
  if (/^(?:\$Proxy\d+|jdk\.proxy\d)/.test(className)) return "java";
  return undefined;
}

export function parseJvmFrame(line: string): ParsedFrame | undefined {
  const m = FRAME.exec(line);
  if (!m) return undefined;
  const className = m[2];
  const location = /^(.+\.(?:java|kt|kts|scala|groovy|clj)):(\d+)$/.exec(m[4]);
  if (!location && !/^(?:Native Method|Unknown Source|.+\.(?:java|kt|kts|scala|groovy|clj)|)$/.test(m[4])) return undefined;
  const frame: ParsedFrame = { type: "frame", lines: [line], function: `${className}.${m[3]}`, library: jvmLibrary(className) };
  if (location) {
    frame.file = location[1];
    frame.line = Number(location[2]);
    // Where the file would be: the package as folders, under the usual source roots.
    const pkg = className.includes(".") ? className.slice(0, className.lastIndexOf(".")).replace(/\./g, "/") + "/" : "";
    const rel = pkg + location[1];
    const kind = /\.kts?$/.test(location[1]) ? "kotlin" : /\.scala$/.test(location[1]) ? "scala" : "java";
    frame.candidates = [`src/main/${kind}/${rel}`, `src/main/java/${rel}`, `app/src/main/${kind}/${rel}`, `src/test/${kind}/${rel}`, `src/${rel}`, rel];
  }
  return frame;
}

/** How far above the first frame an exception's headline may be. */
const HEADLINE_REACH = 20;

/**
 * Where an error's text starts above its first frame (at `firstFrame`): non-blank lines are
 * taken upwards until one is the headline. Equals `firstFrame` when nothing is above it.
 */
function errorStart(lines: readonly string[], firstFrame: number, isHeadline: (line: string) => boolean): number {
  let start = firstFrame;
  for (let j = firstFrame - 1; j >= 0 && j >= firstFrame - HEADLINE_REACH && lines[j].trim() !== ""; j--) {
    start = j;
    if (isHeadline(lines[j])) break;
  }
  return start;
}

export const jvmParser: ErrorParser = {
  id: "jvm",
  parse(lines) {
    return eachError(lines, (i) => {
      if (!parseJvmFrame(lines[i])) return undefined;
      // The exception line(s) above the first frame.
      const start = errorStart(lines, i, (line) => EXCEPTION.test(line));
      if (start === i) return undefined;
      const items: ParsedItem[] = [text(...lines.slice(start, i))];
      const end = walkFrames(lines, i, items, {
        frame: parseJvmFrame,
        text: (line, j) =>
          MORE.test(line) ||
          CAUSE.test(line) ||
          /^\s+\.\.\. \d+ more/.test(line) ||
          // A cause's message may go on for a line before its frames.
          (j > 0 && CAUSE.test(lines[j - 1]) && line.trim() !== "" && !/^\s/.test(line) && !EXCEPTION.test(line) && lines[j + 1] !== undefined && parseJvmFrame(lines[j + 1]) !== undefined),
      });
      const headLine = lines.slice(start, i).find((l) => EXCEPTION.test(l)) ?? lines[i - 1];
      const headline = (EXCEPTION.exec(headLine)?.[0] ?? headLine.trim()).replace(/^Exception in thread "[^"]*" /, "");
      const top = items.find((it): it is ParsedFrame => it.type === "frame" && !it.library && it.file !== undefined);
      const language = top?.file?.endsWith(".kt") ? "kotlin" : top?.file?.endsWith(".scala") ? "scala" : "java";
      return { family: "jvm", language, headline, severity: "error", start, end, items };
    });
  },
};

/**
 * .NET: `   at Ns.Class.Method(Args) in C:\path\File.cs:line 42`, inner exceptions
 * (` ---> System.X: …`, `--- End of inner exception stack trace ---`).
 */
const DOTNET_FRAME = /^(\s*)at ((?:[\w`<>$|+[\],-]+\.)*[\w`<>$|+[\],-]+)\((.*?)\)(?: in (.+):line (\d+))?\s*$/;
const DOTNET_TEXT = /^\s*(?:--- End of (?:inner exception )?stack trace|-{3} End of stack trace from previous location|---> )/;
const DOTNET_EXCEPTION = /\b(?:[A-Z][\w`]*\.)+[A-Z][\w`]*(?:Exception|Error)\b(?::.*)?$|Unhandled exception\..*$/;
const DOTNET_LIBRARIES = /^(System|Microsoft|Newtonsoft|NUnit|Xunit|xunit|Moq|Castle|Npgsql|MySql|Polly|Serilog|NLog|AutoMapper|MediatR|Dapper|StackExchange|Grpc|Azure|Amazon|Google)\./;

export const dotnetParser: ErrorParser = {
  id: "dotnet",
  parse(lines) {
    const isFrame = (line: string) => DOTNET_FRAME.test(line) && !/\([^()]*\.(?:java|kt|scala):\d+\)\s*$/.test(line) && !/ \(/.test(line.replace(/^\s*at /, "").split("(")[0]);
    const frame = (line: string): ParsedFrame | undefined => {
      const m = isFrame(line) ? DOTNET_FRAME.exec(line) : null;
      if (!m) return undefined;
      const method = m[2];
      const parsed: ParsedFrame = { type: "frame", lines: [line], function: method, library: DOTNET_LIBRARIES.test(method) ? method.split(".")[0] : undefined };
      if (m[4]) {
        parsed.file = m[4];
        parsed.line = Number(m[5]);
        if (/[\\/]\.nuget[\\/]packages[\\/]/i.test(m[4])) parsed.library ??= "nuget";
      }
      return parsed;
    };
    return eachError(lines, (i) => {
      if (!isFrame(lines[i])) return undefined;
      // An inner exception (` ---> …`) is not the headline: keep walking up to the outer one.
      const start = errorStart(lines, i, (line) => DOTNET_EXCEPTION.test(line) && !/^\s*---> /.test(line));
      if (start === i) return undefined;
      const items: ParsedItem[] = [text(...lines.slice(start, i))];
      const end = walkFrames(lines, i, items, {
        frame,
        text: (line, j) => DOTNET_TEXT.test(line) || (DOTNET_EXCEPTION.test(line) && isFrame(lines[j + 1] ?? "")),
      });
      const headLine = lines.slice(start, i).find((l) => DOTNET_EXCEPTION.test(l)) ?? lines[i - 1];
      const headline = (DOTNET_EXCEPTION.exec(headLine)?.[0] ?? headLine.trim()).replace(/^Unhandled exception\.\s*/, "");
      const top = items.find((it): it is ParsedFrame => it.type === "frame" && it.file !== undefined);
      const language = top?.file?.endsWith(".fs") ? "fsharp" : top?.file?.endsWith(".vb") ? "vbnet" : "csharp";
      return { family: "dotnet", language, headline, severity: "error", start, end, items };
    });
  },
};
