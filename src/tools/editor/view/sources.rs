//! The sources (评价主体) and their input forms, and the scale of each vote: its levels, how many
//! count as satisfied, the participation rule.

use dingji_rules::scheme::{Participation, Source, SourceKind, VoteLevel, VoteScale};
use dingji_rules::{Decimal, Text};
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{button, check, num, row_actions, select, text_field};
use crate::tools::editor::{self, Form, written};
use crate::tools::strings::ToolStrings;

pub(super) fn sources(c: &Ctx<'_>) -> Html {
    let many = c.shape.sources.len() > 1;
    c.shape
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| self::source(c, i, source, many))
        .collect()
}

/// Source `i`: its name, its input form, its place, and its scale where it is a vote.
fn source(c: &Ctx<'_>, i: usize, source: &Source, many: bool) -> Html {
    let lang = c.lang;
    let id = format!("ed-source-{i}");
    let was = c.start.source(&source.id).map(|(_, s)| s);
    let name = source.name.get(lang).to_owned();
    let form = Form::of(&source.input);
    let scale = match &source.input {
        SourceKind::Vote(scale) => {
            let was_scale = match was.map(|w| &w.input) {
                Some(SourceKind::Vote(s)) => Some(s),
                _ => None,
            };
            vote_scale(c, i, &id, &name, scale, was_scale)
        }
        _ => Html::default(),
    };
    let forms = Form::ALL
        .iter()
        .map(|f| (format!("{f:?}"), f.name(lang).to_owned()))
        .collect();
    let rename = c.edit(move |s, v: String| {
        if let Some(x) = s.sources.get_mut(i) {
            x.name = written(&v)
        }
    });
    let set_form = c.edit(move |s, v: String| {
        let f = Form::ALL
            .into_iter()
            .find(|f| format!("{f:?}") == v)
            .unwrap_or(Form::Direct);
        editor::set_form(s, i, f);
    });
    let up = (i > 0).then(|| c.edit(move |s, ()| editor::move_up(&mut s.sources, i)));
    let remove = many.then(|| c.edit(move |s, ()| editor::remove_source(s, i)));
    html! {
        <div class="ed-item">
            <div class="ed-row">
                { text_field(format!("{id}-name"), c.t(ToolStrings::source), &name, was.map(|w| w.name.get(lang)), rename, lang) }
                { select(format!("{id}-form"), c.t(ToolStrings::input), forms, &format!("{form:?}"), set_form) }
                { row_actions(&id, &name, up, remove, lang) }
            </div>
            { scale }
        </div>
    }
}

/// The scale of source `i`, a vote: each level, a level added, how many levels count as
/// satisfied, and the participation rule.
fn vote_scale(
    c: &Ctx<'_>,
    i: usize,
    id: &str,
    name: &str,
    scale: &VoteScale,
    was_scale: Option<&VoteScale>,
) -> Html {
    let lang = c.lang;
    let levels = scale
        .levels
        .iter()
        .enumerate()
        .map(|(k, level)| vote_level(c, i, id, k, level, scale.levels.len(), was_scale))
        .collect::<Html>();
    let add = c.edit(move |s, ()| {
        if let Some(sc) = editor::scale_mut(s, i) {
            let n = sc.levels.len() + 1;
            sc.levels.push(VoteLevel {
                name: Text::new(format!("等级{n}"), format!("Level {n}")),
                points: Decimal::ZERO,
                valid: true,
            });
        }
    });
    let satisfied = c.edit(move |s, v: Decimal| {
        if let Some(sc) = editor::scale_mut(s, i) {
            sc.satisfied_levels = usize::try_from(v.trunc().mantissa()).unwrap_or(0)
        }
    });
    let rule_on = c.edit(move |s, v: bool| {
        if let Some(sc) = editor::scale_mut(s, i) {
            sc.participation = v.then(|| Participation {
                min_share: Decimal::from(80),
                everyone_below: None,
            });
        }
    });
    // A change to the participation rule, where it still is.
    let rule = |f: fn(&mut Participation, Decimal)| {
        c.edit(move |s, v: Decimal| {
            if let Some(p) = editor::scale_mut(s, i).and_then(|sc| sc.participation.as_mut()) {
                f(p, v)
            }
        })
    };
    let participation = scale.participation.clone();
    html! {
        <div class="ed-sub">
            <h5>{ format!("{name}{}", c.t(ToolStrings::ballot_levels)) }</h5>
            { levels }
            <div class="ed-row">
                { button(format!("{id}-add-level"), c.t(ToolStrings::add_a_level), add) }
                { num(format!("{id}-satisfied"), c.t(ToolStrings::levels_counted_satisfied),
                    scale.satisfied_levels.into(), was_scale.map(|s| s.satisfied_levels.into()), satisfied, lang) }
                { check(format!("{id}-participation"), c.t(ToolStrings::participation_rule),
                    participation.is_some(), rule_on) }
                if let Some(part) = participation {
                    { num(format!("{id}-min-share"), c.t(ToolStrings::at_least_vote), part.min_share, None,
                        rule(|p, v| p.min_share = v), lang) }
                    { num(format!("{id}-everyone-below"), c.t(ToolStrings::everyone_votes_below),
                        part.everyone_below.unwrap_or(0).into(), None,
                        rule(|p, v| p.everyone_below = u64::try_from(v.trunc().mantissa()).ok().filter(|n| *n > 0)), lang) }
                }
            </div>
        </div>
    }
}

/// Level `k` of source `i`'s scale: its name, its points, whether it counts as a valid ballot.
fn vote_level(
    c: &Ctx<'_>,
    i: usize,
    id: &str,
    k: usize,
    level: &VoteLevel,
    count: usize,
    was_scale: Option<&VoteScale>,
) -> Html {
    let lang = c.lang;
    let lid = format!("{id}-level-{k}");
    let was_level = was_scale.and_then(|s| s.levels.get(k));
    // A scale that is new with its source is marked once, at the source.
    let was_name = match was_scale {
        Some(_) => was_level.map(|l| l.name.get(lang)),
        None => Some(level.name.get(lang)),
    };
    // A change to this level, where it still is.
    let with = |f: fn(&mut VoteLevel, String)| {
        c.edit(move |s, v: String| {
            if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) {
                f(l, v)
            }
        })
    };
    let points = c.edit(move |s, v: Decimal| {
        if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) {
            l.points = v
        }
    });
    let valid = c.edit(move |s, v: bool| {
        if let Some(l) = editor::scale_mut(s, i).and_then(|sc| sc.levels.get_mut(k)) {
            l.valid = v
        }
    });
    let remove = (count > 1).then(|| {
        c.edit(move |s, ()| {
            if let Some(sc) = editor::scale_mut(s, i) {
                sc.levels.remove(k);
            }
        })
    });
    html! {
        <div class="ed-row">
            { text_field(format!("{lid}-name"), c.t(ToolStrings::level), level.name.get(lang), was_name,
                with(|l, v| l.name = written(&v)), lang) }
            { num(format!("{lid}-points"), c.t(ToolStrings::points_a_ballot), level.points, was_level.map(|l| l.points),
                points, lang) }
            { check(format!("{lid}-valid"), c.t(ToolStrings::a_valid_ballot), level.valid, valid) }
            { row_actions(&lid, level.name.get(lang), None, remove, lang) }
        </div>
    }
}
