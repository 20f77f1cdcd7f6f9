//! Browser tests: the app mounted in headless Chromium by wasm-bindgen-test, used through the DOM;
//! and the worker's handlers called as the page's JS API calls them.
#![cfg(target_arch = "wasm32")]

use dingji::wire::explained::Explained;
use dingji::wire::request::Request;
use dingji::worker::api::Reply;
use dingji_rules::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app (with nothing saved) in its own element and returns that element.
async fn mount() -> Element {
    let window = gloo::utils::window();
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.clear();
    }
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<dingji::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is not on the page"))
        .dyn_into::<T>()
        .unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find::<Element>(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector);
    input.set_value(value);
    fire(&input, "input");
    yew::scheduler::flush().await;
}

async fn pick(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector);
    select.set_value(value);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_worked_example_is_computed_and_follows_every_keystroke() {
    let root = mount().await;
    assert_eq!(text(&root, "#composite"), "89.18");
    assert_eq!(text(&root, "#tier"), "较好");
    assert_eq!(text(&root, "#stars"), "三星");
    assert_eq!(text(&root, "#vote-score-vote"), "80.60");
    // 党委评定 93.63 gives exactly 89.995, which rounds to 90.00: 好.
    type_into(&root, "#score-committee", "93.63").await;
    assert_eq!(text(&root, "#composite"), "90.00");
    assert_eq!(text(&root, "#tier"), "好");
    assert_eq!(text(&root, "#comparison"), "90.00 ≥ 90 → 好");
    type_into(&root, "#score-committee", "93.62").await;
    assert_eq!(text(&root, "#tier"), "较好");
    // One more 较差 ballot: (4030 + 10) / 51 ≈ 79.22.
    type_into(&root, "#count-vote-3", "2").await;
    assert_eq!(text(&root, "#vote-score-vote"), "≈79.22");
    assert_eq!(text(&root, "#valid-vote"), "51");
}

#[wasm_bindgen_test]
async fn a_bad_entry_is_named_and_the_last_result_stays_marked() {
    let root = mount().await;
    type_into(&root, "#score-self", "九十五").await;
    assert_eq!(
        text(&root, "#score-self-error"),
        "「自评」不是数字：“九十五”。请输入如 89.5 的数字"
    );
    assert_eq!(text(&root, "#composite"), "89.18");
    assert!(!text(&root, "#stale").is_empty());
    let input: HtmlInputElement = find(&root, "#score-self");
    assert_eq!(input.value(), "九十五", "what was typed stays in the field");
    type_into(&root, "#score-self", "95").await;
    assert!(root.query_selector("#stale").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn weights_that_do_not_sum_to_100_are_named_at_the_weights() {
    let root = mount().await;
    type_into(&root, "#weight-committee", "60").await;
    type_into(&root, "#weight-vote", "20").await;
    // 92 × 60% + 80.6 × 20% + 95 × 20% = 55.2 + 16.12 + 19 = 90.32 → 好.
    assert_eq!(text(&root, "#composite"), "90.32");
    assert_eq!(text(&root, "#tier"), "好");
    type_into(&root, "#weight-self", "10").await;
    assert_eq!(
        text(&root, "#weights-error"),
        "各评价主体的权重之和应为 100%，现为 90%"
    );
    assert_eq!(
        text(&root, "#composite"),
        "90.32",
        "the last valid result stays"
    );
    assert!(!text(&root, "#stale").is_empty());
    find::<web_sys::HtmlElement>(&root, "#reset-scheme").click();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "#composite"), "89.18");
}

#[wasm_bindgen_test]
async fn another_scheme_grades_the_same_scores_its_own_way() {
    let root = mount().await;
    pick(&root, "#scheme", "NW").await;
    type_into(&root, "#score-self", "92").await;
    type_into(&root, "#score-superior", "88").await;
    // 92 × 40% + 88 × 60% = 89.6 → 较好 (75–89).
    assert_eq!(text(&root, "#composite"), "89.60");
    assert_eq!(text(&root, "#tier"), "较好");
    assert_eq!(
        text(&root, "#formula"),
        "综合评分 = 92 × 40% + 88 × 60% = 36.8 + 52.8 = 89.6"
    );
}

#[wasm_bindgen_test]
fn the_worker_explains_a_saved_page() {
    let saved = "dingji 1\nscheme B\nscore committee 92\nmode vote votes\ncount vote 0 30\ncount vote 1 15\ncount vote 2 4\ncount vote 3 1\nscore self 95";
    let request = Request::ExplainPage {
        saved: saved.into(),
        lang: Lang::Zh,
    };
    let (name, args) = request.to_message();
    let Ok(Reply::Value(value)) = dingji::worker::handle(name, &args, None) else {
        panic!("the worker did not explain the page");
    };
    let explained = Explained::from_js(&value);
    assert!(
        explained
            .steps
            .iter()
            .any(|l| l == "综合评分 = 92 × 50% + 80.6 × 30% + 95 × 20% = 46 + 24.18 + 19 = 89.18")
    );
    assert_eq!(explained.goals_title, "要达到“好”，在其他各项不变时：");
    assert_eq!(explained.goals.len(), 3);
    let (name, args) = Request::ExplainPage {
        saved: "dingji 1\nscheme Z".into(),
        lang: Lang::Zh,
    }
    .to_message();
    let Err(bad) = dingji::worker::handle(name, &args, None) else {
        panic!("an unknown scheme was explained");
    };
    assert_eq!(bad, "其中的方案不是本程序的预设方案");
}

#[wasm_bindgen_test]
fn organizations_sent_as_their_own_text_grade_as_the_same_objects_and_are_refused_alike() {
    use dingji::worker::api::Reply;
    use wasm_bindgen::JsValue;
    // The worked example (domain.md): 92 × 50% + 80.6 × 30% + 95 × 20% = 89.18, 较好.
    let org = r#"{"inputs":{"committee":{"score":"92"},"vote":{"votes":{"counts":[30,15,4,1]}},"self":{"score":"95"}}}"#;
    let list = format!("[{org},{org}]");
    let args = |orgs: &JsValue| js_sys::Array::of3(&"B".into(), orgs, &JsValue::NULL);
    let json = |reply: Result<Reply, String>| match reply {
        Ok(Reply::Json(text)) => text,
        _ => panic!("no JSON reply"),
    };
    // Alone, 较好; two alike in a list: ⌈5% × 2⌉ = 1 to 较差, and its tie with it (tied).
    for (text, tier) in [
        (org, r#""tier_name":"较好""#),
        (list.as_str(), r#""tier_name":"较差""#),
    ] {
        let as_text = json(dingji::worker::handle(
            "evaluate",
            &args(&JsValue::NULL),
            Some(text.into()),
        ));
        let value = js_sys::JSON::parse(text).unwrap();
        assert_eq!(
            as_text,
            json(dingji::worker::handle("evaluate", &args(&value), None))
        );
        assert!(as_text.contains(r#""rounded":"89.18""#), "{as_text}");
        assert!(as_text.contains(tier), "{as_text}");
    }
    // Text of something not an object is refused as that value is.
    let refused = |reply: Result<Reply, String>| reply.err().expect("refused");
    assert_eq!(
        refused(dingji::worker::handle(
            "evaluate",
            &args(&JsValue::NULL),
            Some("5".into())
        )),
        refused(dingji::worker::handle(
            "evaluate",
            &args(&JsValue::from(5)),
            None
        )),
    );
    assert_eq!(
        refused(dingji::worker::handle(
            "evaluate",
            &args(&JsValue::NULL),
            Some(r#"[{"inputs":7}]"#.into())
        )),
        refused(dingji::worker::handle(
            "evaluate",
            &args(&js_sys::JSON::parse(r#"[{"inputs":7}]"#).unwrap()),
            None
        )),
    );
}

#[wasm_bindgen_test]
fn a_file_and_its_rows_cross_to_the_sheets_worker_as_they_are() {
    use dingji::wire::sheets::{
        Cell, Opened, Reply as SheetsReply, Request as SheetsRequest, Table,
    };
    // A file's bytes cross as one Uint8Array (not an array of numbers), and come back whole.
    let bytes: Vec<u8> = (0..=255).collect();
    let request = SheetsRequest::Open {
        bytes: bytes.clone(),
        encoding: "gb18030".into(),
        named_workbook: true,
    };
    let message = serde_wasm_bindgen::to_value(&request).unwrap();
    let open = js_sys::Reflect::get(&message, &"Open".into()).unwrap();
    let sent = js_sys::Reflect::get(&open, &"bytes".into()).unwrap();
    assert_eq!(
        sent.dyn_into::<js_sys::Uint8Array>().unwrap().to_vec(),
        bytes
    );
    assert_eq!(
        serde_wasm_bindgen::from_value::<SheetsRequest>(message).unwrap(),
        request
    );
    // Rows come back cell for cell: empty rows, empty cells, and the control characters the
    // packed string of before dropped.
    let table = Table {
        above: Vec::new(),
        first_row: 3,
        rows: vec![
            vec![],
            vec!["第一党支部".into(), String::new(), "a\u{1f}b\u{1e}c".into()],
        ],
        quoted: false,
        notes: vec![dingji_sheets::Note::MergedFilled {
            from: dingji_sheets::Place { row: 3, column: 1 },
            to: dingji_sheets::Place { row: 5, column: 1 },
            text: "农村".into(),
        }],
    };
    let reply = SheetsReply::Opened(Opened {
        sheets: vec![("名单".into(), false), ("旧表".into(), true)],
        table: Some(table),
        encoding: None,
        chosen: Some("名单".into()),
    });
    let value = serde_wasm_bindgen::to_value(&reply).unwrap();
    assert_eq!(
        serde_wasm_bindgen::from_value::<SheetsReply>(value).unwrap(),
        reply
    );
    // A file refused: why and where cross as data.
    let refused = SheetsReply::Refused(dingji_sheets::SheetError::UnsavedFormulas {
        sheet: "名单".into(),
        cells: vec![dingji_sheets::Place { row: 2, column: 1 }],
        by_column: Vec::new(),
    });
    let value = serde_wasm_bindgen::to_value(&refused).unwrap();
    assert_eq!(
        serde_wasm_bindgen::from_value::<SheetsReply>(value).unwrap(),
        refused
    );
    // A workbook to write: text and numbers with their decimals.
    let write = SheetsRequest::WriteWorkbook {
        sheets: vec![(
            "结果".into(),
            vec![vec![
                Cell::Text("=1+1".into()),
                Cell::Number {
                    text: "89.18".into(),
                    decimals: 2,
                },
            ]],
        )],
    };
    let value = serde_wasm_bindgen::to_value(&write).unwrap();
    assert_eq!(
        serde_wasm_bindgen::from_value::<SheetsRequest>(value).unwrap(),
        write
    );
}
