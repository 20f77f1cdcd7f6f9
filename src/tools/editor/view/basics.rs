//! The scheme's name and its rounding.

use dingji_rules::{Decimal, Rounding, RoundingMode};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{num, select, text_field};
use crate::tools::editor::written;
use crate::tools::strings::ToolStrings;

/// The rounding modes in the order the select offers them.
const MODES: [RoundingMode; 3] = [
    RoundingMode::HalfUp,
    RoundingMode::HalfEven,
    RoundingMode::Truncate,
];

pub(super) fn basics(c: &Ctx<'_>) -> Html {
    let (shape, start, lang) = (c.shape, c.start, c.lang);
    let modes = MODES
        .iter()
        .enumerate()
        .map(|(i, m)| (i.to_string(), m.name(lang).to_owned()))
        .collect();
    let mode = MODES
        .iter()
        .position(|m| *m == shape.rounding.mode)
        .unwrap_or(0)
        .to_string();
    let name = c.edit(|s, v: String| s.name = written(&v));
    let decimals = c.edit(|s, v: Decimal| {
        s.rounding.decimals = u32::try_from(v.trunc().mantissa()).unwrap_or(u32::MAX)
    });
    let set_mode = c.edit(|s, v: String| {
        let mode = v.parse().ok().and_then(|i: usize| MODES.get(i).copied());
        s.rounding = Rounding {
            mode: mode.unwrap_or(RoundingMode::HalfUp),
            ..s.rounding
        }
    });
    let (was_name, was_decimals) = (start.name.get(lang), start.rounding.decimals.into());
    html! {
        <div class="ed-row">
            { text_field("ed-name".into(), c.t(ToolStrings::scheme_name_2), shape.name.get(lang), Some(was_name), name, lang) }
            { num("ed-decimals".into(), c.t(ToolStrings::decimals), shape.rounding.decimals.into(),
                Some(was_decimals), decimals, lang) }
            { select("ed-rounding-mode".into(), c.t(ToolStrings::rounding), modes, &mode, set_mode) }
        </div>
    }
}
