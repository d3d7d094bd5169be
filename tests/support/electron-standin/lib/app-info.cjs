'use strict';
// Static facts about the app being run: entry file, package.json, locale.
const fs = require('node:fs');
const path = require('node:path');

function resolveApp(appArg) {
  if (!appArg) throw new Error('No app path given: usage `electron <appDir|main.js> [args…]`');
  const abs = path.resolve(appArg);
  if (!fs.existsSync(abs)) throw new Error(`App path does not exist: ${abs}`);
  let appDir;
  let entry;
  if (fs.statSync(abs).isDirectory()) {
    appDir = abs;
    const pkg = readPackage(appDir);
    entry = path.resolve(appDir, (pkg && pkg.main) || 'index.js');
  } else {
    entry = abs;
    appDir = path.dirname(abs);
  }
  const pkg = readPackage(appDir) || {};
  return {
    appPath: appDir,
    entry,
    name: pkg.productName || pkg.name || 'Electron',
    version: pkg.version || '0.0.0',
  };
}

function readPackage(dir) {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** 'ko_KR.UTF-8' → 'ko-KR', 'C' → null. */
function toBcp47(posix) {
  if (!posix) return null;
  const base = String(posix).split(/[.@]/)[0];
  if (!base || base === 'C' || base === 'POSIX') return null;
  const [lang, region] = base.split(/[_-]/);
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
}

function preferredLanguages(langSwitch, env = process.env) {
  if (langSwitch) return [toBcp47(langSwitch) || 'en-US'];
  const fromLanguage = (env.LANGUAGE || '').split(':').map(toBcp47).filter(Boolean);
  if (fromLanguage.length && (env.LC_ALL || env.LANG || '').split('.')[0] !== 'C') return fromLanguage;
  const single = toBcp47(env.LC_ALL) || toBcp47(env.LC_MESSAGES) || toBcp47(env.LANG);
  return single ? [single] : ['en-US'];
}

/** Chromium's UI locale rule: most languages drop the region. */
const REGIONAL = { en: ['US', 'GB'], es: ['419'], pt: ['BR', 'PT'], zh: ['CN', 'TW', 'HK'] };

function appLocale(preferred) {
  const [lang, region] = (preferred[0] || 'en-US').split('-');
  if (REGIONAL[lang]) {
    if (region && REGIONAL[lang].includes(region)) return `${lang}-${region}`;
    return lang === 'en' ? 'en-US' : lang === 'zh' ? 'zh-CN' : lang;
  }
  return lang;
}

module.exports = { resolveApp, preferredLanguages, appLocale, toBcp47 };
