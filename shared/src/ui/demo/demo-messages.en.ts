import type { DemoKey } from './demo-messages.de';

export const DEMO_EN: Record<DemoKey, string> = {
  'demo.reset': 'Reset demo',
  'demo.resetTitle': 'Reset the demo?',
  'demo.resetText':
    "All of the demo's contacts, notes, consents and changes are deleted and the sample data is created again. This cannot be undone.",
  'demo.resetConfirm': 'Reset',
  'demo.resetting': 'Resetting …',
  'demo.resetDone': 'The demo has been reset: {count} sample contacts.',
  'demo.resetFailed': 'Reset failed: {reason}',
};
