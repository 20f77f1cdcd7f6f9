//! What the page derives from the state: the effective scheme (the preset with the user's
//! weights and thresholds), the organization read from its entries, and the result with its
//! explanation and goals. Errors are kept by field, so that each is shown where it belongs.

use std::rc::Rc;

use dingji_rules::draft::{Field, FieldError};
use dingji_rules::{Decimal, Error, Lang, Org, OrgResult, Scheme, TierDecision, parse_decimal};

use crate::state::Edits;

/// Why the edited scheme cannot be used, field by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditErrors {
    /// By source index.
    pub weights: Vec<(usize, Error)>,
    /// By tier index.
    pub thresholds: Vec<(usize, Error)>,
    /// About the weights together (they do not sum to 100).
    pub weights_sum: Option<Error>,
    /// Anything else.
    pub other: Option<Error>,
}

impl EditErrors {
    /// The error of the weight of source `index`.
    pub fn weight(&self, index: usize) -> Option<&Error> {
        self.weights
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, e)| e)
    }

    /// The error of the threshold of tier `index`.
    pub fn threshold(&self, index: usize) -> Option<&Error> {
        self.thresholds
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, e)| e)
    }
}

/// The preset's weights and thresholds, as the text the editor starts from.
pub fn preset_values(scheme: &Scheme) -> (Vec<String>, Vec<String>) {
    let weights = scheme
        .sources
        .iter()
        .map(|s| s.weight.normalize().to_string())
        .collect();
    let thresholds = scheme
        .tiers
        .iter()
        .filter_map(|t| t.min)
        .map(|m| m.normalize().to_string())
        .collect();
    (weights, thresholds)
}

/// The preset with the user's edits, validated; or what is wrong, by field.
#[allow(clippy::result_large_err)] // computed once per edit; the Ok side is as large
pub fn effective_scheme(base: &Scheme, edits: &Edits, lang: Lang) -> Result<Scheme, EditErrors> {
    if edits.is_empty() {
        return Ok(base.clone());
    }
    let mut scheme = base.clone();
    let mut errors = EditErrors::default();
    let weight_label = if lang == Lang::Zh { "权重" } else { "weight" };
    let threshold_label = if lang == Lang::Zh {
        "分数线"
    } else {
        "threshold"
    };
    if let Some(weights) = &edits.weights {
        for (i, (source, text)) in scheme.sources.iter_mut().zip(weights).enumerate() {
            let field = format!("{} · {weight_label}", source.name.get(lang));
            match parse_decimal(text, &field) {
                Ok(w) if w < Decimal::ZERO || w > Decimal::ONE_HUNDRED => {
                    errors.weights.push((
                        i,
                        Error::OutOfRange {
                            field,
                            value: w,
                            min: Decimal::ZERO,
                            max: Decimal::ONE_HUNDRED,
                        },
                    ));
                }
                Ok(w) => source.weight = w,
                Err(e) => errors.weights.push((i, e)),
            }
        }
    }
    if let Some(thresholds) = &edits.thresholds {
        let last = scheme.tiers.len().saturating_sub(1);
        for (i, (tier, text)) in scheme
            .tiers
            .iter_mut()
            .take(last)
            .zip(thresholds)
            .enumerate()
        {
            let field = format!("{} · {threshold_label}", tier.name.get(lang));
            match parse_decimal(text, &field) {
                Ok(m) if m < Decimal::ZERO || m > Decimal::ONE_HUNDRED => {
                    errors.thresholds.push((
                        i,
                        Error::OutOfRange {
                            field,
                            value: m,
                            min: Decimal::ZERO,
                            max: Decimal::ONE_HUNDRED,
                        },
                    ));
                }
                Ok(m) => tier.min = Some(m),
                Err(e) => errors.thresholds.push((i, e)),
            }
        }
    }
    if !errors.weights.is_empty() || !errors.thresholds.is_empty() {
        return Err(errors);
    }
    // Only the weights and thresholds were changed (the preset itself is valid): check those.
    let sum: Decimal = scheme.sources.iter().map(|s| s.weight).sum();
    let checked = if sum == Decimal::ONE_HUNDRED {
        dingji_rules::tier::validate(&scheme.tiers)
    } else {
        Err(Error::WeightsSum { sum })
    };
    match checked {
        Ok(()) => Ok(scheme),
        Err(e @ Error::WeightsSum { .. }) => Err(EditErrors {
            weights_sum: Some(e),
            ..errors
        }),
        Err(e @ Error::ThresholdsNotDescending { .. }) => {
            let Error::ThresholdsNotDescending { tier, .. } = &e else {
                unreachable!()
            };
            let index = scheme
                .tiers
                .iter()
                .position(|t| &t.name.zh == tier)
                .unwrap_or(0);
            errors.thresholds.push((index, e));
            Err(errors)
        }
        Err(e) => Err(EditErrors {
            other: Some(e),
            ..errors
        }),
    }
}

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
}

/// The detailed explanation and the goals, rendered as text for the page. They are computed in
/// the worker ([`crate::worker`]) when the user opens them: their code stays out of the page's
/// first load.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explained {
    /// Every step, as a line.
    pub steps: Vec<String>,
    /// "要达到“好”，在其他各项不变时：", or that the tier is the top one.
    pub goals_title: String,
    /// Each source: its name, what it needs, and whether it can be reached.
    pub goals: Vec<(String, String, bool)>,
}

impl Explained {
    /// The explanation of `outcome` (in the worker).
    pub fn of(outcome: &Outcome, lang: Lang) -> Explained {
        use dingji_rules::goal::Unreachable;
        use dingji_rules::{Goal, explain::render_all, scheme::SourceKind};

        use crate::i18n::{self, strings};
        let (scheme, org) = (&outcome.scheme, &outcome.org);
        let steps = dingji_rules::explain(scheme, org, &outcome.result)
            .map(|steps| render_all(scheme, org, &steps, lang))
            .unwrap_or_default();
        let s = strings(lang);
        let decimals = scheme.rounding.decimals;
        let seek = dingji_rules::goal_seek(scheme, org).ok();
        let (goals_title, goals) = match seek.as_ref().and_then(|g| g.target.map(|t| (g, t))) {
            None => (s.top_tier.to_owned(), Vec::new()),
            Some((seek, target)) => {
                let goals = seek
                    .goals
                    .iter()
                    .map(|goal| {
                        let source = match goal {
                            Goal::Score { source, .. }
                            | Goal::Ballots { source, .. }
                            | Goal::Unreachable { source, .. } => *source,
                        };
                        let name = scheme
                            .sources
                            .get(source)
                            .map_or("", |s| s.name.get(lang))
                            .to_owned();
                        let text = match goal {
                            Goal::Score {
                                current, needed, ..
                            } => i18n::need_score(
                                lang,
                                &fixed(*needed, 2),
                                &fixed(*current, decimals),
                            ),
                            Goal::Ballots {
                                extra,
                                score,
                                source,
                            } => {
                                let level = match scheme.sources.get(*source).map(|s| &s.input) {
                                    Some(SourceKind::Vote(scale)) => scale
                                        .levels
                                        .iter()
                                        .find(|l| l.valid)
                                        .map_or("", |l| l.name.get(lang)),
                                    _ => "",
                                };
                                i18n::need_ballots(lang, *extra, level, &fixed(*score, decimals))
                            }
                            Goal::Unreachable {
                                reason: Unreachable::MaxScore,
                                ..
                            } => s.unreachable_max.to_owned(),
                            Goal::Unreachable {
                                reason: Unreachable::Eligible,
                                ..
                            } => s.unreachable_eligible.to_owned(),
                            Goal::Unreachable {
                                reason: Unreachable::Limit,
                                ..
                            } => s.unreachable_limit.to_owned(),
                        };
                        (name, text, !matches!(goal, Goal::Unreachable { .. }))
                    })
                    .collect();
                (i18n::to_reach(lang, scheme.tier_name(target, lang)), goals)
            }
        };
        Explained {
            steps,
            goals_title,
            goals,
        }
    }

    /// As a plain JS object, to post from the worker.
    pub fn to_js(&self) -> wasm_bindgen::JsValue {
        use js_sys::{Array, Object, Reflect};
        use wasm_bindgen::JsValue;
        let strings =
            |list: &mut dyn Iterator<Item = &str>| list.map(JsValue::from_str).collect::<Array>();
        let out = Object::new();
        let _ = Reflect::set(
            &out,
            &"steps".into(),
            &strings(&mut self.steps.iter().map(String::as_str)),
        );
        let _ = Reflect::set(&out, &"title".into(), &JsValue::from_str(&self.goals_title));
        let goals: Array = self
            .goals
            .iter()
            .map(|(name, text, ok)| {
                Array::of3(
                    &name.as_str().into(),
                    &text.as_str().into(),
                    &JsValue::from_bool(*ok),
                )
            })
            .collect();
        let _ = Reflect::set(&out, &"goals".into(), &goals);
        out.into()
    }

    /// Read back on the page.
    pub fn from_js(value: &wasm_bindgen::JsValue) -> Explained {
        use js_sys::{Array, Reflect};
        let get = |key: &str| Reflect::get(value, &key.into()).unwrap_or_default();
        let texts = |v: wasm_bindgen::JsValue| {
            Array::from(&v)
                .iter()
                .filter_map(|x| x.as_string())
                .collect::<Vec<_>>()
        };
        Explained {
            steps: texts(get("steps")),
            goals_title: get("title").as_string().unwrap_or_default(),
            goals: Array::from(&get("goals"))
                .iter()
                .map(|g| {
                    let g = Array::from(&g);
                    (
                        g.get(0).as_string().unwrap_or_default(),
                        g.get(1).as_string().unwrap_or_default(),
                        g.get(2).is_truthy(),
                    )
                })
                .collect(),
        }
    }
}

/// Everything derived for one render.
#[derive(Clone, Debug, PartialEq)]
pub struct Calc {
    /// The effective scheme, or what is wrong with the edits.
    pub scheme: Result<Rc<Scheme>, EditErrors>,
    /// Entry errors by field.
    pub field_errors: Vec<FieldError>,
    /// An error evaluating the organization that no field explains.
    pub error: Option<Error>,
    /// The result, if everything could be read.
    pub outcome: Option<Rc<Outcome>>,
}

impl Calc {
    /// Computes everything from the preset, the edits and the entries.
    pub fn new(
        base: &Rc<Scheme>,
        edits: &Edits,
        draft: &dingji_rules::draft::OrgDraft,
        lang: Lang,
    ) -> Calc {
        let scheme = match effective_scheme(base, edits, lang) {
            Ok(_) if edits.is_empty() => Ok(base.clone()),
            Ok(s) => Ok(Rc::new(s)),
            Err(e) => Err(e),
        };
        let Ok(effective) = &scheme else {
            return Calc {
                scheme,
                field_errors: Vec::new(),
                error: None,
                outcome: None,
            };
        };
        let org = match draft.parse(effective) {
            Ok(org) => org,
            Err(field_errors) => {
                return Calc {
                    scheme,
                    field_errors,
                    error: None,
                    outcome: None,
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
                    composite_line(&terms(effective, &result.scores), result.composite, lang),
                    rounding_line(effective, result.composite, result.rounded, lang),
                    threshold_line(effective, &decision, lang),
                ];
                let outcome = Outcome {
                    scheme: effective.clone(),
                    org,
                    result,
                    decision,
                    formula,
                };
                Calc {
                    scheme,
                    field_errors: Vec::new(),
                    error: None,
                    outcome: Some(Rc::new(outcome)),
                }
            }
            Err(error) => Calc {
                scheme,
                field_errors: Vec::new(),
                error: Some(error),
                outcome: None,
            },
        }
    }

    /// The error of a field, if it has one.
    pub fn error_at(&self, field: &Field) -> Option<&Error> {
        dingji_rules::draft::error_at(&self.field_errors, field)
    }
}

/// A score shown with the scheme's `decimals` (80.6 → "80.60"); one with more digits is rounded
/// half up for display and marked ≈ ("≈78.89").
pub fn fixed(value: impl Into<dingji_rules::Ratio>, decimals: u32) -> String {
    let value = value.into();
    let rounding = dingji_rules::Rounding {
        decimals,
        mode: dingji_rules::RoundingMode::HalfUp,
    };
    // A value too large to round within a Decimal (none that the engine grades) is shown as it is.
    let Some(shown) = rounding.apply_exact(value) else {
        return format!("≈{}", value.approx().normalize());
    };
    let ends = value
        .to_decimal()
        .is_some_and(|d| d.normalize().scale() <= decimals);
    if ends {
        shown.to_string()
    } else {
        format!("≈{shown}")
    }
}
