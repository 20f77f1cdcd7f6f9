//! Text files as clerks save them: CSV from Excel or WPS (UTF-8 with or without a BOM, or
//! GBK/GB18030), Excel's "Unicode 文本" (UTF-16 with a BOM, tab-separated), and text a user
//! typed. Decoding is strict: bytes that are not valid in the encoding are an error naming the
//! line, never names garbled into other characters. The records are read by the `csv` crate.

use encoding_rs::{DecoderResult, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use crate::said::{Place, SheetError};
use crate::{MAX_CELL_CHARS, MAX_COLS, MAX_ROWS, SheetText};

/// The encoding of a text file: detected, or chosen by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Auto,
    Utf8,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    /// Every choice, in the order the import dialog offers them.
    pub const ALL: [Encoding; 5] = [
        Encoding::Auto,
        Encoding::Utf8,
        Encoding::Gb18030,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ];

    /// The label the page and the worker exchange (`auto`, `utf-8`, `gb18030`, …).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "utf-8",
            Encoding::Gb18030 => "gb18030",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }

    /// The encoding of a label; anything unknown is [`Encoding::Auto`].
    pub fn from_label(label: &str) -> Encoding {
        Encoding::ALL
            .into_iter()
            .find(|e| e.label() == label)
            .unwrap_or(Encoding::Auto)
    }

    /// The name a clerk knows it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "自动识别",
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GBK/GB18030",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }

    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Gb18030 => GB18030,
            Encoding::Utf16Le => UTF_16LE,
            Encoding::Utf16Be => UTF_16BE,
            Encoding::Utf8 | Encoding::Auto => UTF_8,
        }
    }
}

/// The encoding a byte-order mark names, and the mark's length.
fn bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => Some((Encoding::Utf8, 3)),
        [0xff, 0xfe, ..] => Some((Encoding::Utf16Le, 2)),
        [0xfe, 0xff, ..] => Some((Encoding::Utf16Be, 2)),
        _ => None,
    }
}

/// Strict decoding: the text, or the line (from 1) where the first invalid bytes are.
fn strict(bytes: &[u8], encoding: Encoding) -> Result<String, usize> {
    let mut decoder = encoding.codec().new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(..) | DecoderResult::OutputFull => {
            Err(out.matches('\n').count() + 1)
        }
    }
}

/// Whether `bytes` look like UTF-16 without a mark: text has no zero bytes, except UTF-16's
/// ASCII, whose zero bytes all fall on one side of each pair.
fn looks_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    (even == 0) != (odd == 0)
}

/// How the bytes read as UTF-8 over the whole file: the characters of two bytes or more that
/// are valid, and the places where the bytes are not. Linear, one pass.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut broken) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                return (
                    valid + rest.chars().filter(|c| !c.is_ascii()).count(),
                    broken,
                );
            }
            Err(e) => {
                let (good, after) = bytes.split_at(e.valid_up_to());
                valid += std::str::from_utf8(good)
                    .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
                broken += 1;
                bytes = after
                    .get(e.error_len().unwrap_or(after.len()).max(1)..)
                    .unwrap_or(&[]);
            }
        }
    }
}

/// The encoding of a file without a byte-order mark, decided on the whole file (never on its
/// first bytes: many GBK pairs are also valid UTF-8, 某 is `C4 B3`): UTF-8 where every byte reads
/// as UTF-8; UTF-8 with a broken place where the file is UTF-8 but for a few places (its
/// characters at least four times the places that break: Chinese GBK text read as UTF-8 breaks
/// more often than it reads, 13 characters to 39 breaks in a clerk's header row); else GBK/GB18030, as Chinese Excel and WPS save "CSV", where it reads
/// as that. `Err` names the line that breaks each.
fn detect(bytes: &[u8]) -> Result<Encoding, SheetError> {
    let (valid, broken) = utf8_census(bytes);
    if broken == 0 || valid >= 4 * broken {
        return Ok(Encoding::Utf8);
    }
    match (
        strict(bytes, Encoding::Gb18030),
        strict(bytes, Encoding::Utf8),
    ) {
        (Ok(_), _) => Ok(Encoding::Gb18030),
        (Err(gbk), Err(utf8)) => Err(SheetError::NeitherUtf8NorGbk {
            utf8_line: utf8,
            gbk_line: gbk,
        }),
        (Err(_), Ok(_)) => Ok(Encoding::Utf8),
    }
}

/// The text of a file's bytes and the encoding it was read in. With [`Encoding::Auto`]: the
/// encoding a byte-order mark names; else the one [`detect`] finds on the whole file. A file
/// that is UTF-8 but for a broken byte is reported by line, not read as GBK (which would garble
/// every name).
pub fn decode(bytes: &[u8], chosen: Encoding) -> Result<(String, Encoding), SheetError> {
    let (encoding, body) = match (chosen, bom(bytes)) {
        (Encoding::Auto, Some((e, n))) => (e, &bytes[n..]),
        (Encoding::Auto, None) => {
            if looks_utf16(bytes) {
                return Err(SheetError::Utf16WithoutBom);
            }
            (detect(bytes)?, bytes)
        }
        (e, Some((marked, n))) if marked == e => (e, &bytes[n..]),
        (e, _) => (e, bytes),
    };
    let text = strict(body, encoding).map_err(|line| SheetError::BadBytes {
        encoding: encoding.name().to_owned(),
        line,
        chosen: chosen != Encoding::Auto,
    })?;
    if text.contains('\0') {
        return Err(SheetError::NotText);
    }
    Ok((text, encoding))
}

/// The delimiter of a text: a tab where the first line has tabs and no commas (what Excel saves
/// as "Unicode 文本", and what a spreadsheet copies), else a comma.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    }
}

/// The line (from 1) of a quote that opens a field and is never closed, as the `csv` crate reads
/// quotes: one that starts a field opens it, a doubled one inside is a quote, a single one
/// closes it. The parser would take the rest of the file into that one cell.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let delimiter = char::from(delimiter);
    let (mut line, mut opened) = (1, 0);
    let (mut quoted, mut field_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => {
                quoted = true;
                opened = line;
            }
            '\n' | '\r' => field_start = true,
            c if c == delimiter => field_start = true,
            _ => field_start = false,
        }
    }
    quoted.then_some(opened)
}

/// The records of a text file, as a spreadsheet numbers its rows (a blank line is an empty row;
/// a line break inside quotes stays in its cell). Every limit is checked: rows, columns, the
/// length of a cell.
pub fn read_text(text: &str) -> Result<SheetText, SheetError> {
    let delimiter = delimiter(text);
    if let Some(line) = unclosed_quote(text, delimiter) {
        return Err(SheetError::UnmatchedQuote { line });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    // The line the next record starts on when no blank line comes between.
    let mut next_line = 1u64;
    let (mut counted, mut lines_before) = (0usize, 0u64);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(SheetError::NotCsv { line: next_line }),
        }
        // The line the record starts on, counted from its first byte. The crate's own line count
        // lags behind quoted line breaks, and its offset is before the line breaks it skipped.
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        lines_before += text
            .as_bytes()
            .get(counted..start)
            .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count() as u64);
        counted = counted.max(start);
        let line = lines_before + 1;
        // The csv crate skips blank lines; the spreadsheet shows each as an empty row.
        while next_line < line {
            rows.push(Vec::new());
            next_line += 1;
        }
        let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        next_line = line + 1 + breaks as u64;
        if rows.len() >= MAX_ROWS {
            return Err(SheetError::TooManyRows {
                sheet: None,
                at: None,
            });
        }
        if record.len() > MAX_COLS {
            return Err(SheetError::TooManyColumns {
                sheet: None,
                at: Place {
                    row: rows.len() + 1,
                    column: MAX_COLS,
                },
                found: Some(record.len()),
            });
        }
        let row = rows.len() + 1;
        let mut cells = Vec::with_capacity(record.len());
        for (j, field) in record.iter().enumerate() {
            if field.encode_utf16().count() > MAX_CELL_CHARS {
                return Err(SheetError::CellTooLong {
                    sheet: None,
                    at: Place { row, column: j },
                });
            }
            cells.push(field.to_owned());
        }
        rows.push(cells);
    }
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|f| f.trim().is_empty()))
    {
        rows.pop();
    }
    Ok(SheetText {
        first_row: 1,
        rows,
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    fn utf16le(text: &str) -> Vec<u8> {
        let mut out = vec![0xff, 0xfe];
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn each_encoding_a_clerk_saves_in_is_read() {
        let text = "组织名称,党委评定\n红星村,92\n";
        for (bytes, encoding) in [
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (
                [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
                Encoding::Utf8,
            ),
            (gbk(text), Encoding::Gb18030),
            (utf16le(text), Encoding::Utf16Le),
        ] {
            assert_eq!(
                decode(&bytes, Encoding::Auto),
                Ok((text.to_owned(), encoding))
            );
        }
        let mut be = vec![0xfe, 0xff];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            decode(&be, Encoding::Auto),
            Ok((text.to_owned(), Encoding::Utf16Be))
        );
    }

    #[test]
    fn a_gbk_file_whose_first_characters_read_as_utf8_is_read_as_gbk() {
        // 某 is C4 B3 in GBK, which is also a valid UTF-8 character (ĳ): a file that starts with
        // it, as a clerk's title row does (某某镇…), is GBK all the same, decided on the whole file.
        let text =
            "某某镇2025年度基层党组织分类定级汇总表\n序号,单位名称,镇党委评价分\n1,红星村,92\n";
        let bytes = gbk(text);
        assert!(
            std::str::from_utf8(&bytes[..4]).is_ok(),
            "the premise: 某某 reads as UTF-8"
        );
        assert_eq!(
            decode(&bytes, Encoding::Auto),
            Ok((text.to_owned(), Encoding::Gb18030))
        );
        // Bytes that read in neither: the message names the line for each encoding.
        let mut bytes = gbk("名称\n红星村\n");
        bytes.extend([0xff, 0xff, b'\n']);
        let e = decode(&bytes, Encoding::Auto).unwrap_err();
        assert_eq!(
            e,
            SheetError::NeitherUtf8NorGbk {
                utf8_line: 1,
                gbk_line: 3
            }
        );
    }

    #[test]
    fn bytes_invalid_in_the_encoding_are_an_error_naming_the_line_never_garbled_text() {
        // UTF-8 with one broken byte on line 3: not read as GBK.
        let mut bytes = "名称\n红星村\n幸福".as_bytes().to_vec();
        bytes.push(0xff);
        let bad = |e: SheetError| match e {
            SheetError::BadBytes {
                encoding,
                line,
                chosen,
            } => (encoding, line, chosen),
            e => panic!("{e:?}"),
        };
        let e = decode(&bytes, Encoding::Auto).unwrap_err();
        assert_eq!(bad(e), (Encoding::Utf8.name().to_owned(), 3, false));

        // GBK chosen for a file that is not.
        let e = decode(&[b'a', b'\n', 0x81, 0x20], Encoding::Gb18030).unwrap_err();
        assert_eq!(bad(e), (Encoding::Gb18030.name().to_owned(), 2, true));
        // A GBK file read as UTF-8 because the user said so.
        let e = decode(&gbk("名称"), Encoding::Utf8).unwrap_err();
        assert_eq!(bad(e), (Encoding::Utf8.name().to_owned(), 1, true));
        // UTF-16 without its mark.
        let bytes: Vec<u8> = "name,score"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let e = decode(&bytes, Encoding::Auto).unwrap_err();
        assert_eq!(e, SheetError::Utf16WithoutBom);
        assert_eq!(
            decode(&bytes, Encoding::Utf16Le),
            Ok(("name,score".into(), Encoding::Utf16Le))
        );
    }

    #[test]
    fn quoted_cells_blank_lines_and_tabs_read_as_a_spreadsheet_shows_them() {
        let sheet =
            read_text("名称,说明\r\n\"甲,村\",\"两\n行\"\r\n\r\n乙,\"说\"\"好\"\"\"\r\n\r\n")
                .unwrap();
        assert_eq!(
            sheet.rows,
            [
                vec!["名称", "说明"],
                vec!["甲,村", "两\n行"],
                vec![],
                vec!["乙", "说\"好\""],
            ]
        );
        let sheet = read_text("名称\t分类\n甲\t村\n").unwrap();
        assert_eq!(sheet.rows, [vec!["名称", "分类"], vec!["甲", "村"]]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_row_not_the_rest_of_the_file_swallowed() {
        let e = read_text("名称,分数\n甲,90\n\"乙,80\n丙,70\n").unwrap_err();
        assert_eq!(e, SheetError::UnmatchedQuote { line: 3 });
        // A quote inside a field is a character, not an opening.
        assert_eq!(
            read_text("名称\n甲\"村\n").unwrap().rows,
            [vec!["名称"], vec!["甲\"村"]]
        );
    }

    #[test]
    fn limits_are_refused_with_their_message() {
        let wide = vec!["x"; MAX_COLS + 1].join(",");
        assert_eq!(
            read_text(&wide).unwrap_err(),
            SheetError::TooManyColumns {
                sheet: None,
                at: Place {
                    row: 1,
                    column: MAX_COLS
                },
                found: Some(MAX_COLS + 1)
            }
        );
        let long = "x".repeat(MAX_CELL_CHARS + 1);
        assert_eq!(
            read_text(&format!("a\n{long}\n")).unwrap_err(),
            SheetError::CellTooLong {
                sheet: None,
                at: Place { row: 2, column: 0 }
            }
        );
        let tall = "1\n".repeat(MAX_ROWS + 1);
        assert_eq!(
            read_text(&tall).unwrap_err(),
            SheetError::TooManyRows {
                sheet: None,
                at: None
            }
        );
    }
}
