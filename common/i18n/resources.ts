import baseEn from './locales/en.json';
import baseKo from './locales/ko.json';
import voiceEn from './locales/voice.en.json';
import voiceKo from './locales/voice.ko.json';
import alertsEn from './locales/alerts.en.json';
import alertsKo from './locales/alerts.ko.json';
import desktopEn from './locales/desktop.en.json';
import desktopKo from './locales/desktop.ko.json';
import policyEn from './locales/policy.en.json';
import policyKo from './locales/policy.ko.json';
import updatesEn from './locales/updates.en.json';
import updatesKo from './locales/updates.ko.json';

type Tree = { [key: string]: string | Tree };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Deep-merges locale parts; a key defined twice with different shapes is a build-time bug, so it throws. */
export function mergeLocales<T extends object[]>(...parts: T): UnionToIntersection<T[number]> {
  const merge = (target: Tree, source: Tree, path: string): Tree => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      const at = path ? `${path}.${key}` : key;
      if (existing === undefined) target[key] = typeof value === 'string' ? value : merge({}, value, at);
      else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`locale key ${at} defined twice`);
      else merge(existing, value, at);
    }
    return target;
  };
  return parts.reduce<Tree>((tree, part) => merge(tree, part as Tree, ''), {}) as UnionToIntersection<T[number]>;
}

/**
 * The UI's strings. Each area of the app keeps its own file pair
 * (`<area>.en.json`, `<area>.ko.json`) so features do not edit one shared
 * file; they are merged here. Every language is complete (the locale test).
 */
export const en = mergeLocales(baseEn, voiceEn, alertsEn, desktopEn, policyEn, updatesEn);
export const ko = mergeLocales(baseKo, voiceKo, alertsKo, desktopKo, policyKo, updatesKo);
export type LocaleTree = typeof en;
