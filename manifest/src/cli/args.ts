// Minimal flag parsing shared by the CLIs: "--env dev" and "--env=dev" both work.

export function flagValue(args: readonly string[], name: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === `--${name}`) return args[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function hasFlag(args: readonly string[], name: string): boolean {
  return args.includes(`--${name}`);
}

/** Prints the message of an expected failure (bad settings, invalid package) without a stack trace. */
export function exitWith(err: unknown, expected: readonly (abstract new (...args: never[]) => Error)[]): never {
  if (expected.some((type) => err instanceof type)) {
    console.error((err as Error).message);
    process.exit(1);
  }
  throw err;
}
