// The end-to-end tests' own fixtures: a township's list as a clerk's spreadsheet (CSV in UTF-8 or
// GBK, and an .xlsx written by a small zip writer here, independent of the app's), and what the
// rules say its results are, computed here by hand-written arithmetic (domain.md, scheme B).
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** The categories of scheme B used here, by name. */
const CATEGORIES = ['村', '社区', '机关'];

/**
 * 21 organizations under scheme B: 党委评定 and 自评 as scores, the vote as ballots (好, 较好, 一般,
 * 较差 of 50, all of the 50 people eligible). None scores below 60, so the 5% rule (⌈5% × 21⌉ = 2)
 * moves the two lowest to 较差.
 */
export function township() {
  const orgs = [];
  for (let i = 0; i < 21; i += 1) {
    const good = 46 - 2 * i > 0 ? 46 - 2 * i : 0;
    const fair = 50 - good - 4;
    orgs.push({
      name: `第${i + 1}党支部`,
      category: CATEGORIES[i % 3],
      committee: 99 - i * 1.75,
      ballots: [good, fair, 4, 0],
      eligible: 50,
      self: 98 - i,
    });
  }
  return orgs;
}

/**
 * `n` organizations for the benchmarks: deterministic scores and ballots spread over scheme B's
 * tiers and six categories.
 */
export function benchOrgs(n) {
  const categories = ['村', '社区', '机关', '企业', '事业单位', '社会组织'];
  return Array.from({ length: n }, (_, i) => {
    const good = 10 + ((i * 7) % 37);
    return {
      name: `第${i + 1}党支部`,
      category: categories[i % categories.length],
      committee: 60 + ((i * 13) % 400) / 10,
      ballots: [good, 50 - good - 3, 2, 1],
      eligible: 60,
      self: 70 + ((i * 17) % 300) / 10,
    };
  });
}

/** The headers a clerk would type, matching the app's column names. */
export const HEADERS = ['组织名称', '分类', '党委评定', '党员群众测评·好（票）', '党员群众测评·较好（票）',
  '党员群众测评·一般（票）', '党员群众测评·较差（票）', '党员群众测评·应参加人数', '自评'];

/** The rows of a list: the header, then one row per organization. */
export function records(orgs) {
  return [HEADERS, ...orgs.map((o) => [o.name, o.category, o.committee, ...o.ballots, o.eligible, o.self])];
}

/**
 * What scheme B says of each organization, computed in thousandths of a point (exact):
 * vote = 100·好 + 60·较好 + 30·一般 + 10·较差 rates; composite = 50% + 30% + 20%, rounded half up to
 * 2 decimals; tiers 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60; at least ⌈5% × N⌉ 较差 (the lowest moved);
 * stars 好 → 五星 for at most ⌊20% × count(好)⌋ (the highest), the rest 四星; 较好 → 三星;
 * 一般 → 二星 at 70 and above, else 一星; 较差 → 不定星.
 */
export function expected(orgs) {
  const rows = orgs.map((o) => {
    const [g, f, a, p] = o.ballots;
    const valid = g + f + a + p;
    // vote × 1000 × valid, then the composite in 1/100000 of a point.
    const vote = (100 * g + 60 * f + 30 * a + 10 * p) * 1000; // ÷ valid → thousandths
    const exact = (o.committee * 1000 * 50 * valid + 30 * vote + o.self * 1000 * 20 * valid) / valid; // 1/100000
    const hundredths = Math.floor((Math.round(exact) + 500) / 1000);
    return { name: o.name, category: o.category, composite: hundredths };
  });
  const tierOf = (c) => (c >= 9000 ? '好' : c >= 8000 ? '较好' : c >= 6000 ? '一般' : '较差');
  for (const r of rows) r.tier = tierOf(r.composite);
  const floor = Math.ceil((5 * rows.length) / 100);
  const byScore = [...rows].sort((x, y) => x.composite - y.composite);
  const already = rows.filter((r) => r.tier === '较差').length;
  for (const r of byScore.slice(0, Math.max(0, floor - already))) {
    if (r.tier !== '较差') {
      r.tier = '较差';
      r.moved = true;
    }
  }
  const good = rows.filter((r) => r.tier === '好').sort((x, y) => y.composite - x.composite);
  const five = Math.floor((20 * good.length) / 100);
  for (const r of rows) {
    if (r.tier === '好') r.stars = good.indexOf(r) < five ? '五星' : '四星';
    else if (r.tier === '较好') r.stars = '三星';
    else if (r.tier === '一般') r.stars = r.composite >= 7000 ? '二星' : '一星';
    else r.stars = '不定星';
    r.shown = (r.composite / 100).toFixed(2);
  }
  return rows;
}

/** A CSV of `rows` (RFC 4180 quoting), lines ended by CRLF as Excel writes them. */
export function csv(rows) {
  const cell = (v) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** `text` in GBK, as Chinese Excel saves a CSV (no BOM). Built from the platform's GBK decoder. */
export function gbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) out.push(code);
    else if (table.has(ch)) out.push(...table.get(ch));
    else throw new Error(`not in GBK: ${ch}`);
  }
  return Buffer.from(out);
}

// ---- A minimal .xlsx writer: a zip (deflated, as Excel writes it) of the few parts Excel needs. ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Each buffer deflated once: a zip bomb's many entries may share one.
const deflated = new WeakMap();

function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of files) {
    const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
    if (!deflated.has(raw)) deflated.set(raw, { data: deflateRawSync(raw), crc: crc32(raw) });
    const { data, crc } = deflated.get(raw);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10); // deflate
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s) => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function column(j) {
  let n = j + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * An .xlsx of named sheets (`{ name, rows, hidden, merges, hiddenRows }`, rows from 1). A cell is a string (inline text), a
 * number, `{ percent: 0.92 }` (a number in the 0% format, shown "92%"), or `{ f: 'A2*2', v: 80 }`,
 * a formula with its saved result (`v` left out: none saved, as some programs write it).
 */
export function xlsx(sheets) {
  const cellXml = (v, ref) => {
    if (v === '' || v === null || v === undefined) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
    if ('percent' in v) return `<c r="${ref}" s="1"><v>${v.percent}</v></c>`;
    return `<c r="${ref}"><f>${xml(v.f)}</f>${v.v === undefined ? '' : `<v>${v.v}</v>`}</c>`;
  };
  const sheetXml = (sheet) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    sheet.rows
      .map((row, i) => {
        const hidden = sheet.hiddenRows?.includes(i + 1) ? ' hidden="1"' : '';
        return `<row r="${i + 1}"${hidden}>${row.map((v, j) => cellXml(v, `${column(j)}${i + 1}`)).join('')}</row>`;
      })
      .join('') +
    '</sheetData>' +
    (sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
      : '') +
    '</worksheet>';
  const styles =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
    '</styleSheet>';
  const files = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        sheets
          .map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ['xl/styles.xml', styles],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return zip(files);
}

/** `files` (`[name, text or bytes]`) as a zip, deflated. */
export function zipOf(files) {
  return zip(files);
}

/** Parses a CSV the app exported (UTF-8 with BOM, RFC 4180) into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Reads an .xlsx the app wrote, independently of the app: each sheet by name, as rows of cells,
 * a number cell as a JS number and any other as its text (shared or inline strings).
 */
export function readXlsx(buffer) {
  // The zip's central directory: each entry's name, method and where its data starts.
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i += 1) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  const text = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => text([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rels = Object.fromEntries([...files['xl/_rels/workbook.xml.rels'].matchAll(/<Relationship [^>]*>/g)]
    .map((m) => [m[0].match(/Id="([^"]+)"/)[1], m[0].match(/Target="([^"]+)"/)[1]]));
  const column = (ref) => [...ref.match(/^[A-Z]+/)[0]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const out = {};
  for (const m of files['xl/workbook.xml'].matchAll(/<sheet [^>]*>/g)) {
    const name = text(m[0].match(/name="([^"]+)"/)[1]);
    const target = rels[m[0].match(/r:id="([^"]+)"/)[1]].replace(/^\/?(xl\/)?/, 'xl/');
    const rows = [];
    for (const r of files[target].matchAll(/<row [^>]*r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
      const row = [];
      for (const c of r[2].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = c[1].match(/r="([A-Z]+)\d+"/)[1];
        const type = c[1].match(/t="([^"]+)"/)?.[1];
        const v = c[2]?.match(/<v>([\s\S]*?)<\/v>/)?.[1];
        const inline = c[2]?.match(/<t[^>]*>([\s\S]*?)<\/t>/)?.[1];
        row[column(ref)] = type === 's' ? shared[Number(v)] : type === 'inlineStr' ? text(inline ?? '') : type === 'str' ? text(v ?? '') : v === undefined ? '' : Number(v);
      }
      rows[Number(r[1]) - 1] = Array.from(row, (v) => v ?? '');
    }
    out[name] = rows;
  }
  return out;
}
