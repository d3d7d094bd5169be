import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IPC_ERROR_CODES } from '../../../../common/contract/result';
import { ENGINE_STATUSES, connectionStateSchema } from '../../../../common/contract/snapshot';
import { SUPPORTED_LANGUAGES } from '../../../../common/contract/languages';
import { NOTICE_ACTIONS } from '../../../../renderer/ui/features/notices/slice';
import { DTMF_MODES, REGISTRATION_STATUSES } from '../../../../common/contract/softphone';
import { LINE_IDS, REFUSAL_REASONS } from '../../../../common/softphone';
import { LINE_FLAGS, LINE_STATE_LABELS } from '../../../../renderer/ui/features/softphone/line-text';
import { SIP_ERROR_KEYS } from '../../../../renderer/ui/features/softphone/account-form';
import { DEVICE_ROLES } from '../../../../renderer/ui/features/softphone/audio-devices';
import { AUX_VIEWS, CONTACT_CHANNELS } from '../../../../renderer/ui/features/shell/slice';
import { API_ERROR_CODES } from '../../../../common/agent-api/errors';
import { LOGOUT_REASONS } from '../../../../common/agent-api/agent';
import { SESSION_ACTIONS } from '../../../../renderer/ui/features/session/failure';
import { LOGIN_FIELD_ERROR_KEYS } from '../../../../renderer/ui/features/session/login-validation';
import { WRAP_UP_ACTIONS } from '../../../../renderer/ui/features/wrap-up/slice';
import { en, ko } from '../../../../common/i18n/resources';

type Tree = { [key: string]: string | Tree };
const locales: Record<string, Tree> = { en, ko };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function subtree(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

const flat = Object.fromEntries(Object.entries(locales).map(([lng, tree]) => [lng, flatten(tree)]));
const enKeys = [...flat.en!.keys()].sort();

const RENDERER = join(__dirname, '../../../../renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('ship every supported language', () => {
    expect(Object.keys(locales).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it.each(Object.keys(locales))('%s has exactly the English key set', (lng) => {
    expect([...flat[lng]!.keys()].sort()).toEqual(enKeys);
  });

  it.each(Object.keys(locales))('%s has no empty values', (lng) => {
    const empty = [...flat[lng]!].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(Object.keys(locales))('%s uses the same {{placeholders}} as English', (lng) => {
    const names = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of enKeys) {
      expect([key, names(flat[lng]!.get(key)!)]).toEqual([key, names(flat.en!.get(key)!)]);
    }
  });

  it('Korean is actually translated (most values differ from English)', () => {
    const same = enKeys.filter((k) => flat.ko!.get(k) === flat.en!.get(k));
    // Names (languages, platforms, product, key caps) legitimately stay as written.
    expect(same.length).toBeLessThan(enKeys.length * 0.15);
  });

  it('cover every value the UI builds a key from', () => {
    const families: [string, readonly string[]][] = [
      ['errors.ipc', IPC_ERROR_CODES],
      ['engine.status', ENGINE_STATUSES],
      ['connection.status', connectionStateSchema.shape.status.options],
      ['notices.action', NOTICE_ACTIONS],
      ['softphone.registration.status', REGISTRATION_STATUSES],
      ['softphone.account.errors', SIP_ERROR_KEYS],
      ['softphone.account.dtmf', DTMF_MODES],
      ['softphone.refusal', REFUSAL_REASONS],
      ['softphone.lineState', LINE_STATE_LABELS],
      ['softphone.lineFlag', LINE_FLAGS],
      ['softphone.lineTitle', LINE_IDS],
      ['softphone.lineShort', LINE_IDS],
      ['softphone.devices', DEVICE_ROLES.map((role) => `${role}.label`)],
      ['softphone.devices', DEVICE_ROLES.map((role) => `${role}.unnamed`)],
      ['contacts.channels', CONTACT_CHANNELS],
      ['languages', SUPPORTED_LANGUAGES],
      ['session.loginErrors', [...API_ERROR_CODES, 'labNotRunning']],
      ['session.errors', API_ERROR_CODES],
      ['session.ended.reason', LOGOUT_REASONS],
      ['session.notice.action', SESSION_ACTIONS],
      ['wrapUp.notice.action', WRAP_UP_ACTIONS],
      ['session.login.fieldErrors', LOGIN_FIELD_ERROR_KEYS],
      ['nav', AUX_VIEWS.filter((v) => v !== 'customer')],
      ['aux', AUX_VIEWS.filter((v) => v !== 'settings').map((v) => `${v}.title`)],
      // The dialpad view is the dial box, not an empty state.
      ['aux', AUX_VIEWS.filter((v) => v !== 'settings' && v !== 'dialpad').map((v) => `${v}.empty`)],
    ];
    for (const [prefix, values] of families) {
      for (const value of values) expect(`${prefix}.${value}: ${typeof subtree(en, `${prefix}.${value}`)}`).toBe(`${prefix}.${value}: string`);
    }
  });
});

describe('translation keys used in renderer source', () => {
  const files = sourceFiles(RENDERER);
  const staticKey = /\bt\(\s*(['"])([^'"`]+)\1/g;
  const templateKey = /\bt\(\s*`([^`]*)`/g;

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(RENDERER, f), f]))('%s only uses existing keys', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const missing: string[] = [];
    for (const match of text.matchAll(staticKey)) {
      const key = match[2]!;
      if (typeof subtree(en, key) !== 'string') missing.push(key);
    }
    // Template keys (`engine.status.${status}`): the static prefix must be a key group.
    for (const match of text.matchAll(templateKey)) {
      const prefix = match[1]!.split('${')[0]!.replace(/\.$/, '');
      if (prefix && typeof subtree(en, prefix) !== 'object') missing.push(`${prefix}.*`);
    }
    expect(missing).toEqual([]);
  });
});
