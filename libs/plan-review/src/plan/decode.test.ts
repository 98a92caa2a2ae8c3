import { InputError } from '../errors';
import { decodeText } from './decode';

const json = '{"format_version":"1.2","é":"ü"}';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(Buffer.from(json, 'utf8'))).toBe(json);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(
      json,
    );
  });

  it('reads UTF-16 LE with a BOM, as Windows PowerShell 5 "Out-File" saves it', () => {
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])),
    ).toBe(json);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const be = Buffer.from(json, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(json);
  });

  it('reads BOM-less UTF-16 in either byte order', () => {
    expect(decodeText(Buffer.from(json, 'utf16le'))).toBe(json);
    expect(decodeText(Buffer.from(json, 'utf16le').swap16())).toBe(json);
  });

  it('rejects a binary plan file with a hint to run terraform show -json', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'tfplan')).toThrow(
      /terraform show -json/,
    );
  });

  it('rejects bytes that are not text', () => {
    expect(() => decodeText(Buffer.from([0x7b, 0xc3, 0x28, 0xa0]), 'x')).toThrow(InputError);
  });

  it('reads the shortest UTF-16 text and drops a dangling odd byte, in either byte order', () => {
    expect(decodeText(Buffer.from([0x7b, 0x00]))).toBe('{');
    expect(decodeText(Buffer.from([0x00, 0x7b]))).toBe('{');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff, 0x00, 0x7b, 0x00])]))).toBe('{');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d])]))).toBe('{');
  });

  it('reads UTF-8 that merely starts like a byte order mark or a zip file', () => {
    expect(decodeText(Buffer.from('Plan: 1 to add'))).toBe('Plan: 1 to add');
    expect(() => decodeText(Buffer.from([0xff, 0x41, 0x41]))).toThrow(
      'input: not a text file (neither UTF-8 nor UTF-16)',
    );
  });
});
