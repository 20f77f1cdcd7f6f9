//! The scheme editor (编辑方案) in the workshop: every part of a scheme's shape — its name and
//! rounding, sources and their input forms, vote scales and participation, categories and
//! indicator sets, tiers with their follow-up and stars, star levels and the cap, the quotas'
//! rounding and scope, vetoes and satisfaction caps. Each value is marked where it differs from
//! the scheme the workshop started from, with a button that sets it back; the scheme's own
//! check ([`Scheme::validate`]) is shown at the section it concerns. Weights, thresholds and
//! quota shares are the workshop's sliders above, not repeated here.
//!
//! A file per section (basics, sources, categories, indicators, tiers, stars, quotas, vetoes),
//! each a function of the same [`Ctx`]; this component lays them out.

mod basics;
mod categories;
mod indicators;
mod quotas;
mod sources;
mod stars;
mod tiers;
mod vetoes;

use std::rc::Rc;

use dingji_rules::scheme::SourceKind;
use dingji_rules::{Error, Lang, Scheme};
use yew::prelude::*;

use crate::tools::editor::fields::{button, check, edit, section, section_error};
use crate::tools::editor::{self, Section};
use crate::tools::strings::{ToolStrings, tool_strings};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The scheme as edited (with the weights and thresholds tried, where they read).
    pub shape: Rc<Scheme>,
    /// The scheme the workshop started from: what a value is marked against.
    pub start: Rc<Scheme>,
    /// Why the edited scheme is not valid, if it is not.
    pub error: Option<Error>,
    pub lang: Lang,
    /// The scheme with one change made.
    pub on_change: Callback<Scheme>,
}

/// What every section reads: the scheme as edited, the one it started from (what a value is
/// marked against), the language, and where a change goes.
struct Ctx<'a> {
    shape: &'a Rc<Scheme>,
    start: &'a Scheme,
    lang: Lang,
    on: &'a Callback<Scheme>,
}

impl Ctx<'_> {
    /// One of the tools' strings (by its accessor), in the page's language.
    fn t(&self, s: fn(&ToolStrings) -> &'static str) -> String {
        s(tool_strings(self.lang)).to_owned()
    }

    /// A callback making one change to the scheme (see [`edit`]).
    fn edit<V: 'static>(&self, f: impl Fn(&mut Scheme, V) + 'static) -> Callback<V> {
        edit(self.shape, self.on, f)
    }

    /// Whether a source is scored by indicators: then the indicators section shows, and each
    /// category can have its own.
    fn uses_indicators(&self) -> bool {
        self.shape
            .sources
            .iter()
            .any(|s| s.input == SourceKind::Indicators)
    }
}

#[component]
pub fn SchemeEditor(p: &EditorProps) -> Html {
    let (shape, lang, on) = (&p.shape, p.lang, &p.on_change);
    let c = Ctx {
        shape,
        start: &p.start,
        lang,
        on,
    };
    let s = tool_strings(lang);
    let t = |word: fn(&ToolStrings) -> &'static str| word(s).to_owned();
    let add = |id: &str, word: fn(&ToolStrings) -> &'static str, f: fn(&mut Scheme)| {
        Some(button(
            id.into(),
            t(word),
            edit(shape, on, move |s, ()| f(s)),
        ))
    };
    let error = &p.error;
    let at = |s: Section| section_error(error, s, lang);
    let invalid = error.as_ref().map(|e| {
        let lead = s.the_scheme_is_not_valid();
        format!("{lead}{}", e.message(lang))
    });
    html! {
        <div class="scheme-editor" id="scheme-editor">
            if let Some(e) = invalid { <p class="error" role="alert" id="ed-error">{ e }</p> }
            { section(t(ToolStrings::name_and_rounding), basics::basics(&c), None, at(Section::Rounding)) }
            { section(t(ToolStrings::section_sources), sources::sources(&c),
                add("ed-add-source", ToolStrings::add_a_source, editor::add_source), at(Section::Sources)) }
            { section(t(ToolStrings::section_categories), categories::categories(&c),
                add("ed-add-category", ToolStrings::add_a_category, editor::add_category), at(Section::Categories)) }
            if c.uses_indicators() {
                { section(t(ToolStrings::indicators_points_are_weights),
                    indicators::indicators(&c), None, at(Section::Indicators)) }
            }
            { section(t(ToolStrings::section_tiers), tiers::tiers(&c),
                add("ed-add-tier", ToolStrings::add_a_tier, editor::add_tier), at(Section::Tiers)) }
            <h4>{ t(ToolStrings::section_stars) }</h4>
            { check("ed-stars-on".into(), t(ToolStrings::give_stars), shape.stars.is_some(),
                edit(shape, on, |s, v: bool| editor::set_stars(s, v))) }
            { stars::stars(&c) }
            { at(Section::Stars) }
            <h4>{ t(ToolStrings::quotas) }</h4>
            { quotas::quotas(&c) }
            { at(Section::Quotas) }
            <h4>{ t(ToolStrings::vetoes_and_satisfaction) }</h4>
            { vetoes::vetoes(&c) }
            { at(Section::Vetoes) }
        </div>
    }
}
