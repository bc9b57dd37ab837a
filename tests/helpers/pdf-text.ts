import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reads a PDF the way a reviewer would check it: its text through poppler's pdftotext, its metadata through
 * pdfinfo (poppler-utils, installed by .ci/run).
 */
function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kim-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tagged PDF's structure tree as poppler reads it (pdfinfo -struct), with poppler's complaints on stderr. */
export function pdfStructure(pdf: Uint8Array): { tree: string; complaints: string } {
  return withFile(pdf, (file) => {
    const r = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
    return { tree: r.stdout, complaints: r.stderr };
  });
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').flatMap((l) => (/^([^:]+):\s*(.*)$/.exec(l) ? [[RegExp.$1.trim(), RegExp.$2.trim()]] : [])));
}

/**
 * Text reduced to its letters, for comparing a phrase with what pdftotext extracts whatever the line breaks,
 * digits' bidi placement and mark order: NFKC, letters only. Arabic-script lam-alef ligatures are extracted as
 * alef-then-lam, so the expected phrase is brought into that order too (`expected: true`).
 */
export function letters(text: string, expected = false): string {
  let s = text.normalize('NFKC');
  // Within a word only: before the spaces go.
  if (expected) s = s.replace(/ل([اأإآ])/g, '$1ل');
  return s.replace(/[^\p{L}]/gu, '');
}

/**
 * Whether extracted PDF text contains a phrase. Left-to-right text must contain it as a whole (letters only). In
 * right-to-left text pdftotext reorders the runs of a line around digits, brackets and embedded Latin names, and
 * across line breaks, so there every word of the phrase must appear as a word of the text.
 */
export function pdfContains(extracted: string, phrase: string, rtl: boolean): boolean {
  if (!rtl) return letters(extracted).includes(letters(phrase, true));
  const words = new Set(extracted.normalize('NFKC').split(/[^\p{L}\p{M}]+/u).map((w) => letters(w)));
  return phrase
    .normalize('NFKC')
    .split(/[^\p{L}\p{M}]+/u)
    .map((w) => letters(w, true))
    .filter((w) => w.length > 0)
    .every((w) => words.has(w));
}
