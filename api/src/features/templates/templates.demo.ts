import type { TemplateCreate } from '@klarkonform/shared';
import type { AuthContext } from '../../infra/token-verifier';
import type { TemplatesService } from './templates.service';

// The demo tenant's templates: one of each purpose in German and an English marketing one, each
// with several placeholders, so the Teams tab, the compose pane and the send check have
// something to show from the first start.

const DEMO_TEMPLATES: readonly (TemplateCreate & { key: string })[] = [
  {
    key: 'hausmesse',
    name: 'Einladung Hausmesse',
    subject: 'Einladung zu unserer Hausmesse, {{anrede}} {{nachname}}',
    bodyHtml:
      '<p>{{briefanrede}}</p><p>wir laden Sie und Ihre Kolleginnen und Kollegen der {{firma}} herzlich zu unserer <strong>Hausmesse</strong> ein: neue Geräte, Vorführungen und Gespräche mit unseren Fachleuten.</p><p>Melden Sie sich einfach bei mir an.</p><p>Mit freundlichen Grüßen<br>{{betreuer}}</p>',
    language: 'de',
    purpose: 'marketing',
  },
  {
    key: 'angebot-nachfassen',
    name: 'Angebot nachfassen',
    subject: 'Unser Angebot für {{firma}}',
    bodyHtml:
      '<p>{{briefanrede}}</p><p>vor zwei Wochen haben wir Ihnen unser Angebot geschickt. Haben Sie noch Fragen dazu, oder sollen wir etwas anpassen?</p><p>Ich rufe Sie gern an – sagen Sie mir einfach, wann es Ihnen passt.</p><p>Mit freundlichen Grüßen<br>{{betreuer}}</p><p><em>Ihre Kontaktnummer bei uns: {{kontaktnummer}}</em></p>',
    language: 'de',
    purpose: 'transactional',
  },
  {
    key: 'danke-gespraech',
    name: 'Danke für das Gespräch',
    subject: 'Danke für das Gespräch, {{vorname}}',
    bodyHtml:
      '<p>{{briefanrede}}</p><p>vielen Dank für das angenehme Gespräch. Wie besprochen fasse ich die nächsten Schritte für Sie als {{position}} kurz zusammen:</p><ul><li>Unterlagen zusenden</li><li>Termin mit der Abteilung {{abteilung}} abstimmen</li></ul><p>Viele Grüße<br>{{betreuer}}</p>',
    language: 'de',
    purpose: 'personal',
  },
  {
    key: 'product-news',
    name: 'Product news',
    subject: 'What is new for {{firma}}',
    bodyHtml:
      '<p>{{briefanrede}}</p><p>we have added new services that may interest you as {{position}}. Read more on <a href="https://example.com/news">our news page</a>.</p><p>Kind regards<br>{{betreuer}}</p>',
    language: 'en',
    purpose: 'marketing',
  },
];

/**
 * Creates the demo templates through the service (audit as for a user's), each under the fixed
 * Idempotency-Key `demo-seed:template:<key>`: running it again creates nothing. Returns how many
 * it created.
 */
export async function seedTemplatesDemo(service: TemplatesService, auth: AuthContext): Promise<number> {
  let created = 0;
  for (const { key, ...body } of DEMO_TEMPLATES) {
    const { replayed } = await service.create(auth, `demo-seed:template:${key}`, body);
    if (!replayed) created++;
  }
  return created;
}
