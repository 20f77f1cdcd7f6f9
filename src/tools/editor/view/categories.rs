//! The categories (分类), each with its own indicators or the shared ones.

use yew::prelude::*;

use super::Ctx;
use crate::tools::editor::fields::{check, row_actions, text_field};
use crate::tools::editor::{self, written};
use crate::tools::strings::ToolStrings;

pub(super) fn categories(c: &Ctx<'_>) -> Html {
    let (shape, start, lang) = (c.shape, c.start, c.lang);
    let uses_indicators = c.uses_indicators();
    let many = shape.categories.len() > 1;
    let rows = shape.categories.iter().enumerate().map(|(i, category)| {
        let id = format!("ed-category-{i}");
        let cid = category.id.clone();
        let own = shape.category_indicators.iter().any(|(x, _)| *x == category.id);
        let name = category.name.get(lang);
        let was = start.category(&category.id).map(|w| w.name.get(lang));
        let rename = c.edit(move |s, v: String| {
            if let Some(x) = s.categories.get_mut(i) {
                x.name = written(&v)
            }
        });
        let remove = many.then(|| c.edit(move |s, ()| editor::remove_category(s, i)));
        html! {
            <div class="ed-row">
                { text_field(format!("{id}-name"), c.t(ToolStrings::category), name, was, rename, lang) }
                if uses_indicators {
                    { check(format!("{id}-own"), c.t(ToolStrings::its_own_indicators), own,
                        c.edit(move |s, v: bool| editor::own_set(s, &cid, v))) }
                }
                { row_actions(&id, name, None, remove, lang) }
            </div>
        }
    });
    rows.collect()
}
