import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/core/contract/methods';
import { de as deTranslation, DE_NAMESPACES } from '../../renderer/src/i18n/de';
import { en as enTranslation, EN_NAMESPACES } from '../../renderer/src/i18n/en';

type Tree = { [key: string]: string | Tree };

const I18N = join(__dirname, '../../renderer/src/i18n');
const RENDERER = join(__dirname, '../../renderer/src');

function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafPaths(v, `${prefix}${k}.`)));
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** Property names written twice in one object literal of a text module (the later one would silently win). */
function duplicateKeysIn(path: string): string[] {
  const out: string[] = [];
  walk(parse(path), (node) => {
    if (!ts.isObjectLiteralExpression(node)) return;
    const seen = new Set<string>();
    for (const p of node.properties) {
      if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
      if (seen.has(p.name.text)) out.push(`${path}: ${p.name.text}`);
      seen.add(p.name.text);
    }
  });
  return out;
}

const de = Object.assign({}, ...Object.values(DE_NAMESPACES)) as Tree;
const deLeaves = new Set(leafPaths(de));

/** A key t() can resolve: a text, or the plural forms i18next picks by `count`. */
function resolves(key: string): boolean {
  return deLeaves.has(key) || deLeaves.has(`${key}_one`) || deLeaves.has(`${key}_other`);
}

/** Whether `prefix` (ending in '.') names a branch of texts, for keys built at run time (`roles.${role}`). */
function branchExists(prefix: string): boolean {
  return [...deLeaves].some((k) => k.startsWith(prefix));
}

const KEY_SHAPE = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_-]+)+$/;

/** API method names ('clients.get') share the key shape; none of them is a text key. */
const METHODS = new Set(Object.keys(contract));

/** Draft form ids ('home.scratchNote') share the shape too; they are named as such where they are defined. */
function isFormId(node: ts.Node): boolean {
  const parent = node.parent;
  const name = parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) ? parent.name.getText() : '';
  return /form_?id$/i.test(name);
}

/**
 * Text keys the renderer uses: every first argument of t() (literal, template prefix, or the branches of a
 * conditional), and every other string literal shaped like a key under a text namespace, since keys also travel
 * in data (labelKey, passphraseProblem().key, issue overrides). API method names and draft form ids share that
 * shape and are skipped.
 */
function usedKeys(): { file: string; key: string; prefix: boolean }[] {
  const topLevel = new Set(Object.keys(de));
  const out: { file: string; key: string; prefix: boolean }[] = [];
  for (const file of filesUnder(RENDERER, /\.tsx?$/)) {
    if (file.startsWith(I18N)) continue;
    walk(parse(file), (node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
        const arg = node.arguments[0];
        if (isT && arg && ts.isTemplateExpression(arg)) out.push({ file, key: arg.head.text, prefix: true });
      }
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const text = node.text;
        if (KEY_SHAPE.test(text) && topLevel.has(text.split('.')[0]!) && !METHODS.has(text) && !isFormId(node)) out.push({ file, key: text, prefix: false });
      }
    });
  }
  return out;
}

describe('i18n texts', () => {
  it('write no key twice in one object of a text module', () => {
    expect(filesUnder(I18N, /\.ts$/).flatMap(duplicateKeysIn)).toEqual([]);
  });

  it('give every top-level key to exactly one namespace', () => {
    for (const namespaces of [DE_NAMESPACES, EN_NAMESPACES]) {
      const owners = new Map<string, string[]>();
      for (const [ns, texts] of Object.entries(namespaces)) for (const key of Object.keys(texts)) owners.set(key, [...(owners.get(key) ?? []), ns]);
      expect([...owners].filter(([, list]) => list.length > 1)).toEqual([]);
    }
  });

  it('reach the UI: the translation i18next loads holds every namespace, spread at the top level', () => {
    for (const [translation, namespaces] of [
      [deTranslation, DE_NAMESPACES],
      [enTranslation, EN_NAMESPACES],
    ] as const) {
      const expected = Object.assign({}, ...Object.values(namespaces)) as Record<string, unknown>;
      expect(Object.keys(translation).sort()).toEqual(Object.keys(expected).sort());
      for (const key of Object.keys(expected)) expect((translation as Record<string, unknown>)[key], key).toBe(expected[key]);
    }
  });

  it('have the same namespaces and keys in German and English', () => {
    expect(Object.keys(EN_NAMESPACES).sort()).toEqual(Object.keys(DE_NAMESPACES).sort());
    for (const ns of Object.keys(DE_NAMESPACES) as (keyof typeof DE_NAMESPACES)[]) {
      const deKeys = new Set(leafPaths(DE_NAMESPACES[ns] as unknown as Tree));
      const enKeys = new Set(leafPaths(EN_NAMESPACES[ns] as unknown as Tree));
      expect({ ns, missingInEn: [...deKeys].filter((k) => !enKeys.has(k)) }).toEqual({ ns, missingInEn: [] });
      expect({ ns, missingInDe: [...enKeys].filter((k) => !deKeys.has(k)) }).toEqual({ ns, missingInDe: [] });
    }
  });

  it('have no empty text', () => {
    const blank = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? (v.trim() ? [] : [prefix + k]) : blank(v, `${prefix}${k}.`)));
    for (const namespaces of [DE_NAMESPACES, EN_NAMESPACES]) expect(blank(namespaces as unknown as Tree)).toEqual([]);
  });

  it('contain every key the renderer uses', () => {
    const used = usedKeys();
    // A guard against the scan silently finding nothing (e.g. after a folder move).
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter((u) => (u.prefix ? !branchExists(u.key) : !resolves(u.key))).map((u) => `${u.file.slice(RENDERER.length + 1)}: ${u.key}`);
    expect(missing).toEqual([]);
  });
});
