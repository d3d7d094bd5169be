'use strict';
// `Menu` / `MenuItem`: templates are kept, never shown. Specs click items
// by label through __standin.simulate.menuClick(label).
const { records, simulators } = require('./records.cjs');
const { makeEvent } = require('./runtime.cjs');

let nextMenuId = 1;
let applicationMenu = null;
const popups = [];

class MenuItem {
  constructor(options = {}) {
    Object.assign(this, options);
    this.type = options.type || (options.submenu ? 'submenu' : 'normal');
    this.enabled = options.enabled !== false;
    this.visible = options.visible !== false;
    this.checked = Boolean(options.checked);
    if (options.submenu && !(options.submenu instanceof Menu)) this.submenu = Menu.buildFromTemplate(options.submenu);
  }

  describe() {
    const out = { label: this.label ?? '', type: this.type, enabled: this.enabled, visible: this.visible };
    for (const key of ['id', 'role', 'accelerator', 'sublabel', 'toolTip']) if (this[key] !== undefined) out[key] = String(this[key]);
    if (this.type === 'checkbox' || this.type === 'radio') out.checked = this.checked;
    if (this.submenu) out.submenu = this.submenu.describe();
    return out;
  }
}

class Menu {
  constructor() {
    this.id = nextMenuId++;
    this.items = [];
  }

  append(item) {
    this.items.push(item instanceof MenuItem ? item : new MenuItem(item));
  }

  insert(position, item) {
    this.items.splice(position, 0, item instanceof MenuItem ? item : new MenuItem(item));
  }

  getMenuItemById(id) {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu && item.submenu.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }

  popup(options = {}) {
    popups.push(this);
    records.contextMenus.push({ menuId: this.id, items: this.describe(), x: options.x ?? null, y: options.y ?? null });
  }

  closePopup() {}

  on() {
    return this;
  }

  once() {
    return this;
  }

  describe() {
    return this.items.map((item) => item.describe());
  }

  static buildFromTemplate(template) {
    const menu = new Menu();
    for (const entry of template || []) menu.append(entry);
    return menu;
  }

  static setApplicationMenu(menu) {
    applicationMenu = menu || null;
    records.applicationMenu = menu ? menu.describe() : null;
  }

  static getApplicationMenu() {
    return applicationMenu;
  }

  static sendActionToFirstResponder() {}
}

function findByLabel(menu, label) {
  if (!menu) return null;
  for (const item of menu.items) {
    if (item.label === label) return item;
    const found = findByLabel(item.submenu, label);
    if (found) return found;
  }
  return null;
}

const extraMenus = new Set(); // e.g. tray context menus, registered by tray.cjs

/** Clicks the first item labelled `label` in the application menu, tray menus or popped-up menus. */
simulators.menuClick = (label) => {
  const menus = [applicationMenu, ...extraMenus, ...popups.slice().reverse()];
  for (const menu of menus) {
    const item = findByLabel(menu, label);
    if (!item) continue;
    if (!item.enabled) throw new Error(`Menu item '${label}' is disabled`);
    if (item.type === 'checkbox') item.checked = !item.checked;
    if (item.type === 'radio') item.checked = true;
    const { BrowserWindow } = require('./browser-window.cjs');
    if (typeof item.click === 'function') item.click(item, BrowserWindow.getFocusedWindow() || undefined, makeEvent());
    return true;
  }
  throw new Error(`No menu item labelled '${label}'`);
};

module.exports = { Menu, MenuItem, extraMenus };
