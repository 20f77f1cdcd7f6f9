//! Every reader of the app survives any input: a saved calculator state and a share link's
//! fragment, a saved list (and the list it gives, graded and shown as columns), a pasted or
//! imported delimited text, file bytes in any encoding, base64, the weights and thresholds typed
//! into 调整方案, and a scheme file. Each either gives a value or a message in Chinese; none
//! panics or overflows. Cases are arbitrary text and mutations of valid input (a character
//! dropped, doubled or replaced, a number swapped for a huge one). `FUZZ_CASES` sets the number
//! of cases per reader (300 by default; `scripts/bench.sh` runs 100,000).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers

use std::rc::Rc;

use dingji::calculator::derive::Calc;
use dingji::calculator::persist::example_state;
use dingji::list::derive::{RowResult, grade};
use dingji::list::persist;
use dingji::list::state::{Action, ListState, Notice, View};
use dingji::tools::export::{neutralize, unneutralize};
use dingji::tools::import::read_rows;
use dingji::tools::paste::{Paste, parse_delimited};

mod common;
use common::{records_of_text, try_records_of_text};
use dingji::wire::base64;
use dingji::wire::columns::columns;
use dingji::wire::page::{Edits, Saved, effective_scheme};
use dingji_rules::{Lang, Scheme, presets};
use dingji_sheets::{Encoding, open_file, read_text};
use proptest::prelude::*;
use yew::Reducible;

fn schemes() -> Vec<Rc<Scheme>> {
    presets::all().into_iter().map(Rc::new).collect()
}

/// A small workbook as the app exports one.
fn workbook() -> &'static [u8] {
    static BOOK: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| {
        let text = |s: &str| dingji_sheets::Cell::Text(s.to_owned());
        dingji_sheets::write_workbook(&[(
            "名单".into(),
            vec![
                vec![text("组织名称"), text("分类"), text("党委评定")],
                vec![text("红星村"), text("村"), text("92")],
            ],
        )])
        .expect("written")
    })
}

fn chinese(message: &str) -> bool {
    message
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A file refused is said in Chinese, and in English without Chinese of its own (a sheet's name,
/// the one part taken from the file, is left out of the check by giving it in ASCII here).
fn said(why: &dingji_sheets::SheetError) -> bool {
    use dingji::tools::sheet_said::error;
    use dingji_rules::Lang;
    let mut plain = why.clone();
    if let dingji_sheets::SheetError::NoSuchSheet { sheet }
    | dingji_sheets::SheetError::SheetUnreadable { sheet }
    | dingji_sheets::SheetError::UnsavedFormulas { sheet, .. } = &mut plain
    {
        *sheet = "Sheet1".into();
    }
    if let dingji_sheets::SheetError::TooManyRows { sheet, .. }
    | dingji_sheets::SheetError::TooManyColumns { sheet, .. }
    | dingji_sheets::SheetError::CellTooLong { sheet, .. } = &mut plain
    {
        *sheet = sheet.as_ref().map(|_| "Sheet1".to_owned());
    }
    chinese(&error(why, Lang::Zh)) && !chinese(&error(&plain, Lang::En))
}

/// Numbers that break careless arithmetic, put where a number was.
const HUGE: [&str; 6] = [
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "18446744073709551616",
    "4294967296",
    "0.0000000000000000000000000001",
    "99999999999999999999999999999999999999",
];

/// A mutation of `valid`: a character dropped, doubled or replaced by `c`, a line cut, or each
/// number replaced by one of [`HUGE`].
fn mutated(valid: String) -> impl Strategy<Value = String> {
    let len = valid.chars().count().max(1);
    (0..5u8, 0..len, any::<char>(), 0..HUGE.len()).prop_map(move |(how, at, c, huge)| {
        let chars: Vec<char> = valid.chars().collect();
        match how {
            0 => chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != at)
                .map(|(_, c)| c)
                .collect(),
            1 => chars
                .iter()
                .enumerate()
                .flat_map(|(i, &x)| if i == at { vec![x, x] } else { vec![x] })
                .collect(),
            2 => chars
                .iter()
                .enumerate()
                .map(|(i, &x)| if i == at { c } else { x })
                .collect(),
            3 => chars[..at.min(chars.len())].iter().collect(),
            _ => {
                let mut out = String::new();
                let mut digits = false;
                for x in chars {
                    if x.is_ascii_digit() {
                        if !digits {
                            out.push_str(HUGE[huge]);
                        }
                        digits = true;
                    } else {
                        digits = false;
                        out.push(x);
                    }
                }
                out
            }
        }
    })
}

/// Text that looks like the formats: their words, separators and numbers, in any order.
fn wordy() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("dingji 1".to_owned()),
        Just("dingji-list 1".to_owned()),
        Just("scheme B".to_owned()),
        Just("cols name\tcount:vote:4294967295\tscore:committee".to_owned()),
        Just("count vote 18446744073709551615 1".to_owned()),
        Just("rectify 2026-13-45 4294967295".to_owned()),
        Just("weights 79228162514264337593543950335 1 1".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just(" ".to_owned()),
        Just("\\".to_owned()),
        Just("x".repeat(400)),
        "[0-9]{1,40}",
        any::<String>(),
    ];
    prop::collection::vec(token, 0..24).prop_map(|t| t.concat())
}

fn valid_calculator_text() -> String {
    Saved::local(&example_state(&schemes())).to_text()
}

/// A saved list under scheme B with two organizations, their ballots counted and an override.
fn valid_list_text() -> String {
    let state = Rc::new(ListState::new(Rc::new(presets::by_id("B").unwrap())));
    let cols = columns(&state.scheme, &state.modes);
    let rows = parse_delimited(
        "红星村党支部\t村\t92\t30\t15\t4\t1\t95\n幸福社区党支部\t社区\t95\t40\t5\t0\t0\t96\n",
        '\t',
    )
    .unwrap();
    let drafts = rows
        .iter()
        .map(|row| {
            let mut draft = state.blank();
            for (col, cell) in cols.iter().zip(row) {
                col.set(&mut draft, &state.scheme, &state.modes, cell)
                    .unwrap();
            }
            draft
        })
        .collect();
    let modes = state.modes.clone();
    let state = state.reduce(Action::Import {
        drafts,
        append: false,
        modes,
    });
    let text = persist::to_text(&state);
    assert!(text.lines().count() > 3, "{text}");
    text
}

/// A saved calculator state or a link: read or refused in Chinese; one that reads gives a page.
fn calculator_survives(text: &str) {
    let schemes = schemes();
    match Saved::from_text(text, &schemes) {
        Ok(saved) => page_survives(saved, &schemes),
        Err(e) => assert!(chinese(&e.to_string()), "not Chinese: {e}"),
    }
    match Saved::from_fragment(text, &schemes) {
        Ok(saved) => page_survives(saved, &schemes),
        Err(e) => assert!(chinese(&e.to_string()), "not Chinese: {e}"),
    }
}

/// The page computed from saved inputs, in both languages.
fn page_survives(saved: Saved, schemes: &[Rc<Scheme>]) {
    let base = schemes
        .iter()
        .find(|s| s.id == saved.scheme)
        .cloned()
        .unwrap_or_else(|| schemes[0].clone());
    for lang in [Lang::Zh, Lang::En] {
        let _ = Calc::new(&base, &saved.edits, &saved.draft, lang);
    }
}

/// A saved list: read (then graded, and every cell of every column shown) or refused in Chinese.
fn list_survives(text: &str) {
    let schemes = schemes();
    match persist::from_text(text, &schemes) {
        Ok(state) => {
            let graded = grade(&state);
            for (i, row) in state.rows.iter().enumerate() {
                for col in columns(&state.scheme, &state.modes) {
                    let _ = col.get(&row.draft, &state.scheme);
                    let _ = col.header(&state.scheme, Lang::Zh);
                }
                if let RowResult::Failed(why) = graded.result(i) {
                    assert!(chinese(&why), "not Chinese: {why}");
                }
            }
        }
        Err(e) => assert!(chinese(&e.to_string()), "not Chinese: {e}"),
    }
}

/// A link to scheme B with 党委评定 40% and 自评 30%: the preset's id and its merge patch.
fn valid_link() -> String {
    dingji::tools::workshop::scheme_link(&adjusted_b()).unwrap()
}

/// That link's merge patch, as JSON text.
fn valid_patch() -> String {
    let link = valid_link();
    let data = link.split_once('~').unwrap().1;
    String::from_utf8(dingji::wire::base64::decode(data).unwrap()).unwrap()
}

fn adjusted_b() -> Scheme {
    let mut s = presets::by_id("B").unwrap();
    s.sources[0].weight = 40.into();
    s.sources[2].weight = 30.into();
    s.id = "custom".into();
    s
}

/// A link's text read: a scheme that passes the scheme file's check, or a short Chinese message.
fn link_survives(text: &str) {
    match dingji::tools::workshop::read_scheme_link(text, Lang::Zh) {
        Ok(scheme) => assert_eq!(scheme.validate(), Ok(())),
        Err(why) => assert!(chinese(&why.to_string()), "not Chinese or too long: {why}"),
    }
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_saved_calculator_state_or_link_of_any_text_is_read_or_refused(text in wordy()) {
        calculator_survives(&text);
    }

    #[test]
    fn a_damaged_calculator_state_or_link_is_read_or_refused(text in mutated(valid_calculator_text())) {
        calculator_survives(&text);
        calculator_survives(&Saved::from_text(&valid_calculator_text(), &schemes()).unwrap().to_fragment());
    }

    #[test]
    fn a_saved_list_of_any_text_is_read_or_refused(text in wordy()) {
        list_survives(&format!("dingji-list 1\n{text}"));
        list_survives(&text);
    }

    #[test]
    fn a_damaged_saved_list_is_read_or_refused(text in mutated(valid_list_text())) {
        list_survives(&text);
    }

    #[test]
    fn any_paste_anywhere_is_taken_whole_or_refused_leaving_the_list_as_it_was(
        text in wordy(),
        position in 0..4usize,
        col in 0..12usize,
        by_rank in any::<bool>(),
    ) {
        let schemes = schemes();
        let state = Rc::new(persist::from_text(&valid_list_text(), &schemes).unwrap());
        let state = state.reduce(Action::SetView(View { by_rank, ..View::default() }));
        let before = persist::to_text(&state);
        let order = grade(&state).order;
        // A paste whose quotes leave its shape ambiguous is refused before it reaches the list,
        // naming a line of the paste.
        let cells = match parse_delimited(&text, '\t') {
            Ok(cells) => cells,
            Err(line) => {
                prop_assert!(line >= 1 && line <= text.split(['\n', '\r']).count());
                return Ok(());
            }
        };
        let after = state.paste(order.get(position..).unwrap_or_default(), col, &cells);
        match &after.notice {
            Some(Notice::Refused(why)) => {
                prop_assert!(chinese(&why.to_string()));
                prop_assert_eq!(persist::to_text(&after), before);
            }
            _ => list_survives(&persist::to_text(&after)),
        }
    }

    #[test]
    fn any_table_under_any_mapping_is_imported_whole_or_refused_in_chinese(
        text in wordy(),
        mapping in prop::collection::vec(prop::option::of(0..14usize), 0..12),
        quoted in any::<bool>(),
    ) {
        let scheme = Rc::new(presets::by_id("B").unwrap());
        let state = ListState::new(scheme.clone());
        // Text the reader refuses (an unclosed quote) is covered by the CSV property.
        let Some(mut table) = try_records_of_text(&text) else { return Ok(()) };
        table.quoted = quoted;
        let table = table.from_header();
        match read_rows(&table, &mapping, &scheme, &state.modes, &state.blank(), &[], Lang::Zh) {
            Ok(drafts) => prop_assert!(!drafts.is_empty()),
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                let headers = table.rows.first().cloned().unwrap_or_default();
                for p in &problems {
                    let p = p.said(&headers, Lang::Zh);
                    prop_assert!(chinese(&p), "not Chinese or too long: {}", p);
                }
            }
        }
    }

    #[test]
    fn a_scheme_link_of_any_text_is_read_and_checked_or_refused_in_chinese(text in wordy()) {
        link_survives(&text);
        link_survives(&format!("B~{text}"));
        link_survives(&format!("B~{}", dingji::wire::base64::encode(text.as_bytes())));
    }

    #[test]
    fn a_damaged_scheme_link_is_read_and_checked_or_refused(
        link in mutated(valid_link()),
        patch in mutated(valid_patch()),
    ) {
        link_survives(&link);
        // The patch itself damaged (a key, a value, a bracket), then put in a link.
        link_survives(&format!("B~{}", dingji::wire::base64::encode(patch.as_bytes())));
    }

    #[test]
    fn an_exported_cell_reads_back_as_typed(cell in "['=+@a-]{0,4}.{0,8}") {
        let written = neutralize(&cell);
        prop_assert_eq!(unneutralize(&written), cell.as_str());
    }

    #[test]
    fn any_pasted_or_imported_text_splits_into_rows(text in any::<String>(), tab in any::<bool>()) {
        let delimiter = if tab { '\t' } else { ',' };
        let Ok(rows) = parse_delimited(&text, delimiter) else {
            // Refused: only where the text has a quote to leave its shape ambiguous.
            prop_assert!(text.contains('"'));
            return Ok(());
        };
        // Every character of a cell came from the text.
        let cells: usize = rows.iter().flatten().map(|c| c.chars().count()).sum();
        prop_assert!(cells <= text.chars().count());
        // Without quotes, nothing typed is lost: every visible character that is not a
        // delimiter is in a cell.
        if !text.contains('"') {
            let visible = |c: &char| !c.is_whitespace() && *c != delimiter;
            let in_cells: usize = rows.iter().flatten().map(|c| c.chars().filter(visible).count()).sum();
            prop_assert_eq!(in_cells, text.chars().filter(visible).count());
        }
    }

    #[test]
    fn any_file_bytes_open_or_are_refused_in_chinese(
        bytes in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            any::<String>().prop_map(String::into_bytes),
            "[甲乙村社区,\"\n\r\t0-9]{0,80}".prop_map(String::into_bytes),
        ],
        encoding in 0..Encoding::ALL.len(),
        named_workbook in any::<bool>(),
    ) {
        let encoding = Encoding::ALL[encoding];
        match open_file(&bytes, encoding, named_workbook) {
            Ok(opened) => {
                let sheet = opened.sheet.expect("a text file is read whole");
                // Nothing is made up: a UTF-8 file's cells are its own characters.
                if let (Ok(text), Some(Encoding::Utf8)) = (std::str::from_utf8(&bytes), opened.encoding) {
                    let cells: usize = sheet.rows.iter().flatten().map(|c| c.chars().count()).sum();
                    prop_assert!(cells <= text.chars().count());
                }
            }
            Err(why) => prop_assert!(said(&why), "not said in both languages: {:?}", why),
        }
        // Valid UTF-8 without a zero byte is read as UTF-8 when the encoding is detected.
        let plain_utf8 = std::str::from_utf8(&bytes)
            .is_ok_and(|text| !text.contains('\0') && !text.starts_with('\u{feff}'));
        if plain_utf8
            && encoding == Encoding::Auto
            && let Ok(opened) = open_file(&bytes, encoding, false)
        {
            prop_assert_eq!(opened.encoding, Some(Encoding::Utf8));
        }
        if let Some(back) = base64::decode(&String::from_utf8_lossy(&bytes)) {
            prop_assert_eq!(base64::decode(&base64::encode(&back)), Some(back));
        }
    }

    #[test]
    fn any_scheme_data_in_a_saved_list_is_a_scheme_or_a_chinese_error(bytes in prop::collection::vec(any::<u8>(), 0..400), cut in any::<prop::sample::Index>()) {
        let schemes: Vec<Rc<Scheme>> = presets::all().into_iter().map(Rc::new).collect();
        // Any bytes, and a preset's own bytes cut short, as the scheme line of a saved list.
        let preset = dingji_rules::codec::encode(&schemes[0]).unwrap();
        for data in [bytes.clone(), preset[..cut.index(preset.len())].to_vec()] {
            let text = format!("dingji-list 1\nscheme-data {}\n", base64::encode(&data));
            if let Err(why) = persist::from_text(&text, &schemes) {
                prop_assert!(chinese(&why.to_string()), "not Chinese: {}", why);
            }
        }
    }

    #[test]
    fn any_csv_text_reads_into_rows_or_a_chinese_error(text in prop_oneof![any::<String>(), wordy()]) {
        match read_text(&text) {
            Ok(sheet) => {
                let cells: usize = sheet.rows.iter().flatten().map(|c| c.chars().count()).sum();
                prop_assert!(cells <= text.chars().count());
            }
            Err(why) => prop_assert!(said(&why), "not said in both languages: {:?}", why),
        }
    }

    #[test]
    fn a_damaged_workbook_opens_or_is_refused_in_chinese(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        let mut bytes = workbook().to_vec();
        let i = at.index(bytes.len());
        if cut { bytes.truncate(i) } else { bytes[i] = byte }
        match open_file(&bytes, Encoding::Auto, true) {
            Ok(_) => {}
            Err(why) => prop_assert!(said(&why), "not said in both languages: {:?}", why),
        }
    }

    #[test]
    fn any_header_or_category_word_is_guessed_within_the_scheme(
        header in prop_oneof![any::<String>(), "(党委|测评|自评|好|较好|票|数|分|应到人数|序号|名称|分类|否决|·|（|）){0,4}"],
        scheme in 0..presets::all().len(),
    ) {
        let scheme = &presets::all()[scheme];
        let cols = columns(scheme, &dingji::wire::columns::default_modes(scheme));
        if let Some(c) = dingji::tools::import::headers::guess(&header, &cols, scheme) {
            prop_assert!(c < cols.len());
        }
        let all = dingji::tools::import::headers::guess_all(&[header.clone(), header.clone()], &cols, scheme);
        // The same header twice never fills one column twice.
        prop_assert!(!matches!((&all[0], &all[1]), (Ok(a), Ok(b)) if a == b));
        match dingji::tools::import::headers::guess_category(&header, scheme) {
            dingji::tools::import::headers::CategoryGuess::Known(id) | dingji::tools::import::headers::CategoryGuess::Synonym(id) => {
                prop_assert!(scheme.category(&id).is_some());
            }
            dingji::tools::import::headers::CategoryGuess::Ambiguous(ids) => {
                prop_assert!(ids.len() >= 2 && ids.iter().all(|id| scheme.category(id).is_some()));
            }
            dingji::tools::import::headers::CategoryGuess::Unknown => {}
        }
    }

    #[test]
    fn any_weights_and_thresholds_typed_give_a_scheme_or_errors_at_the_fields(
        weights in prop::collection::vec(prop_oneof![Just(HUGE[0].to_owned()), Just(HUGE[1].to_owned()), "[0-9.\\-]{0,32}", any::<String>()], 0..5),
        thresholds in prop::collection::vec(prop_oneof![Just(HUGE[0].to_owned()), "[0-9.]{0,32}", any::<String>()], 0..4),
    ) {
        for base in schemes() {
            let edits = Edits { weights: weights.iter().cloned().map(Some).collect(), thresholds: thresholds.iter().cloned().map(Some).collect() };
            for lang in [Lang::Zh, Lang::En] {
                match effective_scheme(&base, &edits, lang) {
                    Ok(scheme) => {
                        let total: dingji_rules::Decimal = scheme.sources.iter().map(|s| s.weight).sum();
                        prop_assert_eq!(total, dingji_rules::Decimal::ONE_HUNDRED);
                    }
                    Err(errors) => prop_assert!(errors != Default::default()),
                }
            }
        }
    }

    #[test]
    fn each_weight_changed_is_read_once_and_the_others_stay_the_presets(
        // Per source of B (50/30/20): not changed, a number in hundredths (beyond 100 too), or
        // text that is not a number.
        typed in prop::collection::vec(prop_oneof![Just(None), (0u32..12_000).prop_map(|h| Some(Ok(h))), "[a-z%]{1,3}".prop_map(|t| Some(Err(t)))], 0..4),
    ) {
        let base = schemes()[0].clone();
        prop_assert_eq!(&base.id, "B");
        let preset = [5_000u32, 3_000, 2_000];
        let edits = Edits {
            weights: typed
                .iter()
                .map(|t| t.as_ref().map(|v| match v {
                    Ok(h) => format!("{}.{:02}", h / 100, h % 100),
                    Err(text) => text.clone(),
                }))
                .collect(),
            thresholds: Vec::new(),
        };
        let (scheme, errors) = dingji::wire::page::edited_scheme(&base, &edits, Lang::Zh);
        // By hand: a number from 0 to 100 replaces the preset's; anything else is an error at its
        // field and leaves the preset's; a source not typed keeps the preset's.
        let mut expected = preset;
        let mut bad = Vec::new();
        for (i, t) in typed.iter().enumerate().take(3) {
            match t {
                Some(Ok(h)) if *h <= 10_000 => expected[i] = *h,
                Some(_) => bad.push(i),
                None => {}
            }
        }
        for (i, source) in scheme.sources.iter().enumerate() {
            prop_assert_eq!(source.weight, dingji_rules::Decimal::new(i64::from(expected[i]), 2));
        }
        prop_assert_eq!(errors.weights.iter().map(|(i, _)| *i).collect::<Vec<_>>(), bad.clone());
        let sum: u32 = expected.iter().sum();
        prop_assert_eq!(errors.weights_sum.is_some(), bad.is_empty() && sum != 10_000);
        prop_assert_eq!(errors.is_empty(), bad.is_empty() && sum == 10_000);
    }

    #[test]
    fn a_damaged_scheme_file_is_read_or_refused_in_chinese(text in mutated(include_str!("../rules/presets/b-township.json").to_owned())) {
        if let Err(e) = Scheme::from_json(&text) {
            prop_assert!(chinese(&e.to_string()), "not Chinese: {}", e);
        }
    }
}

#[test]
fn a_column_key_with_a_huge_level_is_refused_not_allocated() {
    let schemes = schemes();
    let text = valid_list_text().replacen("count:vote:0", "count:vote:4000000000", 1);
    assert!(text.contains("count:vote:4000000000"));
    match persist::from_text(&text, &schemes) {
        Ok(_) => panic!("a level no scheme has was read"),
        Err(e) => {
            let e = e.to_string();
            assert!(e.contains("第") && e.contains("行"), "{e}")
        }
    }
}

#[test]
fn a_long_bad_cell_is_quoted_short() {
    let scheme = Rc::new(presets::by_id("B").unwrap());
    let state = ListState::new(scheme.clone());
    let text = format!("组织名称,分类,党委评定\n甲村,村,{}\n", "九".repeat(400));
    let table = records_of_text(&text);
    let cols = columns(&scheme, &state.modes);
    let mapping: Vec<Option<usize>> = table.rows[0]
        .iter()
        .map(|h| dingji::tools::import::headers::guess(h, &cols, &scheme))
        .collect();
    let problems = read_rows(
        &table,
        &mapping,
        &scheme,
        &state.modes,
        &state.blank(),
        &[],
        Lang::Zh,
    )
    .unwrap_err();
    let headers = table.rows.first().cloned().unwrap_or_default();
    let problems: Vec<String> = problems
        .iter()
        .map(|p| p.said(&headers, Lang::Zh))
        .collect();
    assert!(problems.iter().all(|p| chinese(p)), "{problems:?}");
    // Quoted short: the 400 characters typed are cut to a few with an ellipsis, the message stays
    // a sentence.
    let said = problems
        .iter()
        .find(|p| p.contains("不是数字"))
        .expect("the cell is named");
    assert!(
        said.chars().count() < 100,
        "{} characters: {said}",
        said.chars().count()
    );
    assert!(said.contains(&format!("{}…", "九".repeat(24))), "{said}");
    assert!(!said.contains(&"九".repeat(25)), "{said}");
}

/// The time of `read` over inputs 1×, 10× and 100× as large (`make(n)`): printed as the figures
/// of the readers' bound on growth (run with `--nocapture`, as `scripts/bench.sh` does).
fn growth(what: &str, make: impl Fn(usize) -> String, read: impl Fn(&str)) {
    let mut times = Vec::new();
    for n in [1_000, 10_000, 100_000] {
        let text = make(n);
        let started = std::time::Instant::now();
        read(&text);
        times.push((n, started.elapsed()));
    }
    let shown: Vec<String> = times
        .iter()
        .map(|(n, t)| format!("{n}: {:.2} ms", t.as_secs_f64() * 1e3))
        .collect();
    println!("grow {what}: {}", shown.join(", "));
}

#[test]
fn a_scheme_or_a_link_with_more_parts_than_any_real_one_is_refused_at_once_and_named() {
    use dingji_rules::Error;
    // A scheme file with 200,000 sources: refused by its count, not compared pair by pair.
    let source = |i: usize| {
        format!(r#"{{"id":"s{i}","name":{{"zh":"主体{i}"}},"weight":"0","input":"direct"}}"#)
    };
    let file = |n: usize| {
        let b = presets::by_id("B").unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&b.to_json()).unwrap();
        let sources: Vec<serde_json::Value> = (0..n)
            .map(|i| serde_json::from_str(&source(i)).unwrap())
            .collect();
        value["sources"] = serde_json::Value::Array(sources);
        value.to_string()
    };
    assert_eq!(
        Scheme::from_json(&file(200_000)).unwrap_err(),
        Error::TooMany {
            what: "评价主体".into(),
            max: dingji_rules::scheme::MAX_SOURCES,
        }
    );
    assert_eq!(
        Error::TooMany {
            what: "评价主体".into(),
            max: 50
        }
        .message(Lang::Zh),
        "方案中的评价主体多于 50 个，超出本程序能处理的范围"
    );
    // Fifty sources are still a scheme (if an odd one): the bound is not below any real one.
    assert!(!matches!(
        Scheme::from_json(&file(50)),
        Err(Error::TooMany { .. })
    ));
    growth("scheme file (sources)", file, |t| {
        let _ = Scheme::from_json(t);
    });

    // A share link naming tens of thousands of sources: refused at the 51st, or by its length.
    let link = |n: usize| {
        let lines: Vec<String> = (0..n).map(|i| format!("score s{i} 1")).collect();
        format!("dingji 1\nscheme B\n{}", lines.join("\n"))
    };
    assert_eq!(
        Saved::from_text(&link(60), &schemes()).map_err(|e| e.to_string()),
        Err("第 53 行无法读取".into())
    );
    assert_eq!(
        Saved::from_text(&link(60_000), &schemes()).map_err(|e| e.to_string()),
        Err("内容过长，不是本程序保存的内容".into())
    );
    // Many lines for one source (its indicators): refused at the one too many.
    let indicators: Vec<String> = (0..300).map(|i| format!("ind committee i{i} 1")).collect();
    let text = format!("dingji 1\nscheme B\n{}", indicators.join("\n"));
    assert_eq!(
        Saved::from_text(&text, &schemes()).map_err(|e| e.to_string()),
        Err(format!(
            "第 {} 行无法读取",
            3 + dingji_rules::scheme::MAX_INDICATORS
        ))
    );
    growth("share link (sources)", link, |t| {
        let _ = Saved::from_text(t, &schemes());
    });
}

/// Scheme B (or C, for indicators) as JSON with part `part` grown to `count` copies of its first
/// item (ids made distinct): sources, categories, tiers, vetoes, indicators, vote levels, star
/// levels.
fn scheme_with(part: usize, count: usize) -> String {
    use serde_json::{Value, json};
    let base = if part == 4 { "C" } else { "B" };
    let mut v: Value = serde_json::from_str(&presets::by_id(base).unwrap().to_json()).unwrap();
    let grow = |list: &mut Value, id_key: Option<&str>| {
        let first = list[0].clone();
        *list = Value::Array(
            (0..count)
                .map(|i| {
                    let mut item = first.clone();
                    if let Some(key) = id_key {
                        item[key] = json!(format!("x{i}"));
                    }
                    item
                })
                .collect(),
        );
    };
    match part {
        0 => grow(&mut v["sources"], Some("id")),
        1 => grow(&mut v["categories"], Some("id")),
        2 => grow(&mut v["tiers"], None),
        3 => {
            v["vetoes"] =
                json!([{ "id": "v", "name": { "zh": "否决" }, "limit": { "force_tier": 3 } }]);
            grow(&mut v["vetoes"], Some("id"));
        }
        4 => grow(&mut v["indicators"], Some("id")),
        5 => grow(&mut v["sources"][1]["input"]["vote"]["levels"], None),
        _ => grow(&mut v["stars"]["levels"], None),
    }
    v.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// A scheme with any count of any part, up to far past any real one: a scheme or a Chinese
    /// message; past the part's bound, the bound's own message (refused before anything else is
    /// compared).
    #[test]
    fn any_count_of_each_part_of_a_scheme_is_a_scheme_or_a_message(
        part in 0usize..7,
        count in prop_oneof![
            0usize..64,
            Just(dingji_rules::scheme::MAX_SOURCES + 1),
            Just(dingji_rules::scheme::MAX_TIERS + 1),
            Just(dingji_rules::scheme::MAX_LEVELS + 1),
            Just(dingji_rules::scheme::MAX_CATEGORIES + 1),
            Just(dingji_rules::scheme::MAX_INDICATORS + 1),
            1_000usize..5_000,
        ],
    ) {
        let bound = [
            dingji_rules::scheme::MAX_SOURCES,
            dingji_rules::scheme::MAX_CATEGORIES,
            dingji_rules::scheme::MAX_TIERS,
            dingji_rules::scheme::MAX_VETOES,
            dingji_rules::scheme::MAX_INDICATORS,
            dingji_rules::scheme::MAX_LEVELS,
            dingji_rules::scheme::MAX_TIERS,
        ][part];
        match Scheme::from_json(&scheme_with(part, count)) {
            Ok(scheme) => prop_assert!(count <= bound && scheme.validate().is_ok()),
            Err(e) => {
                prop_assert!(chinese(&e.to_string()), "{e}");
                if count > bound {
                    prop_assert!(
                        matches!(e, dingji_rules::Error::TooMany { max, .. } if max == bound),
                        "{part} × {count}: {e}"
                    );
                }
            }
        }
    }
}
