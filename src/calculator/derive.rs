//! What the page derives from the state: the effective scheme (the preset with the user's
//! weights and thresholds), the organization read from its entries, and the result with its
//! explanation and goals. Errors are kept by field, so that each is shown where it belongs.

use std::rc::Rc;

use dingji_rules::draft::{Field, FieldError, VotesRead};
use dingji_rules::{Decimal, Error, Lang, Org, OrgResult, Scheme, TierDecision};

use crate::wire::page::{EditErrors, Edits, edited_scheme};

/// A computed result and everything shown with it at once.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The scheme it was computed under.
    pub scheme: Rc<Scheme>,
    /// The organization as read.
    pub org: Org,
    /// The result.
    pub result: OrgResult,
    /// How the score decided the tier.
    pub decision: TierDecision,
    /// The formula, front and centre: the weighted sum, the rounding, the threshold comparison.
    pub formula: [String; 3],
    /// The rounded composite under the scheme as it started (the preset), where the scheme was
    /// changed and the organization reads under both.
    pub baseline: Option<Decimal>,
}

/// Everything derived for one render.
#[derive(Clone, Debug, PartialEq)]
pub struct Calc {
    /// The preset with every edit that could be read: what the editor shows as changed.
    pub edited: Rc<Scheme>,
    /// The effective scheme, or what is wrong with the edits.
    pub scheme: Result<Rc<Scheme>, EditErrors>,
    /// Entry errors by field.
    pub field_errors: Vec<FieldError>,
    /// An error evaluating the organization that no field explains.
    pub error: Option<Error>,
    /// The result, if everything could be read.
    pub outcome: Option<Rc<Outcome>>,
    /// Each vote source's ballots as read (once, with the rest of the entries), for the source
    /// card to show as they are typed.
    pub votes: Vec<(String, VotesRead)>,
}

impl Calc {
    /// Computes everything from the preset, the edits and the entries.
    pub fn new(
        base: &Rc<Scheme>,
        edits: &Edits,
        draft: &dingji_rules::draft::OrgDraft,
        lang: Lang,
    ) -> Calc {
        let (edited, errors) = if edits.is_empty() {
            (base.clone(), EditErrors::default())
        } else {
            let (edited, errors) = edited_scheme(base, edits, lang);
            (Rc::new(edited), errors)
        };
        let scheme = if errors.is_empty() {
            Ok(edited.clone())
        } else {
            Err(errors)
        };
        // The entries read once, under the scheme as edited (a vote's scale is the same whether
        // or not the weights and thresholds read): its ballots are shown even while an edit is
        // wrong.
        let (org, votes) = draft.parse_shown(&edited, lang);
        let Ok(effective) = &scheme else {
            return Calc {
                edited,
                scheme,
                field_errors: Vec::new(),
                error: None,
                outcome: None,
                votes,
            };
        };
        let org = match org {
            Ok(org) => org,
            Err(field_errors) => {
                return Calc {
                    edited,
                    scheme,
                    field_errors,
                    error: None,
                    outcome: None,
                    votes,
                };
            }
        };
        match dingji_rules::evaluate(effective, &org) {
            Ok(result) => {
                use dingji_rules::explain::{composite_line, rounding_line, terms, threshold_line};
                // Decided on the rounding the evaluation made, not made again.
                let decision = dingji_rules::tier::decide_rounded(
                    &effective.tiers,
                    result.composite,
                    result.rounded,
                );
                let formula = [
                    composite_line(
                        &terms(effective, &result.scores[..]),
                        result.composite,
                        lang,
                    ),
                    rounding_line(effective, result.composite, result.rounded, lang),
                    threshold_line(effective, &decision, lang),
                ];
                // The same organization under the scheme as it started: its entries read the same
                // where only weights and thresholds changed.
                let baseline = (!Rc::ptr_eq(effective, base))
                    .then(|| dingji_rules::evaluate(base, &org).ok())
                    .flatten()
                    .map(|r| r.rounded);
                let outcome = Outcome {
                    scheme: effective.clone(),
                    org,
                    result,
                    decision,
                    formula,
                    baseline,
                };
                Calc {
                    edited,
                    scheme,
                    field_errors: Vec::new(),
                    error: None,
                    outcome: Some(Rc::new(outcome)),
                    votes,
                }
            }
            Err(error) => Calc {
                edited,
                scheme,
                field_errors: Vec::new(),
                error: Some(error),
                outcome: None,
                votes,
            },
        }
    }
}

/// What the inputs lack while they give no result: the names of the fields still empty (for
/// the result panel), and what the working says while it waits.
pub fn lacking(calc: &Calc, scheme: &Scheme, lang: Lang) -> (Vec<String>, Option<String>) {
    if calc.outcome.is_some() {
        return (Vec::new(), None);
    }
    let s = crate::shared::i18n::strings(lang);
    let missing = missing(calc, scheme, lang);
    let waiting = if missing.is_empty() {
        s.why_waiting().to_owned()
    } else {
        format!("{}{}", s.incomplete(), missing.join(s.list_sep()))
    };
    (missing, Some(waiting))
}

/// The names of the fields still empty, for the result panel.
pub fn missing(calc: &Calc, scheme: &Scheme, lang: Lang) -> Vec<String> {
    calc.field_errors
        .iter()
        .filter_map(|e| match (&e.field, &e.error) {
            (Field::Score { source }, Error::Empty { .. } | Error::MissingInput { .. }) => scheme
                .source(source)
                .map(|(_, s)| s.name.get(lang).to_owned()),
            (Field::Indicator { source, indicator }, Error::Empty { .. }) => {
                let category = scheme.categories.first().map_or("", |c| c.id.as_str());
                let name = scheme.source(source).map_or("", |(_, s)| s.name.get(lang));
                let ind = scheme
                    .indicators_for(category)
                    .iter()
                    .chain(scheme.category_indicators.iter().flat_map(|(_, set)| set))
                    .find(|i| &i.id == indicator)
                    .map_or("", |i| i.name.get(lang));
                Some(format!("{name} · {ind}"))
            }
            _ => None,
        })
        .collect()
}

/// The result to show: the current one, or else the last good one (`last_good`, kept here),
/// marked out of date when something typed is wrong (not merely missing).
pub fn shown_outcome(
    calc: &Calc,
    last_good: &mut Option<Rc<Outcome>>,
) -> (Option<Rc<Outcome>>, bool) {
    match &calc.outcome {
        Some(o) => {
            *last_good = Some(o.clone());
            (Some(o.clone()), false)
        }
        None => {
            let any_real_error = calc.scheme.is_err()
                || calc.error.is_some()
                || calc.field_errors.iter().any(|e| {
                    !matches!(
                        e.error,
                        Error::Empty { .. }
                            | Error::MissingInput { .. }
                            | Error::MissingIndicator { .. }
                    )
                });
            let last = last_good.clone();
            (last.clone(), any_real_error && last.is_some())
        }
    }
}

/// The scheme to show the inputs under: the effective one, or while the edits are wrong the one
/// of the result shown (or the preset, `base`).
pub fn shown_scheme(calc: &Calc, outcome: Option<&Outcome>, base: &Rc<Scheme>) -> Rc<Scheme> {
    match &calc.scheme {
        Ok(x) => x.clone(),
        Err(_) => outcome.map_or(base.clone(), |o| o.scheme.clone()),
    }
}

/// The id of the category `typed` names under `scheme`, or the scheme's first.
pub fn chosen_category(scheme: &Scheme, typed: &str) -> String {
    scheme
        .category(typed)
        .or_else(|| scheme.categories.first())
        .map(|c| c.id.clone())
        .unwrap_or_default()
}
