/**
 * Bytes of a file → text, for the loaders. Scenario files are UTF-8, but editors on Windows save
 * with a byte-order mark, as UTF-16, or in the local GBK code page; each is recognised and decoded
 * so that a Chinese name arrives intact, or refused with a sentence saying how to save the file.
 */
import type { Language } from './messages.ts';

export type Decoded =
  { ok: true; text: string; encoding: string } | { ok: false; encoding: string; message: string };

const saveAsUtf8 = {
  en: (encoding: string) =>
    `the file is encoded as ${encoding}, not UTF-8, and cannot be decoded here: open it in a text editor and save it as "UTF-8"`,
  zh: (encoding: string) =>
    `文件编码为 ${encoding}，不是 UTF-8，此处无法解码：请用文本编辑器打开，另存为“UTF-8”编码`,
};

const damagedUtf8 = {
  en: (at: number) =>
    `the file is UTF-8 but has bytes that are not (near byte ${at}): it is damaged, or parts were pasted from another encoding; save it again as "UTF-8"`,
  zh: (at: number) =>
    `文件为 UTF-8 编码，但含有无效字节（约第 ${at} 字节处）：文件已损坏，或混入了其他编码的内容；请重新另存为“UTF-8”编码`,
};

const notText = {
  en: (what: string) =>
    `this is not a text file (${what}): save the data as text, e.g. CSV or JSON encoded as "UTF-8"`,
  zh: (what: string) =>
    `这不是文本文件（${what}）：请把数据另存为文本，如 UTF-8 编码的 CSV 或 JSON`,
};

/** What a binary file's first bytes say it is, in both languages. */
const SIGNATURES: Array<{ bytes: number[]; en: string; zh: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    en: 'an Excel workbook (.xlsx) or another zip archive',
    zh: 'Excel 工作簿（.xlsx）或其他 zip 压缩文件',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    en: 'an old Excel workbook (.xls) or another Office file',
    zh: '旧版 Excel 工作簿（.xls）或其他 Office 文件',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], en: 'a PDF document', zh: 'PDF 文档' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], en: 'a PNG image', zh: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], en: 'a JPEG image', zh: 'JPEG 图片' },
  { bytes: [0x1f, 0x8b], en: 'a gzip archive', zh: 'gzip 压缩文件' },
  { bytes: [0x52, 0x61, 0x72, 0x21], en: 'a RAR archive', zh: 'RAR 压缩文件' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], en: 'a 7-Zip archive', zh: '7-Zip 压缩文件' },
];

/** Bytes looked at to tell a binary file from text. */
const SNIFF_BYTES = 65_536;

function notTextFile(what: string, language: Language): Decoded {
  return { ok: false, encoding: 'binary', message: notText[language](what) };
}

/** What a known binary signature at the start says the file is, or null. */
function signatureOf(bytes: Uint8Array, language: Language): string | null {
  const found = SIGNATURES.find((signature) => signature.bytes.every((b, i) => bytes[i] === b));
  return found ? found[language] : null;
}

/**
 * Control bytes (NUL and the like, which text never has) making up more than 1% of the start.
 * A single stray control byte is left to the reader, which names where it is.
 */
function isControlHeavy(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  return control >= 2 && control * 100 > sample.length;
}

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null; // Node without full ICU knows only UTF-8 and UTF-16LE.
  }
}

/** Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK. */
export function decodeText(bytes: Uint8Array, language: Language = 'en'): Decoded {
  const fail = (encoding: string): Decoded => ({
    ok: false,
    encoding,
    message: saveAsUtf8[language](encoding),
  });
  const decodeWith = (label: string, name: string, skip: number): Decoded => {
    const d = decoder(label);
    if (!d) return fail(name);
    try {
      return { ok: true, text: d.decode(bytes.subarray(skip)), encoding: name };
    } catch {
      return fail(name);
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith('utf-8', 'UTF-8 with BOM', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', 'UTF-16LE', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', 'UTF-16BE', 2);
  const signature = signatureOf(bytes, language);
  if (signature !== null) return notTextFile(signature, language);
  // UTF-16 without a BOM: JSON starts with ASCII, so every other byte is 0.
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0)
    return decodeWith('utf-16le', 'UTF-16LE', 0);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0)
    return decodeWith('utf-16be', 'UTF-16BE', 0);
  if (isControlHeavy(bytes))
    return notTextFile(
      language === 'zh' ? '含有大量控制字节' : 'it is full of control bytes',
      language,
    );
  const utf8 = decodeWith('utf-8', 'UTF-8', 0);
  if (utf8.ok) return utf8;
  // Valid UTF-8 characters beside the bad bytes: a damaged UTF-8 file, not a GBK one (reading it
  // as GBK would turn its Chinese into mojibake).
  const loose = new TextDecoder('utf-8').decode(bytes);
  if (hasNonAscii(loose)) {
    const at = new TextEncoder().encode(loose.slice(0, loose.indexOf('\ufffd'))).length;
    return { ok: false, encoding: 'UTF-8', message: damagedUtf8[language](at) };
  }
  // Not UTF-8: in this project's files, a Chinese name in the local code page (GBK, GB18030).
  const gb = decodeWith('gb18030', 'GB18030 (GBK)', 0);
  return gb.ok ? gb : fail('GB18030 (GBK) or another local code page');
}

/** Whether the text has a character beyond ASCII other than U+FFFD (the replacement character). */
function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f && code !== 0xfffd) return true;
  }
  return false;
}
