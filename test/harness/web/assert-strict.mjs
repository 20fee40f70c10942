// A small stand-in for node:assert/strict in the web-worker extension host, where Node
// built-ins do not exist. It covers what the integration tests use; errors carry
// actual/expected so mocha prints a diff.
class AssertionError extends Error {
  constructor(message, actual, expected, operator) {
    super(message);
    this.name = "AssertionError";
    this.code = "ERR_ASSERTION";
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    this.showDiff = operator !== "ok";
  }
}

function show(value) {
  try {
    return typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(message, actual, expected, operator, fallback) {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected, operator);
}

function isDeepStrictEqual(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !isDeepStrictEqual(value, b.get(key), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    for (const value of a) if (!b.has(value)) return false;
    return true;
  }
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !isDeepStrictEqual(a[key], b[key], seen)) return false;
  }
  return true;
}

function matchesExpected(error, expected) {
  if (expected === undefined) return true;
  if (typeof expected === "function" && expected.prototype !== undefined && error instanceof expected) return true;
  if (expected instanceof RegExp) return expected.test(String(error?.message ?? error));
  if (typeof expected === "function") return expected(error) === true;
  if (typeof expected === "object") return Object.keys(expected).every((key) => expected[key] instanceof RegExp ? expected[key].test(error?.[key]) : isDeepStrictEqual(error?.[key], expected[key]));
  return false;
}

function ok(value, message) {
  if (!value) fail(message, value, true, "ok", `expected a truthy value, got ${show(value)}`);
}

const assert = Object.assign(ok, {
  AssertionError,
  ok,
  fail: (message) => fail(message, undefined, undefined, "fail", "Failed"),
  equal(actual, expected, message) {
    if (!Object.is(actual, expected)) fail(message, actual, expected, "strictEqual", `expected ${show(actual)} to equal ${show(expected)}`);
  },
  notEqual(actual, expected, message) {
    if (Object.is(actual, expected)) fail(message, actual, expected, "notStrictEqual", `expected a value other than ${show(expected)}`);
  },
  deepEqual(actual, expected, message) {
    if (!isDeepStrictEqual(actual, expected)) fail(message, actual, expected, "deepStrictEqual", `expected ${show(actual)} to deeply equal ${show(expected)}`);
  },
  notDeepEqual(actual, expected, message) {
    if (isDeepStrictEqual(actual, expected)) fail(message, actual, expected, "notDeepStrictEqual", `expected a value other than ${show(expected)}`);
  },
  match(actual, pattern, message) {
    if (typeof actual !== "string" || !pattern.test(actual)) fail(message, actual, pattern, "match", `expected ${show(actual)} to match ${pattern}`);
  },
  doesNotMatch(actual, pattern, message) {
    if (typeof actual !== "string" || pattern.test(actual)) fail(message, actual, pattern, "doesNotMatch", `expected ${show(actual)} not to match ${pattern}`);
  },
  throws(fn, expected, message) {
    try {
      fn();
    } catch (error) {
      if (!matchesExpected(error, expected)) fail(typeof expected === "string" ? expected : message, error, expected, "throws", `the error does not match: ${error?.message}`);
      return;
    }
    fail(typeof expected === "string" ? expected : message, undefined, expected, "throws", "missing expected exception");
  },
  async rejects(promiseOrFn, expected, message) {
    try {
      await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      if (!matchesExpected(error, expected)) fail(typeof expected === "string" ? expected : message, error, expected, "rejects", `the rejection does not match: ${error?.message}`);
      return;
    }
    fail(typeof expected === "string" ? expected : message, undefined, expected, "rejects", "missing expected rejection");
  },
  async doesNotReject(promiseOrFn, message) {
    try {
      await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      fail(message, error, undefined, "doesNotReject", `got an unwanted rejection: ${error?.message}`);
    }
  },
  doesNotThrow(fn, message) {
    try {
      fn();
    } catch (error) {
      fail(message, error, undefined, "doesNotThrow", `got an unwanted exception: ${error?.message}`);
    }
  },
});
assert.strictEqual = assert.equal;
assert.notStrictEqual = assert.notEqual;
assert.deepStrictEqual = assert.deepEqual;
assert.notDeepStrictEqual = assert.notDeepEqual;
assert.strict = assert;

export default assert;
export const { equal, notEqual, deepEqual, notDeepEqual, match, doesNotMatch, throws, rejects, doesNotReject, doesNotThrow, strictEqual, deepStrictEqual, notStrictEqual, notDeepStrictEqual, strict } = assert;
export { ok, AssertionError };
export const failAssertion = assert.fail;
export { failAssertion as fail };
