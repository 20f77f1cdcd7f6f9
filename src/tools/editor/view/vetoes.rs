//! The vetoes (一票否决) and the satisfaction caps (满意度), each with the limit it puts on the
//! tier or the stars.

use dingji_rules::Decimal;
use dingji_rules::scheme::Limit;
use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{button, limit_fields, num, row_actions, select, text_field};
use crate::tools::editor::{self, Form, written};
use crate::tools::strings::ToolStrings;

pub(super) fn vetoes(c: &Ctx<'_>) -> Html {
    let (shape, start, lang) = (c.shape, c.start, c.lang);
    let vetoes = shape.vetoes.iter().enumerate().map(|(i, veto)| {
        let id = format!("ed-veto-{i}");
        let was = start.vetoes.iter().find(|v| v.id == veto.id);
        let rename = c.edit(move |s, v: String| {
            if let Some(x) = s.vetoes.get_mut(i) {
                x.name = written(&v)
            }
        });
        let limit = c.edit(move |s, l: Limit| {
            if let Some(x) = s.vetoes.get_mut(i) {
                x.limit = l
            }
        });
        let remove = c.edit(move |s, ()| {
            s.vetoes.remove(i);
        });
        html! {
            <div class="ed-item ed-row">
                { text_field(format!("{id}-name"), c.t(ToolStrings::veto), veto.name.get(lang), was.map(|w| w.name.get(lang)),
                    rename, lang) }
                { limit_fields(&id, shape, veto.limit, limit, lang) }
                { row_actions(&id, veto.name.get(lang), None, Some(remove), lang) }
            </div>
        }
    });
    let votes: Vec<(String, String)> = shape
        .sources
        .iter()
        .filter(|s| Form::of(&s.input) == Form::Vote)
        .map(|s| (s.id.clone(), s.name.get(lang).to_owned()))
        .collect();
    let caps = shape.satisfaction_caps.iter().enumerate().map(|(i, cap)| {
        let id = format!("ed-satisfaction-{i}");
        let source = c.edit(move |s, v: String| {
            if let Some(x) = s.satisfaction_caps.get_mut(i) {
                x.source = v
            }
        });
        let below = c.edit(move |s, v: Decimal| {
            if let Some(x) = s.satisfaction_caps.get_mut(i) {
                x.below = v
            }
        });
        let limit = c.edit(move |s, l: Limit| {
            if let Some(x) = s.satisfaction_caps.get_mut(i) {
                x.limit = l
            }
        });
        let remove = c.edit(move |s, ()| {
            s.satisfaction_caps.remove(i);
        });
        html! {
            <div class="ed-item ed-row">
                { select(format!("{id}-source"), c.t(ToolStrings::vote), votes.clone(), &cap.source, source) }
                { num(format!("{id}-below"), c.t(ToolStrings::satisfied_below), cap.below, None, below, lang) }
                { limit_fields(&id, shape, cap.limit, limit, lang) }
                { row_actions(&id, &c.t(ToolStrings::satisfaction), None, Some(remove), lang) }
            </div>
        }
    });
    let add_veto = c.edit(|s, ()| editor::add_veto(s));
    let add_cap = c.edit(|s, ()| {
        editor::add_satisfaction_cap(s);
    });
    html! {
        <>
            { for vetoes }
            { button("ed-add-veto".into(), c.t(ToolStrings::add_a_veto), add_veto) }
            { for caps }
            if !votes.is_empty() {
                { button("ed-add-satisfaction".into(), c.t(ToolStrings::add_a_satisfaction_rule), add_cap) }
            }
        </>
    }
}
