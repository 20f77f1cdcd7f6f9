//! Component render tests, native: each component rendered to HTML with yew's `ssr` feature, and
//! the text a user would read checked.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::str::FromStr;

use dingji::App;
use dingji::components::decimal_field::{DecimalField, DecimalFieldProps};
use dingji::components::tier_result::{TierResult, TierResultProps};
use dingji::components::tier_table::{TierTable, TierTableProps};
use dingji_rules::{Decimal, Lang, presets};
use yew::{BaseComponent, Callback, LocalServerRenderer};

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The visible text of rendered HTML: tags dropped, entities decoded, blanks collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_page_offers_both_seed_schemes_and_waits_for_a_score() {
    let html = render::<App>(());
    let shown = text(&html);
    assert!(shown.contains("基层党组织分类定级计算器"), "{shown}");
    assert!(shown.contains("A · 贵州“五级五评”"), "{shown}");
    assert!(
        shown.contains("B · 乡镇分类定级方案（四级六星）"),
        "{shown}"
    );
    assert!(shown.contains("请输入综合评分"), "{shown}");
    // The township scheme is chosen first, and its thresholds are listed.
    assert!(
        html.contains(r#"<option value="B" selected"#) || html.contains(r#"value="B" selected"#),
        "{html}"
    );
    assert!(shown.contains("好 x ≥ 90（90 及以上）"), "{shown}");
    assert!(shown.contains("较差 x < 60（60 以下）"), "{shown}");
}

#[test]
fn the_result_shows_rounding_and_comparison() {
    let scheme = Rc::new(presets::by_id("B").unwrap());
    let decision = scheme.decide(Decimal::from_str("89.175").unwrap());
    let html = render::<TierResult>(TierResultProps {
        lang: Lang::Zh,
        scheme,
        decision: Some(decision),
    });
    let shown = text(&html);
    assert!(shown.starts_with("较好"), "{shown}");
    assert!(
        shown.contains("89.175 → 89.18 （四舍五入到两位小数）"),
        "{shown}"
    );
    assert!(shown.contains("80 ≤ 89.18 < 90 → 较好"), "{shown}");
}

#[test]
fn the_result_speaks_english_when_asked() {
    let scheme = Rc::new(presets::by_id("A").unwrap());
    let decision = scheme.decide(Decimal::from_str("94.996").unwrap());
    let shown = text(&render::<TierResult>(TierResultProps {
        lang: Lang::En,
        scheme,
        decision: Some(decision),
    }));
    assert!(shown.starts_with("Excellent"), "{shown}");
    assert!(
        shown.contains("94.996 → 95.00 （rounded half up to 2 decimals）"),
        "{shown}"
    );
    assert!(shown.contains("95.00 ≥ 95 → Excellent"), "{shown}");
}

#[test]
fn the_table_marks_the_current_tier() {
    let scheme = Rc::new(presets::by_id("A").unwrap());
    let html = render::<TierTable>(TierTableProps {
        lang: Lang::Zh,
        scheme,
        current: Some(3),
    });
    let current_row = html
        .split("<tr")
        .find(|row| row.contains(r#"aria-current="true""#))
        .unwrap();
    assert_eq!(text(&format!("<tr{current_row}")), "一般 60 ≤ x < 75");
}

#[test]
fn a_field_with_an_error_says_so_and_is_marked_invalid() {
    let html = render::<DecimalField>(DecimalFieldProps {
        id: "composite".into(),
        label: "综合评分".into(),
        value: "abc".into(),
        hint: "百分制".into(),
        placeholder: "".into(),
        error: Some("「综合评分」不是数字：“abc”。请输入如 89.5 的数字".into()),
        on_input: Callback::noop(),
    });
    assert!(html.contains(r#"aria-invalid="true""#), "{html}");
    assert!(
        html.contains(r#"aria-describedby="composite-hint composite-error""#),
        "{html}"
    );
    assert!(text(&html).contains("「综合评分」不是数字：“abc”。请输入如 89.5 的数字"));
}
