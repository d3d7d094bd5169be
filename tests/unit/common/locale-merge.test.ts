import { en, ko, mergeLocales } from '../../../common/i18n/resources';

describe('mergeLocales', () => {
  it('deep-merges the area files into one tree', () => {
    expect(mergeLocales({ a: { b: 'x' } }, { a: { c: 'y' } }, { d: 'z' })).toEqual({ a: { b: 'x', c: 'y' }, d: 'z' });
  });

  it('refuses a key defined by two areas', () => {
    expect(() => mergeLocales({ a: { b: 'x' } }, { a: { b: 'y' } })).toThrow('locale key a.b defined twice');
    expect(() => mergeLocales({ a: 'x' }, { a: { b: 'y' } })).toThrow('locale key a defined twice');
  });

  it('builds both bundled languages', () => {
    expect(Object.keys(en).length).toBeGreaterThan(5);
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });
});
