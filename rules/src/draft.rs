//! What a user typed for one organization, as text, and its parsing into an [`Org`] with every
//! unreadable field named ("parse, don't validate later": the engine only sees typed values).
//!
//! A source's draft keeps all three forms at once (a score, indicator entries, ballot counts) and
//! which one is in use, so that switching the form in a page loses nothing typed. Empty ballot
//! counts are 0 ballots; every other empty field is an error.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::evaluate::{self, Tally};
use crate::map::{self, Pairs};
use crate::number::parse_decimal;
use crate::org::{Org, Override, SourceInput, Votes};
use crate::scheme::{Scheme, Scoring, SourceKind};
use crate::text::Lang;

/// An organization as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrgDraft {
    /// The name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The category id (or its Chinese name); empty for the scheme's first.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub category: String,
    /// Each source's entries, by source id.
    #[serde(with = "crate::map::as_object")]
    pub inputs: Pairs<SourceDraft>,
    /// The vetoes ticked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vetoes: Vec<String>,
    /// The committee's override, if any.
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub override_: Option<Override>,
}

/// The form a source is entered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A direct score.
    #[default]
    Score,
    /// Indicator entries.
    Indicators,
    /// Ballot counts.
    Votes,
}

/// One source as typed, in every form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceDraft {
    /// The form in use.
    pub mode: Mode,
    /// A direct score.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub score: String,
    /// Indicator entries by indicator id.
    #[serde(with = "crate::map::as_object", skip_serializing_if = "Vec::is_empty")]
    pub indicators: Pairs<String>,
    /// Ballot counts per level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counts: Vec<String>,
    /// People eligible to vote.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub eligible: String,
}

/// A field of a draft, for showing an error where it belongs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Field {
    /// The category.
    Category,
    /// A source as a whole (a vote with no valid ballot).
    Source {
        /// Source id.
        source: String,
    },
    /// A direct score.
    Score {
        /// Source id.
        source: String,
    },
    /// An indicator entry.
    Indicator {
        /// Source id.
        source: String,
        /// Indicator id.
        indicator: String,
    },
    /// A ballot count.
    Count {
        /// Source id.
        source: String,
        /// Level index.
        level: usize,
    },
    /// The number of people eligible.
    Eligible {
        /// Source id.
        source: String,
    },
    /// The override.
    Override,
}

/// The field of the number of people eligible to vote, as an error names it after its source's
/// name.
fn eligible(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "应参加人数",
        Lang::En => "eligible voters",
    }
}

impl Field {
    /// How this field's errors name it and its source in Chinese (as [`OrgDraft::parse`] names
    /// them: "党员评", "党员评 · 好"), each with its name in `lang`: the pairs
    /// [`Error::message_naming`] takes to write an error in `lang`.
    pub fn names(&self, scheme: &Scheme, lang: Lang) -> Vec<(String, String)> {
        let (Field::Source { source }
        | Field::Score { source }
        | Field::Indicator { source, .. }
        | Field::Count { source, .. }
        | Field::Eligible { source }) = self
        else {
            return Vec::new();
        };
        let Some((_, s)) = scheme.source(source) else {
            return Vec::new();
        };
        let mut names = vec![(s.name.zh.clone(), s.name.get(lang).to_owned())];
        let mut item = |zh: &str, other: &str| {
            names.push((
                format!("{} · {zh}", s.name.zh),
                format!("{} · {other}", s.name.get(lang)),
            ));
        };
        match self {
            Field::Indicator { indicator, .. } => scheme
                .indicators
                .iter()
                .chain(scheme.category_indicators.iter().flat_map(|(_, set)| set))
                .filter(|i| i.id == *indicator)
                .for_each(|i| item(&i.name.zh, i.name.get(lang))),
            Field::Count { level, .. } => {
                if let SourceKind::Vote(scale) = &s.input
                    && let Some(l) = scale.levels.get(*level)
                {
                    item(&l.name.zh, l.name.get(lang));
                }
            }
            Field::Eligible { .. } => {
                item(eligible(Lang::Zh), eligible(lang));
            }
            _ => {}
        }
        names
    }
}

/// A field that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where.
    pub field: Field,
    /// Why.
    pub error: Error,
}

/// The error of `field` among `errors`, if it has one.
pub fn error_at<'a>(errors: &'a [FieldError], field: &Field) -> Option<&'a Error> {
    errors.iter().find(|e| &e.field == field).map(|e| &e.error)
}

impl OrgDraft {
    /// An empty draft with each source in the form its scheme gives it.
    pub fn for_scheme(scheme: &Scheme) -> Self {
        let inputs = scheme
            .sources
            .iter()
            .map(|s| {
                let mode = match s.input {
                    SourceKind::Direct => Mode::Score,
                    SourceKind::Indicators => Mode::Indicators,
                    SourceKind::Vote(_) => Mode::Votes,
                };
                (
                    s.id.clone(),
                    SourceDraft {
                        mode,
                        ..SourceDraft::default()
                    },
                )
            })
            .collect();
        OrgDraft {
            inputs,
            ..OrgDraft::default()
        }
    }

    /// The draft's source entry, created in the scheme's form if it is missing.
    pub fn source_mut(&mut self, scheme: &Scheme, source: &str) -> &mut SourceDraft {
        // The scheme is asked for the form only when the entry is made.
        if map::get(&self.inputs, source).is_none() {
            let mode = match scheme.source(source).map(|(_, s)| &s.input) {
                Some(SourceKind::Indicators) => Mode::Indicators,
                Some(SourceKind::Vote(_)) => Mode::Votes,
                _ => Mode::Score,
            };
            self.inputs.push((
                source.to_owned(),
                SourceDraft {
                    mode,
                    ..SourceDraft::default()
                },
            ));
        }
        map::entry(&mut self.inputs, source)
    }

    /// What an override being typed still lacks (its reason, or a tier or stars), while it is a
    /// draft that the organization is read without; `None` for none, or a complete one.
    pub fn override_pending(&self, scheme: &Scheme) -> Option<Error> {
        let o = self.override_.as_ref()?;
        match evaluate::check_override(scheme, o) {
            Err(e @ (Error::OverrideEmpty | Error::OverrideReason)) => Some(e),
            _ => None,
        }
    }

    /// The draft's entry for the source `id`.
    pub fn source(&self, id: &str) -> Option<&SourceDraft> {
        map::get(&self.inputs, id)
    }

    /// Reads the draft, or says which fields could not be read (naming them in Chinese).
    pub fn parse(&self, scheme: &Scheme) -> Result<Org, Vec<FieldError>> {
        self.parse_in(scheme, Lang::Zh)
    }

    /// [`OrgDraft::parse`], the errors naming their fields in `lang` (a page that parses again
    /// when the language changes; one that keeps what it parsed renames at display time, with
    /// [`Field::names`]).
    pub fn parse_in(&self, scheme: &Scheme, lang: Lang) -> Result<Org, Vec<FieldError>> {
        self.read(scheme, lang, None)
    }

    /// [`OrgDraft::parse_in`], and each vote source's ballots as read, for a page to show as
    /// they are typed (the rates, the valid ballots, the vote score) while the rest of the
    /// entries may not read yet: each count is read once, here.
    pub fn parse_shown(&self, scheme: &Scheme, lang: Lang) -> (Parsed, Pairs<VotesRead>) {
        let mut shown = Vec::new();
        (self.read(scheme, lang, Some(&mut shown)), shown)
    }

    fn read(
        &self,
        scheme: &Scheme,
        lang: Lang,
        mut shown: Option<&mut Pairs<VotesRead>>,
    ) -> Parsed {
        let mut errors = Vec::new();
        let org_probe = Org {
            category: self.category.clone(),
            ..Org::default()
        };
        let category = match evaluate::category_index(scheme, &org_probe) {
            Ok(c) => scheme
                .categories
                .get(c)
                .map(|c| c.id.clone())
                .unwrap_or_default(),
            Err(error) => {
                errors.push(FieldError {
                    field: Field::Category,
                    error,
                });
                String::new()
            }
        };
        let mut inputs = Vec::with_capacity(scheme.sources.len());
        for source in &scheme.sources {
            let name = source.name.get(lang);
            let id = source.id.clone();
            let Some(draft) = self.source(&source.id) else {
                errors.push(FieldError {
                    field: Field::Score { source: id.clone() },
                    error: Error::MissingInput {
                        source: name.to_owned(),
                    },
                });
                continue;
            };
            let input = match (draft.mode, &source.input) {
                (Mode::Indicators, SourceKind::Indicators) => {
                    parse_indicators(scheme, &category, &id, name, draft, lang, &mut errors)
                }
                (Mode::Votes, SourceKind::Vote(scale)) => {
                    let read = shown.as_deref_mut().map(|shown| {
                        shown.push((id.clone(), VotesRead::default()));
                        shown.last_mut().map(|(_, read)| read)
                    });
                    parse_votes(scale, &id, name, draft, lang, &mut errors, read.flatten())
                }
                _ => {
                    let field = Field::Score { source: id.clone() };
                    match parse_decimal(&draft.score, name) {
                        Ok(v) if v < Decimal::ZERO || v > scheme.max_score() => {
                            let error = Error::OutOfRange {
                                field: name.to_owned(),
                                value: v,
                                min: Decimal::ZERO,
                                max: scheme.max_score(),
                            };
                            errors.push(FieldError { field, error });
                            None
                        }
                        Ok(v) => Some(SourceInput::Score(v)),
                        Err(error) => {
                            errors.push(FieldError { field, error });
                            None
                        }
                    }
                }
            };
            if let Some(input) = input {
                inputs.push((source.id.clone(), input));
            }
        }
        // An override being typed (a tier without its reason yet, or a reason without a tier)
        // is a draft: the organization is read as without it until it is complete. One that
        // names what the scheme lacks is an error at its field.
        let override_ = match &self.override_ {
            Some(o) => match evaluate::check_override(scheme, o) {
                Ok(()) => Some(o.clone()),
                Err(Error::OverrideEmpty | Error::OverrideReason) => None,
                Err(error) => {
                    errors.push(FieldError {
                        field: Field::Override,
                        error,
                    });
                    None
                }
            },
            None => None,
        };
        if errors.is_empty() {
            Ok(Org {
                name: self.name.trim().to_owned(),
                category,
                inputs,
                vetoes: self.vetoes.clone(),
                override_,
            })
        } else {
            Err(errors)
        }
    }
}

fn parse_indicators(
    scheme: &Scheme,
    category: &str,
    source: &str,
    name: &str,
    draft: &SourceDraft,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<SourceInput> {
    let mut entries = Vec::new();
    let before = errors.len();
    for indicator in scheme.indicators_for(category) {
        // The field named only in a refusal (a list reads 100,000 rows).
        let field_name = || format!("{} · {}", name, indicator.name.get(lang));
        let text = map::get(&draft.indicators, &indicator.id).map_or("", String::as_str);
        let read = parse_decimal(text, "").or_else(|_| parse_decimal(text, &field_name()));
        let parsed = read.and_then(|v| match indicator.scoring {
            Scoring::Add if v < Decimal::ZERO || v > indicator.max => Err(Error::OutOfRange {
                field: field_name(),
                value: v,
                min: Decimal::ZERO,
                max: indicator.max,
            }),
            Scoring::Deduct if v < Decimal::ZERO => Err(Error::Negative {
                field: field_name(),
                value: v,
            }),
            _ => Ok(v),
        });
        match parsed {
            Ok(v) => {
                entries.push((indicator.id.clone(), v));
            }
            Err(error) => errors.push(FieldError {
                field: Field::Indicator {
                    source: source.to_owned(),
                    indicator: indicator.id.clone(),
                },
                error,
            }),
        }
    }
    (errors.len() == before).then_some(SourceInput::Indicators(entries))
}

/// An organization as read from its draft, or what could not be read, by field.
pub type Parsed = Result<Org, Vec<FieldError>>;

/// A vote source's ballots as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VotesRead {
    /// Each level's count; `None` where it does not read.
    pub counts: Vec<Option<u64>>,
    /// The number eligible; `None` where it is empty or does not read.
    pub eligible: Option<u64>,
    /// The tally once every count reads; `None` until then, or where the ballots cannot be
    /// counted (more than the number eligible).
    pub tally: Option<Tally>,
}

fn parse_votes(
    scale: &crate::scheme::VoteScale,
    source: &str,
    name: &str,
    draft: &SourceDraft,
    lang: Lang,
    errors: &mut Vec<FieldError>,
    // Where the ballots as read go, for a page that shows them (a list reads many rows, and
    // shows none).
    mut shown: Option<&mut VotesRead>,
) -> Option<SourceInput> {
    let before = errors.len();
    let mut counts = Vec::with_capacity(scale.levels.len());
    for (level, l) in scale.levels.iter().enumerate() {
        let text = draft.counts.get(level).map_or("", String::as_str);
        // The field named only in a refusal: read again to name it (a list reads 100,000 rows).
        let count = parse_count(text, "")
            .or_else(|_| parse_count(text, &format!("{} · {}", name, l.name.get(lang))));
        if let Some(shown) = shown.as_deref_mut() {
            shown.counts.push(count.as_ref().ok().copied());
        }
        match count {
            Ok(n) => counts.push(n),
            Err(error) => errors.push(FieldError {
                field: Field::Count {
                    source: source.to_owned(),
                    level,
                },
                error,
            }),
        }
    }
    let eligible = if draft.eligible.trim().is_empty() {
        None
    } else {
        match parse_count(&draft.eligible, &format!("{name} · {}", eligible(lang))) {
            Ok(n) => Some(n),
            Err(error) => {
                errors.push(FieldError {
                    field: Field::Eligible {
                        source: source.to_owned(),
                    },
                    error,
                });
                None
            }
        }
    };
    // Counted once every count reads (the number eligible as it reads), for the page to show.
    let votes = Votes { counts, eligible };
    let counted =
        (votes.counts.len() == scale.levels.len()).then(|| evaluate::tally(scale, &votes, name));
    if let Some(shown) = shown {
        shown.eligible = eligible;
        shown.tally = counted.as_ref().and_then(|t| t.as_ref().ok()).copied();
    }
    if errors.len() != before {
        return None;
    }
    match counted {
        Some(Ok(_)) => Some(SourceInput::Votes(votes)),
        None => None,
        Some(Err(error)) => {
            let field = match error {
                Error::TooManyBallots { .. } => Field::Eligible {
                    source: source.to_owned(),
                },
                _ => Field::Source {
                    source: source.to_owned(),
                },
            };
            errors.push(FieldError { field, error });
            None
        }
    }
}

/// A ballot count: a whole number of at least 0; empty is 0.
pub fn parse_count(text: &str, field: &str) -> Result<u64, Error> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    let not_a_count = || Error::NotACount {
        field: field.to_owned(),
        text: crate::text::excerpt(text.trim()),
    };
    let value = parse_decimal(text, field).map_err(|_| not_a_count())?;
    if value.fract() != Decimal::ZERO || value < Decimal::ZERO {
        return Err(not_a_count());
    }
    u64::try_from(value).map_err(|_| not_a_count())
}
