// What bench/run.mjs needs from the sources, bundled by it into dist/bench/veil-bench.js.
// The engine comes in as a namespace so the bench can notice what is not exported yet.
export * as engine from "../src/engine";
export { main } from "../src/cli/main";
export { captureIO } from "../src/cli/io";
export { decodeText, hasBinaryExtension, looksBinary } from "../src/cli/text";
export { adversarialInputs, inputKey } from "../test/adversarial-inputs";
