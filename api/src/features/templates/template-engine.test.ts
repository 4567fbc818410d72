import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeholderValues, SAMPLE_CONTACT } from '@klarkonform/shared';
import { HttpError } from '../../infra/http-error';
import { checkTemplateText, fillTemplate, hasVisibleText } from './template-engine';

// The restricted grammar and the fill, without the database: what is refused, what is derived,
// and that no contact value reaches the body unescaped.

const refusal = (subject: string, body: string) => {
  try {
    checkTemplateText(subject, body);
  } catch (err) {
    if (err instanceof HttpError) return { status: err.statusCode, fields: err.errors?.map((e) => e.field) };
    throw err;
  }
  return undefined;
};

describe('checkTemplateText', () => {
  it('derives the placeholders of subject and body in order of first use', () => {
    const checked = checkTemplateText('Für {{firma}}', '<p>{{briefanrede}}</p><p>{{ firma }} {{vorname}}</p>');
    expect(checked.placeholders).toEqual(['firma', 'briefanrede', 'vorname']);
  });

  it.each([
    ['{% raw %}{{x}}{% endraw %}'],
    ['{%- comment -%}x{%- endcomment -%}'],
    ['{{- vorname -}}'],
    ['{{ vorname '],
    ['{% liquid echo vorname %}'],
    ['{{ vorname | append: "x" }}'],
    ['{{ constructor }}'],
    ['{{ __proto__ }}'],
  ])('refuses %j with 422 on the field', (text) => {
    expect(refusal(text, '<p>Hallo</p>')).toEqual({ status: 422, fields: ['body.subject'] });
    expect(refusal('', `<p>${text}</p>`)).toEqual({ status: 422, fields: ['body.bodyHtml'] });
  });

  it('judges a placeholder that only appears once markup is dropped', () => {
    expect(refusal('', '{<script>x</script>{ foo }}')).toEqual({ status: 422, fields: ['body.bodyHtml'] });
    expect(checkTemplateText('', '{<b></b>{vorname}}').placeholders).toEqual([]);
  });

  it('refuses a body without visible text once sanitised; a placeholder alone is text', () => {
    for (const body of ['', '<p></p>', '<script>x</script>', '<p>&nbsp;</p><br>', '<p>\u200b</p>', '<img src="x">']) {
      expect(refusal('Betreff', body)).toEqual({ status: 422, fields: ['body.bodyHtml'] });
    }
    expect(hasVisibleText('<p>{{vorname}}</p>')).toBe(true);
    expect(hasVisibleText('<p>&amp;</p>')).toBe(true);
  });

  it('keeps text with single braces', () => {
    expect(checkTemplateText('a { b } c', '<p>{ x }</p>').bodyHtml).toBe('<p>{ x }</p>');
  });
});

describe('fillTemplate', () => {
  it('escapes values in the body and keeps them plain in the subject', () => {
    const values = placeholderValues({ ...SAMPLE_CONTACT, lastName: '<b>"O\'Neil" & Co</b>' } as never, 'de');
    const filled = fillTemplate({ subject: '{{nachname}}', bodyHtml: '<p>{{nachname}}</p>' }, values);
    expect(filled.subject).toBe('<b>"O\'Neil" & Co</b>');
    expect(filled.bodyHtml).toBe('<p>&lt;b&gt;&#34;O&#39;Neil&#34; &amp; Co&lt;/b&gt;</p>');
  });

  it('never lets a contact value add markup to the body (property)', () => {
    const evil = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        "'; --",
        '{{vorname}}',
        '{% raw %}',
      ),
    );
    const text = checkTemplateText('{{vorname}} {{nachname}}', '<p>{{briefanrede}} {{vorname}} {{firma}}</p>');
    fc.assert(
      fc.property(evil, evil, evil, (firstName, lastName, companyName) => {
        const values = placeholderValues(
          { kind: 'person', salutation: 'Herr', firstName, lastName, companyName },
          'de',
        );
        const { bodyHtml } = fillTemplate(text, values);
        const markup = bodyHtml.replace(/^<p>/, '').replace(/<\/p>$/, '');
        expect(markup).not.toMatch(/[<>"']/);
      }),
    );
  });
});
