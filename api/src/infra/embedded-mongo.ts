import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

// Starts the embedded FerretDB program (tools/embedded-mongo) as a child
// process and waits for the one line it prints when it listens. The child
// exits when our stdin pipe closes, so a crashed API never leaves it behind.

export interface EmbeddedMongo {
  readonly uri: string;
  stop(): Promise<void>;
}

export interface EmbeddedMongoOptions {
  readonly binary: string;
  readonly dataDir: string;
  readonly listen?: string;
  readonly startTimeoutMs?: number;
}

export async function startEmbeddedMongo(opts: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  if (!existsSync(opts.binary)) {
    throw new Error(
      `The embedded database program is not built (${opts.binary}). Run "npm run build:db", or set MONGODB_URI to use a MongoDB server.`,
    );
  }
  const child = spawn(
    opts.binary,
    ['-listen', opts.listen ?? '127.0.0.1:0', '-data-dir', opts.dataDir, '-exit-on-stdin-eof'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The embedded database did not start within ${opts.startTimeoutMs ?? 20_000} ms. ${stderr}`));
    }, opts.startTimeoutMs ?? 20_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^MONGODB_URI=(\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database exited with code ${code}: ${stderr.trim()}`));
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });

  return { uri, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
