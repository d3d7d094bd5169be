'use strict';
// Command-line handling: what Playwright/the user passed to bin/electron,
// turned into the app's Electron-like process.argv and app.commandLine.

/** Switches Playwright puts in front of the app path; hidden from the app like its loader does. */
const LAUNCHER_SWITCHES = /^--(inspect(-brk)?(=.*)?|remote-debugging-port=.*|no-sandbox)$/;

function parseSwitch(arg) {
  const match = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
  if (!match) return null;
  return { name: match[1].toLowerCase(), value: match[2] ?? '' };
}

/**
 * args: everything after `boot.cjs` (node's own flags are already gone).
 * Returns { appArg, appArgs, remoteDebuggingPort, launcherSwitches }.
 */
function parseLaunchArgs(args) {
  let remoteDebuggingPort = null;
  const leading = [];
  let index = 0;
  for (; index < args.length; index += 1) {
    const arg = args[index];
    if (!arg.startsWith('-')) break;
    leading.push(arg);
  }
  for (const arg of args) {
    const sw = parseSwitch(arg);
    if (sw && sw.name === 'remote-debugging-port') remoteDebuggingPort = sw.value || '0';
  }
  const appArg = args[index];
  // Switches before the app path other than the launcher's own stay visible.
  const keptLeading = leading.filter((arg) => !LAUNCHER_SWITCHES.test(arg));
  const rest = args.slice(index + 1);
  return { appArg, appArgs: [...keptLeading, ...rest], remoteDebuggingPort };
}

class CommandLine {
  constructor(argv) {
    this.switches = new Map();
    this.appended = [];
    for (const arg of argv) {
      if (arg === '--') break;
      const sw = parseSwitch(arg);
      if (sw && arg.startsWith('--')) this.switches.set(sw.name, sw.value);
    }
  }

  appendSwitch(name, value) {
    const key = String(name).toLowerCase();
    this.switches.set(key, value === undefined ? '' : String(value));
    this.appended.push({ name: key, value: value === undefined ? '' : String(value) });
  }

  appendArgument() {}

  hasSwitch(name) {
    return this.switches.has(String(name).toLowerCase());
  }

  getSwitchValue(name) {
    return this.switches.get(String(name).toLowerCase()) ?? '';
  }

  removeSwitch(name) {
    this.switches.delete(String(name).toLowerCase());
  }
}

module.exports = { parseLaunchArgs, parseSwitch, CommandLine };
