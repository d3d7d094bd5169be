'use strict';
// `Tray`: recorded, never shown. Specs can click one via simulate.trayClick(i).
const { EventEmitter } = require('node:events');
const { records, simulators } = require('./records.cjs');
const { makeEvent } = require('./runtime.cjs');
const { toImage } = require('./native-image.cjs');
const { extraMenus } = require('./menu.cjs');

const trays = [];

class Tray extends EventEmitter {
  constructor(image) {
    super();
    this._destroyed = false;
    this._menu = null;
    this._record = { index: records.tray.length, image: toImage(image).describe(), toolTip: '', title: '', contextMenu: null, destroyed: false };
    records.tray.push(this._record);
    trays.push(this);
  }

  setImage(image) {
    this._record.image = toImage(image).describe();
  }

  setPressedImage() {}

  setToolTip(toolTip) {
    this._record.toolTip = String(toolTip);
  }

  setTitle(title) {
    this._record.title = String(title);
  }

  getTitle() {
    return this._record.title;
  }

  setContextMenu(menu) {
    if (this._menu) extraMenus.delete(this._menu);
    this._menu = menu || null;
    if (menu) extraMenus.add(menu);
    this._record.contextMenu = menu ? menu.describe() : null;
  }

  setIgnoreDoubleClickEvents() {}

  popUpContextMenu() {}

  closeContextMenu() {}

  displayBalloon(options = {}) {
    this._record.balloon = JSON.parse(JSON.stringify(options));
  }

  getBounds() {
    return { x: 0, y: 0, width: 22, height: 22 };
  }

  destroy() {
    this._destroyed = true;
    this._record.destroyed = true;
    if (this._menu) extraMenus.delete(this._menu);
  }

  isDestroyed() {
    return this._destroyed;
  }
}

simulators.trayClick = (index = 0, kind = 'click') => {
  const tray = trays[index];
  if (!tray || tray.isDestroyed()) throw new Error(`No live tray #${index}`);
  tray.emit(kind, makeEvent(), { x: 0, y: 0, width: 22, height: 22 }, { x: 0, y: 0 });
  return true;
};

/** Refresh a tray record after its menu changed in place (menu items mutated). */
function refreshTrayRecords() {
  for (const tray of trays) if (tray._menu) tray._record.contextMenu = tray._menu.describe();
}

module.exports = { Tray, refreshTrayRecords };
