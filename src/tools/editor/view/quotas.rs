//! The quotas: the lowest tier's floor and the top tier's cap, their rounding and scope, and a
//! share per category where counted by category (the shares themselves are the workshop's
//! sliders).

use dingji_rules::Decimal;
use dingji_rules::scheme::{Quota, QuotaRounding, Scope};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor;
use crate::tools::editor::fields::{
    check, num, quota_slot, rounding_from, rounding_of, rounding_options, scope_from, scope_of,
    scope_options, select,
};
use crate::tools::strings::ToolStrings;

pub(super) fn quotas(c: &Ctx<'_>) -> Html {
    [
        (true, c.t(ToolStrings::lowest_tier_at_least)),
        (false, c.t(ToolStrings::top_tier_at_most)),
    ]
    .into_iter()
    .map(|(floor, label)| quota(c, floor, label))
    .collect()
}

/// The floor (`floor`) or the top cap: on or off, and where on, its rounding, its scope and, by
/// category, each category's share.
fn quota(c: &Ctx<'_>, floor: bool, label: String) -> Html {
    let (shape, lang) = (c.shape, c.lang);
    let id = if floor { "ed-floor" } else { "ed-top" };
    let quota = if floor {
        shape.distribution.min_lowest.clone()
    } else {
        shape.distribution.max_top.clone()
    };
    let on_off = c.edit(move |s, v: bool| {
        *quota_slot(s, floor) = v.then(|| {
            if floor {
                editor::quota(5, QuotaRounding::Ceil)
            } else {
                editor::quota(20, QuotaRounding::Floor)
            }
        })
    });
    // A change to this quota, where it still is.
    let with = |f: fn(&mut Quota, String)| {
        c.edit(move |s, v: String| {
            if let Some(q) = quota_slot(s, floor).as_mut() {
                f(q, v)
            }
        })
    };
    let per_category = quota
        .as_ref()
        .filter(|q| q.scope == Scope::Category)
        .map(|q| {
            shape
                .categories
                .iter()
                .map(|category| {
                    let cid = category.id.clone();
                    let value = q
                        .per_category
                        .iter()
                        .find(|(x, _)| *x == category.id)
                        .map_or(q.share, |(_, v)| *v);
                    let set = c.edit(move |s, v: Decimal| {
                        if let Some(q) = quota_slot(s, floor).as_mut() {
                            match q.per_category.iter_mut().find(|(x, _)| *x == cid) {
                                Some((_, share)) => *share = v,
                                None => q.per_category.push((cid.clone(), v)),
                            }
                        }
                    });
                    let label = format!("{}（%）", category.name.get(lang));
                    num(
                        format!("{id}-cat-{}", category.id),
                        label,
                        value,
                        None,
                        set,
                        lang,
                    )
                })
                .collect::<Html>()
        });
    html! {
        <div class="ed-row">
            { check(format!("{id}-on"), label, quota.is_some(), on_off) }
            if let Some(q) = &quota {
                { select(format!("{id}-rounding"), c.t(ToolStrings::count_rounded), rounding_options(lang),
                    rounding_of(q.rounding), with(|q, v| q.rounding = rounding_from(&v))) }
                { select(format!("{id}-scope"), c.t(ToolStrings::counted), scope_options(lang), scope_of(q.scope),
                    with(|q, v| q.scope = scope_from(&v))) }
            }
            { for per_category }
        </div>
    }
}
