/**
 * An ordered, editable list of SIP header fields, one value per entry.
 * Names are matched case-insensitively and kept as first written.
 */
export interface HeaderField {
  name: string;
  value: string;
}

export class HeaderList {
  private fields: HeaderField[];

  constructor(fields: HeaderField[] = []) {
    this.fields = fields.map((field) => ({ ...field }));
  }

  /** Every value of a header, in order. */
  all(name: string): string[] {
    const wanted = name.toLowerCase();
    return this.fields.filter((field) => field.name.toLowerCase() === wanted).map((field) => field.value);
  }

  first(name: string): string | undefined {
    return this.all(name)[0];
  }

  has(name: string): boolean {
    return this.all(name).length > 0;
  }

  append(name: string, value: string): this {
    this.fields.push({ name, value });
    return this;
  }

  /** Inserts above the first header of that name (or at the top): Via and Record-Route stacking. */
  prepend(name: string, value: string): this {
    const wanted = name.toLowerCase();
    const at = this.fields.findIndex((field) => field.name.toLowerCase() === wanted);
    this.fields.splice(at === -1 ? 0 : at, 0, { name, value });
    return this;
  }

  /** Replaces all values of a header by one, where the first one was (or at the end). */
  set(name: string, value: string): this {
    const wanted = name.toLowerCase();
    const at = this.fields.findIndex((field) => field.name.toLowerCase() === wanted);
    this.remove(name);
    if (at === -1) this.fields.push({ name, value });
    else this.fields.splice(at, 0, { name, value });
    return this;
  }

  remove(name: string): this {
    const wanted = name.toLowerCase();
    this.fields = this.fields.filter((field) => field.name.toLowerCase() !== wanted);
    return this;
  }

  /** Removes and returns the first value of a header. */
  shift(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const at = this.fields.findIndex((field) => field.name.toLowerCase() === wanted);
    if (at === -1) return undefined;
    const [removed] = this.fields.splice(at, 1);
    return removed?.value;
  }

  clone(): HeaderList {
    return new HeaderList(this.fields);
  }

  /** `Name: value` lines, in order. */
  lines(): string[] {
    return this.fields.map((field) => `${field.name}: ${field.value}`);
  }
}
