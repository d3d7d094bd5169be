'use strict';
// `nativeImage`: enough to carry icons around (path or data URL), read PNG
// sizes, and describe images in the stand-in's records.
const fs = require('node:fs');
const path = require('node:path');

const MIME = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.ico': 'image/x-icon', '.svg': 'image/svg+xml', '.webp': 'image/webp' };

class NativeImage {
  constructor({ buffer = null, mime = 'image/png', path: filePath = null } = {}) {
    this._buffer = buffer;
    this._mime = mime;
    this.path = filePath;
    this._template = false;
  }

  isEmpty() {
    return !this._buffer || this._buffer.length === 0;
  }

  toDataURL() {
    return this.isEmpty() ? 'data:image/png;base64,' : `data:${this._mime};base64,${this._buffer.toString('base64')}`;
  }

  toPNG() {
    return this._buffer && this._mime === 'image/png' ? Buffer.from(this._buffer) : Buffer.alloc(0);
  }

  toBitmap() {
    return Buffer.alloc(0);
  }

  getSize() {
    const b = this._buffer;
    if (b && this._mime === 'image/png' && b.length >= 24) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    return { width: 0, height: 0 };
  }

  getAspectRatio() {
    const { width, height } = this.getSize();
    return height ? width / height : 1;
  }

  resize() {
    return this;
  }

  crop() {
    return this;
  }

  setTemplateImage(flag) {
    this._template = Boolean(flag);
  }

  isTemplateImage() {
    return this._template;
  }

  addRepresentation() {}

  /** How records describe it. */
  describe() {
    return this.path || (this.isEmpty() ? '(empty)' : `(data ${this._mime}, ${this._buffer.length} bytes)`);
  }
}

const nativeImage = {
  createEmpty: () => new NativeImage(),
  createFromPath(filePath) {
    try {
      const buffer = fs.readFileSync(filePath);
      return new NativeImage({ buffer, mime: MIME[path.extname(filePath).toLowerCase()] || 'image/png', path: filePath });
    } catch {
      return new NativeImage({ path: null });
    }
  },
  createFromDataURL(url) {
    const match = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(String(url));
    if (!match) return new NativeImage();
    const buffer = match[2] ? Buffer.from(match[3], 'base64') : Buffer.from(decodeURIComponent(match[3]));
    return new NativeImage({ buffer, mime: match[1] || 'image/png' });
  },
  createFromBuffer: (buffer) => new NativeImage({ buffer: Buffer.from(buffer) }),
  createFromNamedImage: () => new NativeImage(),
};

/** Accepts what Electron accepts where an image is expected: NativeImage or path. */
function toImage(image) {
  if (image instanceof NativeImage) return image;
  if (typeof image === 'string') return nativeImage.createFromPath(image);
  return new NativeImage();
}

module.exports = { nativeImage, NativeImage, toImage };
