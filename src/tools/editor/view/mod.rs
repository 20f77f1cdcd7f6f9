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

use crate::tools::editor::fields::{button, check, edit, section, section_error, zh};
use crate::tools::editor::{self, Section};

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
    /// The Chinese or the English, as the page is.
    fn t(&self, zh: &str, en: &str) -> String {
        (if self.lang == Lang::Zh { zh } else { en }).to_owned()
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
    let z = zh(lang);
    let t = |zh: &str, en: &str| -> String { (if z { zh } else { en }).to_owned() };
    let add = |id: &str, (zh_text, en): (&str, &str), f: fn(&mut Scheme)| {
        Some(button(
            id.into(),
            t(zh_text, en),
            edit(shape, on, move |s, ()| f(s)),
        ))
    };
    let error = &p.error;
    let at = |s: Section| section_error(error, s, lang);
    let invalid = error.as_ref().map(|e| {
        let lead = if z {
            "方案有误："
        } else {
            "The scheme is not valid: "
        };
        format!("{lead}{}", e.message(lang))
    });
    html! {
        <div class="scheme-editor" id="scheme-editor">
            if let Some(e) = invalid { <p class="error" role="alert" id="ed-error">{ e }</p> }
            { section(t("名称与舍入", "Name and rounding"), basics::basics(&c), None, at(Section::Rounding)) }
            { section(t("评价主体", "Sources"), sources::sources(&c),
                add("ed-add-source", ("添加评价主体", "Add a source"), editor::add_source), at(Section::Sources)) }
            { section(t("分类", "Categories"), categories::categories(&c),
                add("ed-add-category", ("添加分类", "Add a category"), editor::add_category), at(Section::Categories)) }
            if c.uses_indicators() {
                { section(t("指标（分值即权重，基础分合计 100）", "Indicators (points are weights; base points total 100)"),
                    indicators::indicators(&c), None, at(Section::Indicators)) }
            }
            { section(t("等次", "Tiers"), tiers::tiers(&c),
                add("ed-add-tier", ("添加等次", "Add a tier"), editor::add_tier), at(Section::Tiers)) }
            <h4>{ t("星级", "Stars") }</h4>
            { check("ed-stars-on".into(), t("评定星级", "Give stars"), shape.stars.is_some(),
                edit(shape, on, |s, v: bool| editor::set_stars(s, v))) }
            { stars::stars(&c) }
            { at(Section::Stars) }
            <h4>{ t("比例规则", "Quotas") }</h4>
            { quotas::quotas(&c) }
            { at(Section::Quotas) }
            <h4>{ t("一票否决与满意度", "Vetoes and satisfaction") }</h4>
            { vetoes::vetoes(&c) }
            { at(Section::Vetoes) }
        </div>
    }
}
