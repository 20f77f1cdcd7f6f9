//! Indicator sub-scores (指标): each with its maximum and its scoring points (评分要点) as a hint;
//! for deduction items the entry is the points deducted.

use dingji_rules::Lang;
use dingji_rules::draft::{Field, FieldError, SourceDraft, error_at};
use dingji_rules::fmt::num;
use dingji_rules::scheme::{Indicator, Scoring};
use yew::prelude::*;

use super::decimal_field::{DecimalFieldProps, decimal_field};
use crate::calculator::state::Action;
use crate::shared::i18n::strings;
use crate::shared::shown_error;

pub struct IndicatorEntryProps<'a> {
    pub lang: Lang,
    pub source: &'a str,
    pub indicators: &'a [Indicator],
    pub draft: &'a SourceDraft,
    pub errors: &'a [FieldError],
    pub dispatch: &'a Callback<Action>,
}

pub fn indicator_entry(props: &IndicatorEntryProps) -> Html {
    let s = strings(props.lang);
    let fields = props.indicators.iter().map(|indicator| {
        let dispatch = props.dispatch.clone();
        let (source, ind) = (props.source.to_owned(), indicator.id.clone());
        let on_input = Callback::from(move |text| {
            dispatch.emit(Action::SetIndicator {
                source: source.clone(),
                indicator: ind.clone(),
                text,
            })
        });
        let field = Field::Indicator {
            source: props.source.to_owned(),
            indicator: indicator.id.clone(),
        };
        let error = error_at(props.errors, &field);
        let suffix = match indicator.scoring {
            Scoring::Add => format!("/ {}", num(indicator.max)),
            Scoring::Deduct => format!("{} {}", s.deduct_points(), num(indicator.max)),
        };
        decimal_field(&DecimalFieldProps {
            id: format!("ind-{}-{}", props.source, indicator.id).into(),
            label: indicator.name.get(props.lang).to_owned().into(),
            value: dingji_rules::map::get(&props.draft.indicators, &indicator.id)
                .cloned()
                .unwrap_or_default()
                .into(),
            hint: indicator.points.get(props.lang).to_owned().into(),
            suffix: suffix.into(),
            class: classes!("compact"),
            error: shown_error(error, props.lang),
            on_input,
            required: true,
            ..Default::default()
        })
    });
    html! { <div class="indicators">{ for fields }</div> }
}
