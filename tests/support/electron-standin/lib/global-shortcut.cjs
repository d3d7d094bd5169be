'use strict';
// `globalShortcut`: a registry instead of the OS. Specs can mark an
// accelerator as taken by another application (register() then fails like
// it does on a real desktop) and fire a registered one.
const { records, simulators } = require('./records.cjs');

const ALIASES = { commandorcontrol: 'Ctrl', cmdorctrl: 'Ctrl', control: 'Ctrl', ctrl: 'Ctrl', command: 'Super', cmd: 'Super', super: 'Super', meta: 'Super', alt: 'Alt', option: 'Alt', altgr: 'AltGr', shift: 'Shift' };
const ORDER = ['Ctrl', 'Alt', 'AltGr', 'Shift', 'Super'];

/** 'CmdOrCtrl+shift+a' → 'Ctrl+Shift+A' (Linux semantics). */
function normalise(accelerator) {
  const parts = String(accelerator).split('+').map((p) => p.trim()).filter(Boolean);
  const modifiers = new Set();
  let key = '';
  for (const part of parts) {
    const alias = ALIASES[part.toLowerCase()];
    if (alias) modifiers.add(alias);
    else key = part.length === 1 ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1).toLowerCase();
  }
  return [...ORDER.filter((m) => modifiers.has(m)), key].join('+');
}

const registered = new Map(); // normalised → { accelerator, callback }
const occupied = new Set(); // normalised, taken by "another application"

function syncRecords() {
  records.shortcuts.registered = [...registered.values()].map((entry) => entry.accelerator);
  records.shortcuts.occupiedByOs = [...occupied];
}

const globalShortcut = {
  register(accelerator, callback) {
    const key = normalise(accelerator);
    if (registered.has(key) || occupied.has(key)) {
      records.shortcuts.refused.push(String(accelerator));
      return false;
    }
    registered.set(key, { accelerator: String(accelerator), callback });
    syncRecords();
    return true;
  },
  registerAll(accelerators, callback) {
    for (const accelerator of accelerators) globalShortcut.register(accelerator, callback);
  },
  isRegistered(accelerator) {
    return registered.has(normalise(accelerator));
  },
  unregister(accelerator) {
    registered.delete(normalise(accelerator));
    syncRecords();
  },
  unregisterAll() {
    registered.clear();
    syncRecords();
  },
};

simulators.shortcut = (accelerator) => {
  const entry = registered.get(normalise(accelerator));
  if (!entry) return false;
  entry.callback();
  return true;
};
simulators.occupyShortcut = (accelerator) => {
  occupied.add(normalise(accelerator));
  syncRecords();
  return true;
};
simulators.releaseShortcut = (accelerator) => {
  occupied.delete(normalise(accelerator));
  syncRecords();
  return true;
};

module.exports = { globalShortcut, normaliseAccelerator: normalise };
