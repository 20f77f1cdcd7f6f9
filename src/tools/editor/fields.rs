//! The scheme editor's fields and their helpers: a value marked against where it started (with
//! a button that sets it back), numbers, selects, checks, row actions, a section's frame and
//! error, and the options of the editor's selects. The editor itself is `view.rs`.

use std::rc::Rc;

use dingji_rules::scheme::{Limit, QuotaRounding, Scope};
use dingji_rules::{Decimal, Error, Lang, Scheme, parse_decimal};
use yew::prelude::*;

use crate::shared::i18n::fill;
use crate::tools::editor::Section;
use crate::tools::strings::tool_strings;

/// A callback that makes one change to a copy of `shape` and reports the copy.
pub(super) fn edit<V: 'static>(
    shape: &Rc<Scheme>,
    on: &Callback<Scheme>,
    f: impl Fn(&mut Scheme, V) + 'static,
) -> Callback<V> {
    let (shape, on) = (shape.clone(), on.clone());
    Callback::from(move |v: V| {
        let mut next = (*shape).clone();
        f(&mut next, v);
        on.emit(next);
    })
}

/// "原为 …" and a button that sets the value back, where it differs from `was`; "新增" where
/// there is nothing it started from and `new` says to name it (an item's name, not its parts).
pub(super) fn mark(
    label: &str,
    now: &str,
    was: Option<&str>,
    back: Option<Callback<()>>,
    new: bool,
    lang: Lang,
) -> Html {
    let (text, reset) = match was {
        Some(w) if w != now => (fill(tool_strings(lang).was_value(), &[w]), back),
        None if new => (tool_strings(lang).new_item().to_owned(), None),
        _ => return Html::default(),
    };
    html! {
        <>
            <span class="was">{ text }</span>
            if let Some(back) = reset {
                <button type="button" class="reset" onclick={back.reform(|_: MouseEvent| ())}
                    aria-label={format!("{}{}", tool_strings(lang).reset(), label)}>{ "↺" }</button>
            }
        </>
    }
}

/// A text field: its label, value, and where it started.
pub(super) fn text_field(
    id: String,
    label: String,
    value: &str,
    was: Option<&str>,
    on: Callback<String>,
    lang: Lang,
) -> Html {
    let changed = was.is_none_or(|w| w != value);
    let input = on.reform(|e: InputEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    });
    let back = was.map(|w| {
        let (on, w) = (on.clone(), w.to_owned());
        Callback::from(move |()| on.emit(w.clone()))
    });
    html! {
        <span class={classes!("ed-field", changed.then_some("changed"))}>
            <label for={id.clone()}>{ label.clone() }</label>
            <input type="text" {id} value={value.to_owned()} oninput={input} />
            { mark(&label, value, was, back, true, lang) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct NumProps {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) value: Decimal,
    pub(super) was: Option<Decimal>,
    pub(super) on: Callback<Decimal>,
    pub(super) lang: Lang,
    /// A slider from 0 to 100 beside the number (an indicator's points).
    #[prop_or_default]
    pub(super) slider: bool,
}

/// A number field: what is typed stays as typed until it reads as a number; what does not read
/// is named at the field and changes nothing.
#[component]
pub(super) fn Num(p: &NumProps) -> Html {
    let text = use_state(|| p.value.normalize().to_string());
    // A value changed from elsewhere (undo, reset, a slider) is shown, unless what is typed
    // already reads as it ("8." while typing 8.5).
    {
        let text = text.clone();
        use_effect_with(p.value, move |v| {
            if parse_decimal(&text, "").ok() != Some(*v) {
                text.set(v.normalize().to_string());
            }
        });
    }
    let error = match parse_decimal(&text, &p.label) {
        Ok(_) => None,
        Err(e) => Some(e.message(p.lang)),
    };
    let read = {
        let (text, on) = (text.clone(), p.on.clone());
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            if let Ok(v) = parse_decimal(&value, "") {
                on.emit(v);
            }
            text.set(value);
        })
    };
    let now = p.value.normalize().to_string();
    let was = p.was.map(|w| w.normalize().to_string());
    let back = p.was.map(|w| p.on.reform(move |()| w));
    let error_id = format!("{}-error", p.id);
    html! {
        <span class={classes!("ed-field", p.was.is_some_and(|w| w != p.value).then_some("changed"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if p.slider {
                <input type="range" min="0" max="100" step="1" value={now.clone()} oninput={read.clone()}
                    aria-label={p.label.clone()} id={format!("{}-slider", p.id)} />
            }
            <input type="text" inputmode="decimal" id={p.id.clone()} value={(*text).clone()} oninput={read}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
            { mark(&p.label, &now, was.as_deref(), back, false, p.lang) }
            if let Some(e) = error { <span class="error" id={error_id}>{ e }</span> }
        </span>
    }
}

pub(super) fn num(
    id: String,
    label: String,
    value: Decimal,
    was: Option<Decimal>,
    on: Callback<Decimal>,
    lang: Lang,
) -> Html {
    html! { <Num {id} {label} {value} {was} {on} {lang} /> }
}

/// A select of `options` (value, shown), `value` chosen.
pub(super) fn select(
    id: String,
    label: String,
    options: Vec<(String, String)>,
    value: &str,
    on: Callback<String>,
) -> Html {
    let change = on.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <span class="ed-field">
            <label for={id.clone()}>{ label }</label>
            <select {id} onchange={change}>
                { for options.into_iter().map(|(v, shown)| html! {
                    <option selected={v.as_str() == value} value={v.clone()}>{ shown }</option>
                }) }
            </select>
        </span>
    }
}

pub(super) fn check(id: String, label: String, checked: bool, on: Callback<bool>) -> Html {
    let change = on.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    });
    html! {
        <label class="check ed-check"><input type="checkbox" {id} {checked} onchange={change} />{ label }</label>
    }
}

pub(super) fn button(id: String, text: String, on: Callback<()>) -> Html {
    html! { <button type="button" {id} onclick={on.reform(|_: MouseEvent| ())}>{ text }</button> }
}

/// "↑" and "删除" for item `i`, by the callbacks given.
pub(super) fn row_actions(
    id: &str,
    label: &str,
    up: Option<Callback<()>>,
    remove: Option<Callback<()>>,
    lang: Lang,
) -> Html {
    html! {
        <span class="ed-actions">
            if let Some(up) = up {
                <button type="button" id={format!("{id}-up")} onclick={up.reform(|_: MouseEvent| ())}
                    aria-label={format!("{}{label}", tool_strings(lang).move_up())}>{ "↑" }</button>
            }
            if let Some(remove) = remove {
                <button type="button" id={format!("{id}-remove")} onclick={remove.reform(|_: MouseEvent| ())}
                    aria-label={format!("{}{label}", tool_strings(lang).remove())}>{ tool_strings(lang).remove_2() }</button>
            }
        </span>
    }
}

/// The scheme's check, where it belongs to `section`.
pub(super) fn section_error(error: &Option<Error>, section: Section, lang: Lang) -> Html {
    match error {
        Some(e) if Section::of(e) == section => html! {
            <p class="error" role="alert" id={format!("ed-error-{section:?}").to_lowercase()}>{ e.message(lang) }</p>
        },
        _ => Html::default(),
    }
}

/// A part of the editor: its heading, its items, the button that adds one, the scheme's check
/// where it concerns this part.
pub(super) fn section(title: String, items: Html, add: Option<Html>, error: Html) -> Html {
    html! {
        <>
            <h4>{ title }</h4>
            { items }
            { for add }
            { error }
        </>
    }
}

pub(super) fn rounding_options(lang: Lang) -> Vec<(String, String)> {
    vec![
        ("ceil".into(), tool_strings(lang).round_up().into()),
        ("floor".into(), tool_strings(lang).round_down().into()),
        ("round".into(), tool_strings(lang).round_half_up().into()),
    ]
}

pub(super) fn rounding_of(r: QuotaRounding) -> &'static str {
    match r {
        QuotaRounding::Ceil => "ceil",
        QuotaRounding::Floor => "floor",
        QuotaRounding::Round => "round",
    }
}

pub(super) fn rounding_from(v: &str) -> QuotaRounding {
    match v {
        "ceil" => QuotaRounding::Ceil,
        "round" => QuotaRounding::Round,
        _ => QuotaRounding::Floor,
    }
}

pub(super) fn tier_options(scheme: &Scheme, lang: Lang) -> Vec<(String, String)> {
    (0..scheme.tiers.len())
        .map(|t| (t.to_string(), scheme.tier_name(t, lang).to_owned()))
        .collect()
}

pub(super) fn star_options(scheme: &Scheme, lang: Lang) -> Vec<(String, String)> {
    scheme
        .stars
        .iter()
        .flat_map(|s| &s.levels)
        .map(|l| (l.stars.to_string(), l.name.get(lang).to_owned()))
        .collect()
}

/// A limit (a veto's or a satisfaction cap's): its kind and its tier or stars.
pub(super) fn limit_fields(
    id: &str,
    scheme: &Scheme,
    limit: Limit,
    on: Callback<Limit>,
    lang: Lang,
) -> Html {
    let mut kinds = vec![
        ("0".to_owned(), tool_strings(lang).tier_set_to().to_owned()),
        ("1".to_owned(), tool_strings(lang).tier_at_most().to_owned()),
    ];
    if scheme.stars.is_some() {
        kinds.push(("2".into(), (tool_strings(lang).stars_at_most()).into()));
    }
    let (kind, target, targets) = match limit {
        Limit::ForceTier(t) => (0, t.to_string(), tier_options(scheme, lang)),
        Limit::TierAtMost(t) => (1, t.to_string(), tier_options(scheme, lang)),
        Limit::StarsAtMost(n) => (2, n.to_string(), star_options(scheme, lang)),
    };
    let lowest = scheme.lowest_tier();
    let set_kind = on.reform(move |v: String| match v.as_str() {
        "1" => Limit::TierAtMost(lowest.saturating_sub(1)),
        "2" => Limit::StarsAtMost(0),
        _ => Limit::ForceTier(lowest),
    });
    let set_target = on.reform(move |v: String| {
        let n: usize = v.parse().unwrap_or(0);
        match kind {
            0 => Limit::ForceTier(n),
            1 => Limit::TierAtMost(n),
            _ => Limit::StarsAtMost(u8::try_from(n).unwrap_or(0)),
        }
    });
    html! {
        <>
            { select(format!("{id}-kind"), tool_strings(lang).effect().into(), kinds, &kind.to_string(), set_kind) }
            { select(format!("{id}-target"), tool_strings(lang).tier_stars().into(), targets, &target, set_target) }
        </>
    }
}

pub(super) fn quota_slot(s: &mut Scheme, floor: bool) -> &mut Option<dingji_rules::scheme::Quota> {
    if floor {
        &mut s.distribution.min_lowest
    } else {
        &mut s.distribution.max_top
    }
}

pub(super) fn scope_options(lang: Lang) -> Vec<(String, String)> {
    vec![
        ("all".into(), (tool_strings(lang).all_together()).into()),
        (
            "category".into(),
            (tool_strings(lang).each_category_apart()).into(),
        ),
    ]
}

pub(super) fn scope_of(s: Scope) -> &'static str {
    match s {
        Scope::All => "all",
        Scope::Category => "category",
    }
}

pub(super) fn scope_from(v: &str) -> Scope {
    if v == "category" {
        Scope::Category
    } else {
        Scope::All
    }
}
