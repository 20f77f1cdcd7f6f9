//! A clerk's own file, native, read as the import dialog reads it: the bytes opened as the sheets
//! worker opens them, the header found by the scheme's names (under a title and a line about
//! who filled the form; two rows with merged group cells), every row that is not an
//! organization left out and said (合计 in the 序号 column, signatures, group labels), a source
//! with no column named before 导入, and the list graded against hand arithmetic.
//!
//! The files in `tests/fixtures/` are written as township clerks write them: a GBK CSV from WPS
//! whose first characters (某某镇) also read as UTF-8, a UTF-8 CSV with a BOM under a township's
//! own scheme (a 满意 scale with 不了解, deduction-scored indicators, no stars).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test helpers

use std::rc::Rc;

use dingji::list::derive::{RowResult, grade};
use dingji::list::state::{Action, ListState};
use dingji::tools::import::{Plan, Reading, plan, read};
use dingji::wire::columns::columns;
use dingji::wire::sheets::Table;
use dingji_rules::{Lang, Scheme, presets};
use yew::Reducible;

/// The problems as the dialog shows them (in Chinese, each with its place).
fn said(
    reading: &dingji::tools::import::Reading,
    table: &dingji::wire::sheets::Table,
) -> Vec<String> {
    let headers = table.rows.first().cloned().unwrap_or_default();
    reading
        .problems
        .iter()
        .map(|p| p.said(&headers, Lang::Zh))
        .collect()
}

fn b() -> Rc<Scheme> {
    Rc::new(presets::by_id("B").unwrap())
}

fn township() -> Rc<Scheme> {
    Rc::new(Scheme::from_json(include_str!("fixtures/township-satisfaction.json")).unwrap())
}

/// A file opened as the sheets worker opens it, its header found as the dialog finds it.
fn opened(bytes: &[u8], scheme: &Scheme) -> (Table, Option<dingji_sheets::Encoding>) {
    let opened =
        dingji_sheets::open_file(bytes, dingji_sheets::Encoding::Auto, false).expect("opens");
    let sheet = opened.sheet.expect("one sheet");
    let table = Table {
        first_row: sheet.first_row,
        rows: sheet.rows,
        quoted: opened.encoding.is_some(),
        notes: sheet.notes,
        above: Vec::new(),
    };
    let modes = dingji::wire::columns::default_modes(scheme);
    (table.header_for(scheme, &modes), opened.encoding)
}

/// The keys of the columns each file column fills (`-` for none).
fn mapped(plan: &Plan, scheme: &Scheme) -> Vec<String> {
    let cols = columns(scheme, &plan.modes);
    plan.mapping
        .iter()
        .map(|m| m.map_or("-".to_owned(), |c| cols[c].key()))
        .collect()
}

/// The list an import makes under `scheme`, graded: each row's name, composite and tier.
fn graded(scheme: Rc<Scheme>, plan: &Plan, reading: Reading) -> Vec<(String, String, String)> {
    assert_eq!(reading.problems, Vec::new());
    let state = Rc::new(ListState::new(scheme.clone())).reduce(Action::Import {
        drafts: reading.drafts,
        append: false,
        modes: plan.modes.clone(),
    });
    let graded = grade(&state);
    state
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| match graded.result(i) {
            RowResult::Ok(r) => (
                row.draft.name.clone(),
                r.rounded.to_string(),
                scheme.tier_name(r.tier, Lang::Zh).to_owned(),
            ),
            RowResult::Failed(why) => panic!("{}: {why}", row.draft.name),
            RowResult::Unread => panic!("{} unread", row.draft.name),
        })
        .collect()
}

#[test]
fn a_gbk_summary_table_with_a_title_a_two_row_header_a_totals_row_and_signatures() {
    let bytes = include_bytes!("fixtures/某某镇定级汇总表-gbk.csv");
    let scheme = b();
    let (table, encoding) = opened(bytes, &scheme);
    // 某某 is C4 B3 C4 B3 in GBK, valid UTF-8 too: the file is GBK all the same.
    assert_eq!(encoding, Some(dingji_sheets::Encoding::Gb18030));
    // The header is the pair of rows 3–4 (民主测评票数 merged over 好/较好/一般/差).
    assert_eq!(table.first_row, 4);
    let plan = plan(&table, &scheme, &ListState::new(scheme.clone()).modes);
    assert_eq!(
        mapped(&plan, &scheme),
        [
            "-",
            "name",
            "category",
            "score:committee",
            "count:vote:0",
            "count:vote:1",
            "count:vote:2",
            // 差 is 较差: scheme B has no 差.
            "count:vote:3",
            "score:self",
        ]
    );
    // 村 and 社区 are the scheme's own; the signature line's 审核人：李四 (in the category column)
    // is no category word to ask about.
    assert_eq!(plan.categories, []);
    let state = ListState::new(scheme.clone());
    let reading = read(&table, &plan, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(
        reading.notes,
        [
            "第 1、2 行在表头（第 4 行）之上，是标题或说明，未导入",
            "第 11 行是合计行，未导入",
            "第 12 行没有名称也没有分数，是说明、落款或签字行，未导入",
        ]
    );
    // By hand, scheme B (50% 党委评定, 30% 测评 at 100/60/30/10 a ballot's level, 20% 自评):
    // 红星村 46 + 0.3 × 80.6 + 19 = 89.18; 东风社区 42.5 + 0.3 × 2860/40 (71.5) + 17.6 = 81.55;
    // 向阳村 47.5 + 0.3 × 4540/50 (90.8) + 19.4 = 94.14; 光明村 35 + 0.3 × 49 + 16 = 65.7;
    // 幸福社区 45 + 0.3 × 85 + 18.4 = 88.9; 新华村 30 + 0.3 × 37 + 14 = 55.1 (the one 较差 that
    // ⌈5% × 6⌉ = 1 asks for).
    let list = graded(scheme, &plan, reading);
    let want = [
        ("红星村党支部", "89.18", "较好"),
        ("东风社区党支部", "81.55", "较好"),
        ("向阳村党支部", "94.14", "好"),
        ("光明村党支部", "65.70", "一般"),
        ("幸福社区党支部", "88.90", "较好"),
        ("新华村党支部", "55.10", "较差"),
    ];
    let got: Vec<(&str, &str, &str)> = list
        .iter()
        .map(|(n, c, t)| (n.as_str(), c.as_str(), t.as_str()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_township_file_under_its_own_scheme_with_group_labels_and_deduction_columns() {
    let bytes = include_bytes!("fixtures/红溪镇考核表.csv");
    let scheme = township();
    let (table, encoding) = opened(bytes, &scheme);
    assert_eq!(encoding, Some(dingji_sheets::Encoding::Utf8));
    let plan = plan(&table, &scheme, &ListState::new(scheme.clone()).modes);
    assert_eq!(
        mapped(&plan, &scheme),
        [
            "-",
            "name",
            "category",
            "score:zhen",
            "count:manyi:0",
            "count:manyi:1",
            "count:manyi:2",
            "count:manyi:3",
            "ind:kaohe:zuzhi",
            "ind:kaohe:zuofeng",
            "ind:kaohe:chengxiao",
        ]
    );
    let state = ListState::new(scheme.clone());
    let reading = read(&table, &plan, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(reading.notes, ["第 3、6 行是分组标题，没有分数，未导入"]);
    // By hand: 40% 镇党委评定 + 30% 满意度 (100 × 满意 + 70 × 基本满意 over the valid ballots; 不了解
    // is not one) + 30% 日常考核 (100 less the points deducted, each indicator down to 0 at most).
    // 红溪村 36 + 0.3 × 4560/50 (91.2) + 0.3 × 97 = 92.46 → 好;
    // 枫林村 30 + 0.3 × 3400/50 (68) + 0.3 × 80 = 74.4 → 一般;
    // 石桥社区 32.8 + 0.3 × 4050/50 (81) + 0.3 × 92 = 84.7 → 较好.
    let list = graded(scheme, &plan, reading);
    let got: Vec<(&str, &str, &str)> = list
        .iter()
        .map(|(n, c, t)| (n.as_str(), c.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("红溪村", "92.46", "好"),
            ("枫林村", "74.40", "一般"),
            ("石桥社区", "84.70", "较好"),
        ]
    );
}

#[test]
fn a_source_with_no_column_is_named_before_import_and_can_be_left_to_type_in_later() {
    // A clerk's sheet with the committee's score and the self-assessment, the ballots kept on
    // paper: no row can be graded until they are typed in.
    let csv =
        "组织名称,类别,党委评定,自评,备注\r\n红星村,村,92,95,\r\n幸福社区,社区,88,90,新建\r\n";
    let scheme = b();
    let (table, _) = opened(csv.as_bytes(), &scheme);
    let mut planned = plan(&table, &scheme, &ListState::new(scheme.clone()).modes);
    let state = ListState::new(scheme.clone());
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(
        said(&reading, &table),
        [
            "「党员群众测评」的“好”“较好”“一般”“较差”4列都没有找到：请在上面为它选择一列（未对应的列：E 「备注」），或勾选“导入后再填写”"
        ]
    );
    assert_eq!(reading.missing.len(), 1);
    assert_eq!(reading.missing[0].0, "vote");

    // Left to type in later: both rows import, and wait for their ballots.
    planned.later = vec!["vote".into()];
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(said(&reading, &table), Vec::<String>::new());
    assert_eq!(reading.drafts.len(), 2);
    assert_eq!(reading.grading, 0);
    assert!(
        reading
            .notes
            .contains(&"「党员群众测评」在导入后填写：导入的组织在填写之前为待填写".to_owned()),
        "{:?}",
        reading.notes
    );
    let list = Rc::new(ListState::new(scheme.clone())).reduce(Action::Import {
        drafts: reading.drafts,
        append: false,
        modes: planned.modes.clone(),
    });
    let graded = grade(&list);
    assert!((0..2).all(|i| !matches!(graded.result(i), RowResult::Ok(_))));
    assert_eq!(list.rows[1].draft.source("committee").unwrap().score, "88");

    // One level without its column is named alone.
    let csv = "组织名称,类别,党委评定,好,较好,一般,自评\r\n红星村,村,92,30,15,5,95\r\n";
    let (table, _) = opened(csv.as_bytes(), &scheme);
    let planned = plan(&table, &scheme, &state.modes);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(
        said(&reading, &table),
        ["「党员群众测评」的“较差”一列没有找到：请在上面为它选择一列，或勾选“导入后再填写”"]
    );
}

#[test]
fn a_totals_row_is_left_out_whichever_of_the_first_columns_holds_it() {
    let scheme = b();
    let state = ListState::new(scheme.clone());
    for csv in [
        // 合计 in the 序号 column, the name cell empty.
        "序号,组织名称,类别,党委评定,党员群众测评,自评\r\n1,红星村,村,92,80,95\r\n合计,,,92,80,95\r\n",
        // 总计 in the name column.
        "序号,组织名称,类别,党委评定,党员群众测评,自评\r\n1,红星村,村,92,80,95\r\n,总 计,,92,80,95\r\n",
        // 小计 in the category column, with fill-down of a blank category asked for.
        "序号,组织名称,类别,党委评定,党员群众测评,自评\r\n1,红星村,村,92,80,95\r\n,,小计,92,80,95\r\n",
    ] {
        let (table, _) = opened(csv.as_bytes(), &scheme);
        let mut planned = plan(&table, &scheme, &state.modes);
        planned.fill_down = true;
        let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
        assert_eq!(said(&reading, &table), Vec::<String>::new(), "{csv}");
        assert_eq!(reading.drafts.len(), 1, "{csv}");
        assert_eq!(reading.notes, ["第 3 行是合计行，未导入"], "{csv}");
    }
}

#[test]
fn next_years_file_with_the_same_headers_is_mapped_as_the_clerk_mapped_it_this_year() {
    use dingji::tools::import::remember::{recall, remember};
    // This year's file: 机关事业单位 asked (scheme B has 机关 and 事业单位), the clerk chose 机关;
    // the vote read as a score (a column the clerk chose: 测评 guesses nothing by itself here).
    let this_year = "单位名称,类别,党委评定,群众测评分,自评\r\n镇机关,机关事业单位,88,85,90\r\n红星村,村,92,80.6,95\r\n";
    let scheme = b();
    let state = ListState::new(scheme.clone());
    let (table, _) = opened(this_year.as_bytes(), &scheme);
    let mut planned = plan(&table, &scheme, &state.modes);
    assert_eq!(planned.categories[0].value, "机关事业单位");
    assert_eq!(planned.categories[0].choice, None, "asked, not guessed");
    planned.categories[0].choice = Some("organ".into());
    let kept = remember("", &scheme, &table.rows[0], &planned);

    // Next year: the same headers, other rows (and a header cell with a stray space).
    let next_year = "单位名称,类别 ,党委评定,群众测评分,自评\r\n镇机关,机关事业单位,90,88,92\r\n东风社区,社区,85,82,88\r\n";
    let (table, _) = opened(next_year.as_bytes(), &scheme);
    let recalled = recall(&kept, &table, &scheme, &state.modes).expect("remembered");
    assert_eq!(mapped(&recalled, &scheme), mapped(&planned, &scheme));
    assert_eq!(recalled.categories[0].choice.as_deref(), Some("organ"));
    let reading = read(&table, &recalled, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(said(&reading, &table), Vec::<String>::new());
    assert_eq!(reading.drafts[0].category, "机关");

    // Another scheme, or other headers: nothing remembered.
    let a = presets::by_id("A").unwrap();
    assert_eq!(recall(&kept, &table, &a, &state.modes), None);
    let (other, _) = opened("组织名称,分类\r\n甲,村\r\n".as_bytes(), &scheme);
    assert_eq!(recall(&kept, &other, &scheme, &state.modes), None);
    // Text that is not ours is no mapping, and is replaced by the next one kept.
    assert_eq!(recall("{ not json", &table, &scheme, &state.modes), None);
    assert!(
        remember("{ not json", &scheme, &table.rows[0], &recalled).starts_with("{\"format\":1")
    );
}

#[test]
fn numbers_written_with_units_or_full_width_digits_read_as_numbers() {
    // As typed in a WPS sheet: 92分, ３０票 (full-width), 15 票, an indicator's 2分.
    let csv = "组织名称,类别,党委评定,好票,较好票,一般票,较差票,自评\r\n\
        红星村,村,92分,３０票,15 票,4,1,９５\r\n";
    let scheme = b();
    let state = ListState::new(scheme.clone());
    let (table, _) = opened(csv.as_bytes(), &scheme);
    let planned = plan(&table, &scheme, &state.modes);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    // The worked example: 46 + 0.3 × 80.6 + 19 = 89.18.
    let list = graded(scheme.clone(), &planned, reading);
    assert_eq!(list[0].1, "89.18");
    // A word is not a number in disguise: refused as written.
    let csv = "组织名称,类别,党委评定,党员群众测评,自评\r\n红星村,村,九十二分,80,95\r\n";
    let (table, _) = opened(csv.as_bytes(), &scheme);
    let planned = plan(&table, &scheme, &state.modes);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(reading.problems.len(), 1, "{:?}", reading.problems);
    assert!(
        said(&reading, &table)[0].contains("九十二分"),
        "{:?}",
        reading.problems
    );
}

#[test]
fn a_deduction_indicator_says_so_and_a_scheme_without_stars_has_no_star_columns() {
    let bytes = include_bytes!("fixtures/红溪镇考核表.csv");
    let scheme = township();
    let (table, _) = opened(bytes, &scheme);
    let planned = plan(&table, &scheme, &ListState::new(scheme.clone()).modes);
    let reading = read(
        &table,
        &planned,
        &scheme,
        &ListState::new(scheme.clone()).blank(),
        Lang::Zh,
    );
    let state = Rc::new(ListState::new(scheme.clone())).reduce(Action::Import {
        drafts: reading.drafts,
        append: false,
        modes: planned.modes.clone(),
    });
    let (headers, rows) = dingji::tools::export::records(&state, &grade(&state));
    assert_eq!(
        headers[headers.len() - 10..],
        [
            "日常考核·组织建设（扣分）",
            "日常考核·作风纪律（扣分）",
            "日常考核·工作成效（扣分）",
            "调整等次",
            "调整理由",
            "排名",
            "综合评分",
            "等次",
            "距上一等次",
            "标记",
        ]
    );
    assert_eq!(rows[0].len(), headers.len());
    // Under scheme B (stars) the two star columns are there.
    let b_state = ListState::new(b());
    let (b_headers, _) = dingji::tools::export::records(&b_state, &grade(&b_state));
    assert!(b_headers.iter().any(|h| h == "星级"), "{b_headers:?}");
    // The list's own export, read back, maps its deduction columns to themselves.
    let cols = columns(&scheme, &state.modes);
    let guessed = dingji::tools::import::headers::guess_all(&headers, &cols, &scheme);
    assert_eq!(
        guessed[guessed.len() - 10..guessed.len() - 7]
            .iter()
            .map(|g| g.clone().map(|c| cols[c].key()).unwrap_or_default())
            .collect::<Vec<_>>(),
        [
            "ind:kaohe:zuzhi",
            "ind:kaohe:zuofeng",
            "ind:kaohe:chengxiao"
        ]
    );
}

#[test]
fn a_word_that_covers_two_categories_is_chosen_row_by_row() {
    use dingji::tools::import::categories::Choice;
    use dingji::tools::import::headers::CategoryGuess;
    // 两新组织: the 非公企业 and the 社会组织 together; scheme B grades them as 企业 and 社会组织.
    let csv = "组织名称,类别,党委评定,党员群众测评,自评\r\n\
        红星村党支部,村,92,80.6,95\r\n\
        恒达公司党支部,两新组织,88,85,90\r\n\
        义工协会党支部,两新组织,80,75,85\r\n";
    let scheme = b();
    let state = ListState::new(scheme.clone());
    let (table, _) = opened(csv.as_bytes(), &scheme);
    let mut planned = plan(&table, &scheme, &state.modes);
    assert_eq!(planned.categories.len(), 1);
    assert_eq!(
        planned.categories[0].guess,
        CategoryGuess::Ambiguous(vec!["enterprise".into(), "social".into()])
    );
    assert_eq!(
        planned.categories[0].lines,
        [
            (3, "恒达公司党支部".to_owned()),
            (4, "义工协会党支部".to_owned())
        ]
    );
    // Chosen row by row: until each row has its category, the rows left are named.
    Choice::PerRow.apply(&mut planned.categories[0]);
    Choice::Row(0, Some("enterprise".into())).apply(&mut planned.categories[0]);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(
        said(&reading, &table),
        ["第 4 行 B 列「类别」：“两新组织”可能是企业或社会组织，请在“分类对照”中选定"]
    );
    Choice::Row(1, Some("social".into())).apply(&mut planned.categories[0]);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(said(&reading, &table), Vec::<String>::new());
    let categories: Vec<&str> = reading.drafts.iter().map(|d| d.category.as_str()).collect();
    assert_eq!(categories, ["村", "企业", "社会组织"]);
    // The rows' choices survive a change of the mapping elsewhere (the same rows).
    planned.find_categories(&table, &scheme);
    assert_eq!(
        planned.categories[0].per_row,
        Some(vec![Some("enterprise".into()), Some("social".into())])
    );
}

#[test]
fn a_row_left_out_as_no_organization_can_be_taken_back_in() {
    let bytes = include_bytes!("fixtures/红溪镇考核表.csv");
    let scheme = township();
    let state = ListState::new(scheme.clone());
    let (table, _) = opened(bytes, &scheme);
    let mut planned = plan(&table, &scheme, &state.modes);
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(reading.left_out, [3, 6]);
    assert_eq!(reading.drafts.len(), 3);
    // The clerk says row 3 is an organization after all: it is read, and only row 6 is left out.
    planned.taken_back = vec![3];
    let reading = read(&table, &planned, &scheme, &state.blank(), Lang::Zh);
    assert_eq!(reading.drafts.len(), 4);
    assert_eq!(reading.drafts[0].name, "");
    assert_eq!(reading.notes[0], "第 6 行是分组标题，没有分数，未导入");
}

#[test]
fn a_table_crosses_from_the_sheets_worker_whole_and_a_damaged_one_is_refused() {
    // Packed as two byte buffers (each row's and cell's size, then the text): rows of any
    // length, empty cells and empty rows, any text.
    let table = Table {
        first_row: 3,
        rows: vec![
            vec!["组织名称".into(), String::new(), "党委评定".into()],
            Vec::new(),
            vec!["红星村党支部\n（新）".into(), "92.5".into()],
        ],
        ..Table::default()
    };
    let text = serde_json::to_string(&table).unwrap();
    assert_eq!(serde_json::from_str::<Table>(&text).unwrap(), table);
    // One byte of text cut off: the sizes no longer add up.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cells = value["rows"][1].as_array_mut().unwrap();
    cells.pop();
    assert!(serde_json::from_value::<Table>(value).is_err());
}
