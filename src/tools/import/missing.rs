//! A source the file has no column for: all of a vote's valid levels, a source's score, an
//! indicator. No row can be graded without it, so the import names it before anything is
//! imported, with the file's unread columns as its candidates.

use dingji_rules::scheme::SourceKind;
use dingji_rules::{Lang, Scheme};

use super::Plan;
use crate::shared::i18n::fill;
use crate::tools::strings::tool_strings;
use crate::wire::columns::Col;

/// The sentence for each source `plan` leaves without a column, by source id: a vote's valid
/// levels, a source's score, an indicator (each named), with the file's columns read as
/// nothing, its candidates.
pub(super) fn missing_sources(
    plan: &Plan,
    cols: &[Col],
    scheme: &Scheme,
    unread: &str,
    lang: Lang,
) -> Vec<(String, String)> {
    let t = tool_strings(lang);
    let mapped = |col: &Col| {
        cols.iter()
            .position(|c| c == col)
            .is_some_and(|c| plan.mapping.contains(&Some(c)))
    };
    let quoted = |names: &[&str]| fill(t.quoted_name(), &[&names.join(t.quoted_names_separator())]);
    let mut out = Vec::new();
    for source in &scheme.sources {
        let id = source.id.clone();
        let name = source.name.get(lang);
        let absent: Vec<&str> = cols
            .iter()
            .filter(|c| match c {
                Col::Score(s) | Col::Count(s, _) | Col::Indicator(s, _) => *s == id,
                _ => false,
            })
            .filter(|c| match (c, &source.input) {
                // A level that is not a valid ballot (不了解) does not count: not needed.
                (Col::Count(_, l), SourceKind::Vote(scale)) => {
                    scale.levels.get(*l).is_some_and(|x| x.valid)
                }
                _ => true,
            })
            .filter(|c| !mapped(c))
            .map(|c| match c {
                Col::Count(_, l) => match &source.input {
                    SourceKind::Vote(scale) => {
                        scale.levels.get(*l).map_or("", |x| x.name.get(lang))
                    }
                    _ => "",
                },
                Col::Indicator(_, i) => scheme
                    .categories
                    .iter()
                    .flat_map(|cat| scheme.indicators_for(&cat.id))
                    .find(|x| &x.id == i)
                    .map_or("", |x| x.name.get(lang)),
                _ => "",
            })
            .collect();
        if absent.is_empty() {
            continue;
        }
        let what = match absent.as_slice() {
            [""] => t.missing_score_column().to_owned(),
            [_] => fill(t.missing_column(), &[&quoted(&absent)]),
            names => fill(
                t.missing_columns_all(),
                &[&quoted(names), &names.len().to_string()],
            ),
        };
        let said = fill(t.missing_source(), &[name, &what, unread]);
        out.push((id, said));
    }
    out
}
