import { startServer } from './start';

startServer().catch((err: unknown) => {
  console.error('KlarKonform API failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
