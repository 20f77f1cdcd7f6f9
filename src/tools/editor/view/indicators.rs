//! The indicator sets (指标): the shared one and each category's own, each indicator with its
//! points, 评分要点, scoring (add or deduct) and kind, the base points' total; and the bonus cap.

use dingji_rules::scheme::{Indicator, Scoring};
use dingji_rules::{Decimal, Lang};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{Num, button, check, num, row_actions, select, text_field};
use crate::tools::editor::{self, Set, written};
use crate::tools::strings::ToolStrings;

pub(super) fn indicators(c: &Ctx<'_>) -> Html {
    let (shape, start, lang) = (c.shape, c.start, c.lang);
    let sets: Vec<(Set, String)> = std::iter::once((Set::Shared, c.t(ToolStrings::indicators)))
        .chain(shape.category_indicators.iter().map(|(id, _)| {
            let name = shape.category(id).map_or(id.as_str(), |x| x.name.get(lang));
            (
                Set::Own(id.clone()),
                format!("{name}{}", c.t(ToolStrings::indicators_2)),
            )
        }))
        .collect();
    let sets = sets
        .into_iter()
        .enumerate()
        .map(|(n, (set, title))| indicator_set(c, n, set, title))
        .collect::<Html>();
    let bonus_on = c.edit(|s, v: bool| s.bonus_cap = v.then(|| Decimal::from(5)));
    let bonus_cap = c.edit(|s, v: Decimal| s.bonus_cap = Some(v));
    html! {
        <>
            { sets }
            <div class="ed-row">
                { check("ed-bonus-cap-on".into(), c.t(ToolStrings::bonus_cap), shape.bonus_cap.is_some(), bonus_on) }
                if let Some(cap) = shape.bonus_cap {
                    { num("ed-bonus-cap".into(), c.t(ToolStrings::at_most_points), cap, start.bonus_cap, bonus_cap, lang) }
                }
            </div>
        </>
    }
}

/// Set `n`: its indicators, a button to add one, and its base points against 100.
fn indicator_set(c: &Ctx<'_>, n: usize, set: Set, title: String) -> Html {
    let items = set.get(c.shape);
    let sid = format!("ed-set-{n}");
    let total = editor::base_total(items);
    let rows = items
        .iter()
        .enumerate()
        .map(|(k, item)| indicator(c, &set, &sid, k, item))
        .collect::<Html>();
    let add = c.edit(move |s, ()| editor::add_indicator(s, &set));
    let short = (total != Decimal::ONE_HUNDRED).then_some("error");
    html! {
        <div class="ed-sub">
            <h5>{ title }</h5>
            { rows }
            <div class="ed-row">
                { button(format!("{sid}-add"), c.t(ToolStrings::add_an_indicator), add) }
                <span class={classes!("ed-total", short)} id={format!("{sid}-total")}>
                    { format!("{}{} / 100", c.t(ToolStrings::base_points), total.normalize()) }</span>
            </div>
        </div>
    }
}

/// Indicator `k` of `set`: each of its values, marked against the same indicator (by id) where
/// the workshop started.
fn indicator(c: &Ctx<'_>, set: &Set, sid: &str, k: usize, item: &Indicator) -> Html {
    let lang: Lang = c.lang;
    let id = format!("{sid}-{k}");
    let was = set.get(c.start).iter().find(|w| w.id == item.id);
    // A change to this indicator, where it still is.
    let with = |f: fn(&mut Indicator, String)| {
        let set = set.clone();
        c.edit(move |s, v: String| {
            if let Some(x) = set.get_mut(s).and_then(|v| v.get_mut(k)) {
                f(x, v)
            }
        })
    };
    let flag = |f: fn(&mut Indicator, bool)| {
        let set = set.clone();
        c.edit(move |s, v: bool| {
            if let Some(x) = set.get_mut(s).and_then(|v| v.get_mut(k)) {
                f(x, v)
            }
        })
    };
    let max = {
        let set = set.clone();
        c.edit(move |s, v: Decimal| {
            if let Some(x) = set.get_mut(s).and_then(|v| v.get_mut(k)) {
                x.max = v
            }
        })
    };
    let up = (k > 0).then(|| {
        let set = set.clone();
        c.edit(move |s, ()| {
            if let Some(v) = set.get_mut(s) {
                editor::move_up(v, k)
            }
        })
    });
    let remove = {
        let set = set.clone();
        c.edit(move |s, ()| {
            if let Some(v) = set.get_mut(s) {
                v.remove(k);
            }
        })
    };
    let scorings = vec![
        ("add".into(), c.t(ToolStrings::points_earned)),
        ("deduct".into(), c.t(ToolStrings::points_deducted)),
    ];
    let scoring = if item.scoring == Scoring::Deduct {
        "deduct"
    } else {
        "add"
    };
    html! {
        <div class="ed-item ed-row">
            { text_field(format!("{id}-name"), c.t(ToolStrings::indicator), item.name.get(lang), was.map(|w| w.name.get(lang)),
                with(|x, v| x.name = written(&v)), lang) }
            <Num id={format!("{id}-max")} label={c.t(ToolStrings::points)} value={item.max} was={was.map(|w| w.max)}
                slider=true {lang} on={max} />
            { text_field(format!("{id}-points"), c.t(ToolStrings::scoring_points), item.points.get(lang),
                was.map(|w| w.points.get(lang)), with(|x, v| x.points = written(&v)), lang) }
            { select(format!("{id}-scoring"), c.t(ToolStrings::scoring), scorings, scoring,
                with(|x, v| x.scoring = if v == "deduct" { Scoring::Deduct } else { Scoring::Add })) }
            { check(format!("{id}-bonus"), c.t(ToolStrings::bonus_item), item.bonus, flag(|x, v| x.bonus = v)) }
            { check(format!("{id}-custom"), c.t(ToolStrings::own_item_x), item.custom, flag(|x, v| x.custom = v)) }
            { row_actions(&id, item.name.get(lang), up, Some(remove), lang) }
        </div>
    }
}
