'use strict';
// powerMonitor, nativeTheme and screen: fixed, calm answers; specs can make
// powerMonitor emit (simulate.powerEvent) and flip the theme.
const { EventEmitter } = require('node:events');
const { simulators } = require('./records.cjs');

const powerMonitor = Object.assign(new EventEmitter(), {
  onBatteryPower: false,
  getSystemIdleState: () => 'active',
  getSystemIdleTime: () => 0,
  getCurrentThermalState: () => 'nominal',
  isOnBatteryPower: () => powerMonitor.onBatteryPower,
});

const POWER_EVENTS = ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'on-ac', 'on-battery', 'shutdown', 'user-did-become-active', 'user-did-resign-active', 'speed-limit-change', 'thermal-state-change'];

simulators.powerEvent = (name, ...args) => {
  if (!POWER_EVENTS.includes(name)) throw new Error(`Unknown powerMonitor event '${name}'`);
  if (name === 'on-ac') powerMonitor.onBatteryPower = false;
  if (name === 'on-battery') powerMonitor.onBatteryPower = true;
  powerMonitor.emit(name, ...args);
  return true;
};

let themeSource = 'system';
const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseHighContrastColors: false,
  shouldUseInvertedColorScheme: false,
  inForcedColorsMode: false,
  prefersReducedTransparency: false,
});
Object.defineProperty(nativeTheme, 'themeSource', {
  get: () => themeSource,
  set(value) {
    themeSource = value;
    nativeTheme.emit('updated');
  },
});
Object.defineProperty(nativeTheme, 'shouldUseDarkColors', { get: () => themeSource === 'dark' });

const display = {
  id: 1,
  label: 'Stand-in display',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1080 },
  size: { width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1080 },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
  monochrome: false,
  touchSupport: 'unknown',
  accelerometerSupport: 'unknown',
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  displayFrequency: 60,
  detected: true,
};
const copy = () => JSON.parse(JSON.stringify(display));
const screen = Object.assign(new EventEmitter(), {
  getPrimaryDisplay: copy,
  getAllDisplays: () => [copy()],
  getDisplayNearestPoint: copy,
  getDisplayMatching: copy,
  getCursorScreenPoint: () => ({ x: 0, y: 0 }),
  screenToDipPoint: (p) => p,
  dipToScreenPoint: (p) => p,
});

module.exports = { powerMonitor, nativeTheme, screen };
