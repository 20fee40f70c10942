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

/**
 * The exit status after a reader closed stdout or stderr early (`veil scan | head -1`):
 * 128 + SIGPIPE, what a shell reports for a tool the signal ended. Node ignores SIGPIPE, so
 * the CLI sets it itself.
 */
export const BROKEN_PIPE_EXIT = 141;

const brokenStreams = new Set<NodeJS.WritableStream>();
let brokenPipeExit = BROKEN_PIPE_EXIT;
let brokenPipeGuarded = false;

/**
 * Makes EPIPE on stdout or stderr end the run quietly, once for the whole process: later writes
 * to that stream are dropped, the command still finishes what it writes to disk (maps, stripped
 * copies), and the process exits with `exitCode` instead of printing a stack trace.
 */
export function endQuietlyOnBrokenPipe(exitCode: number = BROKEN_PIPE_EXIT): void {
  brokenPipeExit = exitCode;
  if (brokenPipeGuarded) return;
  brokenPipeGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      // A write queued before the break fails again once the stream is destroyed.
      if (error.code !== "EPIPE" && !(brokenStreams.has(stream) && error.code === "ERR_STREAM_DESTROYED")) throw error;
      brokenStreams.add(stream);
      process.exitCode = brokenPipeExit;
    });
  }
}

/** Whether a reader closed stdout or stderr before the run was over. */
export function outputPipeBroken(): boolean {
  return brokenStreams.size > 0;
}

/** The exit status a broken pipe ends the run with (see endQuietlyOnBrokenPipe). */
export function brokenPipeExitCode(): number {
  return brokenPipeExit;
}

/** Writes to the process's stdout or stderr, unless a reader already closed it. */
export function writeProcessStream(stream: NodeJS.WriteStream, s: string | Uint8Array): void {
  if (!brokenStreams.has(stream)) stream.write(s);
}

/** The real process's streams. */
export function processIO(): CliIO {
  return {
    stdin: () => readStream(process.stdin),
    stdout: (s) => writeProcessStream(process.stdout, s),
    stderr: (s) => writeProcessStream(process.stderr, s),
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
