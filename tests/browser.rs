//! Browser tests: the app mounted in headless Chromium by wasm-bindgen-test, used through the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app in its own element and returns that element.
async fn mount() -> Element {
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

async fn type_score(root: &Element, value: &str) {
    let input: HtmlInputElement = find(root, "#composite");
    input.set_value(value);
    fire(&input, "input");
    yew::scheduler::flush().await;
}

async fn pick_scheme(root: &Element, id: &str) {
    let select: HtmlSelectElement = find(root, "#scheme");
    select.set_value(id);
    fire(&select, "change");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn typing_a_score_shows_its_tier_at_once() {
    let root = mount().await;
    assert_eq!(text(&root, "#tier"), "—");
    type_score(&root, "89.175").await;
    assert_eq!(text(&root, "#tier"), "较好");
    assert_eq!(text(&root, "#rounded"), "89.18");
    assert_eq!(text(&root, "#comparison"), "80 ≤ 89.18 < 90 → 较好");
    type_score(&root, "89.995").await;
    assert_eq!(text(&root, "#tier"), "好");
}

#[wasm_bindgen_test]
async fn the_scheme_decides_the_tier_of_the_same_score() {
    let root = mount().await;
    type_score(&root, "94.996").await;
    assert_eq!(text(&root, "#tier"), "好");
    pick_scheme(&root, "A").await;
    assert_eq!(text(&root, "#tier"), "很好");
    type_score(&root, "94.994").await;
    assert_eq!(text(&root, "#tier"), "好");
    type_score(&root, "59.995").await;
    assert_eq!(text(&root, "#tier"), "一般");
}

#[wasm_bindgen_test]
async fn a_bad_score_is_named_and_clears_the_tier() {
    let root = mount().await;
    type_score(&root, "90").await;
    assert_eq!(text(&root, "#tier"), "好");
    type_score(&root, "九十").await;
    assert_eq!(text(&root, "#tier"), "—");
    assert_eq!(
        text(&root, "#composite-error"),
        "「综合评分」不是数字：“九十”。请输入如 89.5 的数字"
    );
    let input: HtmlInputElement = find(&root, "#composite");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // What was typed stays in the field.
    assert_eq!(input.value(), "九十");
}
