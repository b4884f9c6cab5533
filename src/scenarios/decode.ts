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
  // UTF-16 without a BOM: JSON starts with ASCII, so every other byte is 0.
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0)
    return decodeWith('utf-16le', 'UTF-16LE', 0);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0)
    return decodeWith('utf-16be', 'UTF-16BE', 0);
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
