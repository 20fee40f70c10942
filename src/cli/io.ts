/**
 * What a CLI command may touch of the outside world. Commands take it as a parameter so
 * tests run them in-process with captured streams and a temporary working directory.
 */
export interface CliIO {
  /** Reads standard input to its end. */
  stdin: () => Promise<Buffer>;
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  /** Directory that relative paths are resolved against and reported relative to. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process's streams. */
export function processIO(): CliIO {
  return {
    stdin: () => readStream(process.stdin),
    stdout: (s) => {
      process.stdout.write(s);
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** An in-memory CliIO for tests and the bench: everything written is kept. */
export interface CapturedIO extends CliIO {
  readonly out: () => string;
  readonly outBytes: () => Buffer;
  readonly err: () => string;
}

export function captureIO(options: { cwd: string; stdin?: string | Buffer; env?: Record<string, string | undefined> }): CapturedIO {
  const out: Buffer[] = [];
  let err = "";
  const input = options.stdin === undefined ? Buffer.alloc(0) : Buffer.from(options.stdin);
  return {
    stdin: async () => input,
    stdout: (s) => {
      out.push(typeof s === "string" ? Buffer.from(s, "utf8") : Buffer.from(s));
    },
    stderr: (s) => {
      err += s;
    },
    cwd: options.cwd,
    env: options.env ?? {},
    out: () => Buffer.concat(out).toString("utf8"),
    outBytes: () => Buffer.concat(out),
    err: () => err,
  };
}
