//! Files in and out of the list: CSV as Chinese Excel and WPS write it (UTF-8 with or without a
//! BOM, or GBK/GB18030), tab-separated text pasted from a spreadsheet, the saved list, dates.

/// Text of a file's bytes: UTF-8 (a BOM is dropped) where it is valid, GB18030 (which GBK is part
/// of) otherwise, as Chinese Excel saves "CSV". `None` if the browser cannot decode it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_owned());
    }
    gb18030(bytes)
}

#[cfg(target_arch = "wasm32")]
fn gb18030(bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn gb18030(_bytes: &[u8]) -> Option<String> {
    None
}

/// Records of delimited text (`,` for CSV, `\t` for what a spreadsheet copies): quoted fields
/// may hold the delimiter, quotes (doubled) and line breaks; `\r\n` and `\n` end a record. Blank
/// trailing records are dropped.
pub fn parse_delimited(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    while records
        .last()
        .is_some_and(|r| r.iter().all(|f| f.trim().is_empty()))
    {
        records.pop();
    }
    records
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) made plain text with a
/// leading apostrophe (CSV injection).
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The reverse of [`neutralize`], for files this program wrote.
pub fn unneutralize(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// CSV of `records`, UTF-8 with a BOM so that Excel opens it as UTF-8; every cell neutralized.
pub fn write_csv(records: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for record in records {
        let cells: Vec<String> = record
            .iter()
            .map(|cell| {
                let cell = neutralize(cell);
                if cell.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `date` (YYYY-MM-DD) plus `months`, the day kept where the month has it (else its last day).
pub fn add_months(date: &str, months: u32) -> Option<String> {
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let total = (month - 1) + months;
    let (year, month) = (year + i32::try_from(total / 12).ok()?, total % 12 + 1);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!("{year:04}-{month:02}-{:02}", day.min(last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_as_excel_writes_it() {
        let text = "名称,党委评定,备注\r\n\"红星村, 一组\",92,\"他说\"\"好\"\"\"\r\n\"两\n行\",88,\r\n\r\n";
        assert_eq!(
            parse_delimited(text, ','),
            vec![
                vec!["名称".to_owned(), "党委评定".into(), "备注".into()],
                vec!["红星村, 一组".into(), "92".into(), "他说\"好\"".into()],
                vec!["两\n行".into(), "88".into(), "".into()],
            ]
        );
        assert_eq!(
            parse_delimited("a\tb\nc\td", '\t'),
            vec![vec!["a", "b"], vec!["c", "d"]]
        );
    }

    #[test]
    fn written_csv_reads_back_and_formulas_are_neutralized() {
        let records = vec![vec![
            "=1+1".to_owned(),
            "a,b".into(),
            "-3".into(),
            "\"q\"".into(),
        ]];
        let csv = write_csv(&records);
        assert!(csv.starts_with('\u{feff}'));
        let back = parse_delimited(csv.trim_start_matches('\u{feff}'), ',');
        assert_eq!(
            back,
            vec![vec![
                "'=1+1".to_owned(),
                "a,b".into(),
                "'-3".into(),
                "\"q\"".into()
            ]]
        );
        assert_eq!(unneutralize("'=1+1"), "=1+1");
        assert_eq!(unneutralize("'abc"), "'abc");
    }

    #[test]
    fn utf8_with_or_without_bom() {
        assert_eq!(decode("\u{feff}名称".as_bytes()).as_deref(), Some("名称"));
        assert_eq!(decode("名称".as_bytes()).as_deref(), Some("名称"));
    }

    #[test]
    fn months_are_added_as_a_calendar_does() {
        assert_eq!(add_months("2026-12-01", 6).as_deref(), Some("2027-06-01"));
        assert_eq!(add_months("2026-08-31", 6).as_deref(), Some("2027-02-28"));
        assert_eq!(add_months("2027-08-31", 6).as_deref(), Some("2028-02-29"));
        assert_eq!(add_months("2026-01-15", 12).as_deref(), Some("2027-01-15"));
        assert_eq!(add_months("2026-13-01", 6), None);
    }
}
