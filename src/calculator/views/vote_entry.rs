//! Ballots per level (得票), with the rates, the vote score and the participation check shown as
//! the user types.

use dingji_rules::draft::{Field, FieldError, SourceDraft, VotesRead, error_at};
use dingji_rules::evaluate::ballots_needed;
use dingji_rules::fmt::{num, rate};
use dingji_rules::scheme::VoteScale;
use dingji_rules::{Lang, Ratio};
use yew::prelude::*;

use super::decimal_field::{DecimalFieldProps, decimal_field};
use crate::calculator::state::Action;
use crate::shared::i18n::{self, strings};
use crate::shared::shown_error;

pub struct VoteEntryProps<'a> {
    pub lang: Lang,
    pub source: &'a str,
    pub scale: &'a VoteScale,
    pub draft: &'a SourceDraft,
    /// The ballots as the page read them (with the rest of the entries, once a change).
    pub read: Option<&'a VotesRead>,
    pub errors: &'a [FieldError],
    /// Decimals shown of the vote score (the scheme's rounding).
    pub decimals: u32,
    pub dispatch: &'a Callback<Action>,
}

pub fn vote_entry(props: &VoteEntryProps) -> Html {
    let s = strings(props.lang);
    let source = props.source.to_owned();
    let counts = props.read.map_or(&[][..], |r| &r.counts[..]);
    let eligible = props.read.and_then(|r| r.eligible);
    let counted = props.read.and_then(|r| r.tally);

    let levels = props.scale.levels.iter().enumerate().map(|(level, l)| {
        let dispatch = props.dispatch.clone();
        let src = source.clone();
        let on_input = Callback::from(move |text| dispatch.emit(Action::SetCount { source: src.clone(), level, text }));
        let share = match (counted, counts.get(level).copied().flatten()) {
            (Some(t), Some(c)) if l.valid && t.valid > 0 => rate(Ratio::new(i128::from(c), i128::from(t.valid)).unwrap_or_default()),
            _ if !l.valid => s.not_valid_ballot().to_owned(),
            _ => "—".to_owned(),
        };
        html! {
            <div class="level">
                { decimal_field(&DecimalFieldProps {
                    id: format!("count-{source}-{level}").into(),
                    label: format!("{}{}{}{}", l.name.get(props.lang), s.paren_open(), num(l.points), s.paren_close()).into(),
                    value: props.draft.counts.get(level).cloned().unwrap_or_default().into(),
                    suffix: s.ballots().into(),
                    inputmode: "numeric".into(),
                    placeholder: "0".into(),
                    class: classes!("compact"),
                    error: shown_error(error_at(props.errors, &Field::Count { source: source.clone(), level }), props.lang),
                    on_input,
                    ..Default::default()
                }) }
                <output class="rate" id={format!("rate-{source}-{level}")}>{ share }</output>
            </div>
        }
    });
    let on_eligible = {
        let dispatch = props.dispatch.clone();
        let src = source.clone();
        Callback::from(move |text| {
            dispatch.emit(Action::SetEligible {
                source: src.clone(),
                text,
            })
        })
    };
    let participation = match (counted, eligible, &props.scale.participation) {
        (Some(t), Some(e), Some(rule)) => {
            let needed = ballots_needed(rule, e);
            let ok = t.cast >= needed;
            let text = i18n::fill(
                strings(props.lang).participation(),
                &[&t.cast.to_string(), &e.to_string(), &needed.to_string()],
            );
            html! { <p class={classes!("participation", (!ok).then_some("warning"))}>{ if ok { "✓ " } else { "⚠ " } }{ text }</p> }
        }
        _ => html! { <p class="participation">{ "\u{a0}" }</p> },
    };
    html! {
        <div class="votes">
            <div class="levels">{ for levels }</div>
            <div class="tally">
                <span>{ s.valid_ballots() }{ s.colon() }<strong id={format!("valid-{source}")}>{ counted.map_or("—".to_owned(), |t| t.valid.to_string()) }</strong></span>
                <span>{ s.vote_score() }{ s.colon() }<strong id={format!("vote-score-{source}")}>{ counted.map_or("—".to_owned(), |t| dingji_rules::fmt::fixed(t.score, props.decimals)) }</strong></span>
            </div>
            { decimal_field(&DecimalFieldProps {
                id: format!("eligible-{source}").into(),
                label: s.eligible().into(),
                value: props.draft.eligible.clone().into(),
                hint: s.eligible_hint().into(),
                inputmode: "numeric".into(),
                class: classes!("compact"),
                error: shown_error(error_at(props.errors, &Field::Eligible { source: source.clone() }), props.lang),
                on_input: on_eligible,
                ..Default::default()
            }) }
            { participation }
        </div>
    }
}
