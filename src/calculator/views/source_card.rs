//! One score source (评价主体): its weight, the form it is entered in, and its entries.

use dingji_rules::draft::{Field, FieldError, Mode, SourceDraft, VotesRead, error_at};
use dingji_rules::fmt::num;
use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use super::decimal_field::{DecimalFieldProps, decimal_field};
use super::indicator_entry::{IndicatorEntryProps, indicator_entry};
use super::vote_entry::{VoteEntryProps, vote_entry};
use crate::calculator::state::Action;
use crate::shared::i18n::strings;
use crate::shared::shown_error;

pub struct SourceCardProps<'a> {
    pub lang: Lang,
    pub scheme: &'a Scheme,
    /// The source's index in the scheme.
    pub index: usize,
    /// The organization's category id (its indicator set).
    pub category: &'a str,
    pub draft: &'a SourceDraft,
    /// A vote source's ballots as the page read them.
    pub votes: Option<&'a VotesRead>,
    /// The entry errors (of every source: each field finds its own).
    pub errors: &'a [FieldError],
    /// The source's score, once it can be computed.
    pub score: Option<String>,
    pub dispatch: &'a Callback<Action>,
}

/// Every source of `scheme`, each with its entries of `draft` (a vote's ballots as read, in
/// `votes`) and its score of `scores` (the result's, once there is one).
#[allow(clippy::too_many_arguments)]
pub fn source_cards(
    lang: Lang,
    scheme: &Scheme,
    category: &str,
    draft: &dingji_rules::draft::OrgDraft,
    votes: &[(String, VotesRead)],
    errors: &[FieldError],
    scores: Option<&[dingji_rules::Ratio]>,
    dispatch: &Callback<Action>,
) -> Html {
    let no_draft = SourceDraft::default();
    let cards = scheme.sources.iter().enumerate().map(|(index, source)| {
        let score = scores
            .and_then(|s| s.get(index))
            .map(|x| dingji_rules::fmt::fixed(*x, scheme.rounding.decimals));
        source_card(&SourceCardProps {
            lang,
            scheme,
            index,
            category,
            draft: draft.source(&source.id).unwrap_or(&no_draft),
            votes: dingji_rules::map::get(votes, &source.id),
            errors,
            score,
            dispatch,
        })
    });
    html! { <>{ for cards }</> }
}

pub fn source_card(props: &SourceCardProps) -> Html {
    let s = strings(props.lang);
    let Some(source) = props.scheme.sources.get(props.index) else {
        return Html::default();
    };
    let id = source.id.clone();
    let other_mode = match source.input {
        SourceKind::Direct => None,
        SourceKind::Indicators => Some((Mode::Indicators, s.mode_indicators())),
        SourceKind::Vote(_) => Some((Mode::Votes, s.mode_votes())),
    };
    let mode = match (other_mode, props.draft.mode) {
        (Some((m, _)), current) if current == m => m,
        _ => Mode::Score,
    };
    let radio = |m: Mode, label: &'static str| {
        let dispatch = props.dispatch.clone();
        let source = id.clone();
        let onchange = Callback::from(move |_: Event| {
            dispatch.emit(Action::SetMode {
                source: source.clone(),
                mode: m,
            })
        });
        html! {
            <label class="mode">
                <input type="radio" name={format!("mode-{id}")} checked={mode == m} {onchange} />
                { label }
            </label>
        }
    };
    let body = match (mode, &source.input) {
        (Mode::Votes, SourceKind::Vote(scale)) => vote_entry(&VoteEntryProps {
            lang: props.lang,
            source: &id,
            scale,
            draft: props.draft,
            read: props.votes,
            errors: props.errors,
            decimals: props.scheme.rounding.decimals,
            dispatch: props.dispatch,
        }),
        (Mode::Indicators, SourceKind::Indicators) => indicator_entry(&IndicatorEntryProps {
            lang: props.lang,
            source: &id,
            indicators: props.scheme.indicators_for(props.category),
            draft: props.draft,
            errors: props.errors,
            dispatch: props.dispatch,
        }),
        _ => {
            let dispatch = props.dispatch.clone();
            let source_id = id.clone();
            let on_input = Callback::from(move |text| {
                dispatch.emit(Action::SetScore {
                    source: source_id.clone(),
                    text,
                })
            });
            decimal_field(&DecimalFieldProps {
                id: format!("score-{id}").into(),
                label: s.score_label().into(),
                value: props.draft.score.clone().into(),
                hint: s.score_hint().into(),
                placeholder: s.score_placeholder().into(),
                error: shown_error(
                    error_at(props.errors, &Field::Score { source: id.clone() }),
                    props.lang,
                ),
                on_input,
                required: true,
                ..Default::default()
            })
        }
    };
    let source_error = shown_error(
        error_at(props.errors, &Field::Source { source: id.clone() }),
        props.lang,
    );
    html! {
        <fieldset class="card source" id={format!("source-{id}")}>
            <legend>
                <span class="source-name">{ source.name.get(props.lang) }</span>
                <span class="weight">{ format!("{} {}%", s.weight(), num(source.weight)) }</span>
                if let Some(score) = &props.score { <span class="source-score">{ score }</span> }
            </legend>
            if let Some((m, label)) = other_mode {
                <div class="modes" role="radiogroup" aria-label={s.entry_form()}>
                    { radio(m, label) }
                    { radio(Mode::Score, s.mode_score()) }
                </div>
            }
            { body }
            if let Some(message) = source_error { <p class="error" role="alert">{ message }</p> }
        </fieldset>
    }
}
