import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../electron/core/platform/print/escape-html';
import { fill, html, isolate, printDocumentHtml } from '../../electron/core/platform/print/print-html';
import { consentFormHtml, type ConsentFormFacts } from '../../electron/core/domain/consent/consent-form';
import { DATA_CATEGORIES } from '../../electron/core/contract/data-categories';
import { CONSENT_FORM_LANGUAGES } from '../../electron/core/contract/types/print-types';

/** Undoes the five entities escapeHtml writes (nothing else), to prove no text is lost but the unprintable. */
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Strings that look like markup, entities, control characters, surrogates, bidi controls: what a hostile name holds. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom('<', '>', '"', "'", '&', '</style>', '<script>', '-->', '<!--', '\u0000', '\u202e', '\ud800', 'x', ' ', '&lt;', '{from}', '\n'), { maxLength: 30 }).map((a) => a.join('')),
);

/** The tags a string of HTML opens or closes, in order. */
const tags = (s: string) => [...s.matchAll(/<\/?[a-zA-Z!][^>]*>/g)].map((m) => m[0]);

describe('escaping of print documents', () => {
  it('leaves no character that can open a tag, end an attribute or start an entity of its own', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        // Nothing but the unprintable is lost.
        expect(unescape(out)).toBe(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('html`` escapes every value in text and attribute position; only markup built by html`` passes', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.array(hostile, { maxLength: 4 }), (a, b, list) => {
        const doc = html`<p title="${a}">${b}<bdi>${list}</bdi>${isolate(a)}${fill('{x} und {y}', { x: a, y: html`<em>${b}</em>` })}</p>`.markup;
        expect(tags(doc)).toEqual(['<p title="' + escapeHtml(a) + '">', '<bdi>', '</bdi>', '<bdi>', '</bdi>', '<em>', '</em>', '</p>']);
        // A plain object that merely looks like built markup is escaped like any other value.
        const fake = { markup: '<script>' } as never;
        expect(html`${fake}`.markup).not.toContain('<script>');
      }),
      { numRuns: 1000 },
    );
  });

  it('fill escapes the template text itself and leaves unknown placeholders as text', () => {
    expect(fill('<b>{a}</b> {b}', { a: '<i>' }).markup).toBe('&lt;b&gt;&lt;i&gt;&lt;/b&gt; {b}');
  });

  it('the document frame carries language, direction and a CSP that allows only inline style', () => {
    const doc = printDocumentHtml({ title: '</title><script>', lang: 'de', dir: 'ltr', css: 'p{}', body: html`<p>x</p>` });
    expect(doc).toMatch(/^<!DOCTYPE html><html lang="de" dir="ltr"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;/);
    expect(doc).toContain('<title>&lt;/title&gt;&lt;script&gt;</title>');
  });

  it('no value of a consent can add markup to the consent form, in any language', () => {
    const facts: fc.Arbitrary<ConsentFormFacts> = fc.record({
      consentId: fc.uuid(),
      clientName: hostile,
      birthDate: fc.option(fc.constantFrom('1988-04-02', '1990', '2001-07'), { nil: null }),
      office: fc.constantFrom('lunen' as const, 'werne' as const, 'selm' as const),
      recipients: fc.array(fc.record({ kind: fc.constantFrom('office' as const, 'agency' as const), name: hostile }), { minLength: 1, maxLength: 4 }),
      mutual: fc.boolean(),
      categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
      purpose: hostile,
      validFrom: fc.constant('2026-12-01'),
      validUntil: fc.option(fc.constant('2027-06-30'), { nil: null }),
      printedOn: fc.constant('2026-12-01'),
    });
    const benign = (f: ConsentFormFacts): ConsentFormFacts => ({ ...f, clientName: 'A', purpose: 'B', recipients: f.recipients.map((r) => ({ ...r, name: 'C' })) });
    fc.assert(
      fc.property(facts, fc.constantFrom('de' as const, ...CONSENT_FORM_LANGUAGES), (f, language) => {
        const doc = consentFormHtml(f, language);
        // The same tags as with harmless values: hostile ones only ever became text.
        expect(tags(doc)).toEqual(tags(consentFormHtml(benign(f), language)));
        expect(doc).not.toMatch(/<script|<img|<link|<iframe|<object|<base|url\(/i);
      }),
      { numRuns: 200 },
    );
  });
});
