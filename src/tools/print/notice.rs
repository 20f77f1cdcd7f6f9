//! The 公示 as it is posted: its title, the 公示期, the organizations by tier (best first, by
//! rank), where objections go, the 落款. The committee's own grades are said only where the user
//! asks (`PublicityText::show_overrides`); the internal export says them either way.

use dingji_rules::{Flag, Lang};
use yew::prelude::*;

use super::heading;
use crate::list::derive::{Graded, RowResult};
use crate::list::state::ListState;
use crate::shared::i18n::{fill, list_strings};
use crate::tools::strings::tool_strings;

pub fn notice(state: &ListState, graded: &Graded, today: &str) -> Html {
    let lang: Lang = state.lang;
    let (s, t) = (list_strings(lang), tool_strings(lang));
    let words = &state.publicity;
    let scheme = &state.scheme;
    // By tier, then rank (the rules' one sort: highest key first, so both negated).
    let mut keyed: Vec<(i128, usize)> = (0..state.rows.len())
        .filter_map(|i| match graded.result(i) {
            RowResult::Ok(r) => Some((-(((r.tier as i128) << 64) + r.rank as i128), i)),
            _ => None,
        })
        .collect();
    dingji_rules::list::order_by_key(&mut keyed);
    let groups = scheme.tiers.iter().enumerate().map(|(tier_at, tier)| {
        let names: Vec<Html> = keyed
            .iter()
            .filter_map(|&(_, i)| {
                let RowResult::Ok(result) = graded.result(i) else {
                    return None;
                };
                if result.tier != tier_at {
                    return None;
                }
                let row = state.rows.get(i)?;
                // The category, and the stars where the scheme gives them: 第一党支部（村，五星）.
                let mut notes = vec![
                    scheme
                        .categories
                        .get(result.category)
                        .map_or("", |c| c.name.get(lang))
                        .to_owned(),
                ];
                notes.extend(result.stars.map(|n| scheme.star_name(n, lang)));
                // Set by the committee, or moved by the quotas because of its overrides: said
                // where the notice is to say it.
                for flag in result.flags.iter().filter(|_| words.show_overrides) {
                    match flag {
                        Flag::Override { .. } => notes.push(t.overridden().to_owned()),
                        Flag::AfterOverride { .. } => notes.push(t.moved_by_override().to_owned()),
                        _ => {}
                    }
                }
                notes.retain(|n| !n.is_empty());
                let note = fill(t.in_brackets(), &[&notes.join(t.comma())]);
                Some(html! { <li>{ &row.draft.name }<span class="note">{ note }</span></li> })
            })
            .collect();
        html! {
            <section class="publicity-tier">
                <h2>{ fill(t.tier_and_count(), &[tier.name.get(lang), &names.len().to_string()]) }</h2>
                <ol>{ for names }</ol>
            </section>
        }
    });
    let title = match words.title.trim() {
        "" => heading(words, t.notice_title(), lang),
        own => own.to_owned(),
    };
    let period = (!words.from.is_empty() || !words.to.is_empty())
        .then(|| fill(t.notice_period(), &[&words.from, &words.to]));
    let signed_on = match words.signed_on.as_str() {
        "" => today,
        day => day,
    };
    html! {
        <article class="publicity" id="publicity">
            <h1>{ title }</h1>
            <p>{ [
                fill(t.label_and_value(), &[t.publicity_date(), today]),
                fill(t.label_and_value(), &[s.scheme(), scheme.name.get(lang)]),
            ].join(t.spaced()) }</p>
            if let Some(p) = period { <p class="period" id="publicity-period">{ p }</p> }
            { for groups }
            <footer class="publicity-foot">
                if !words.feedback.trim().is_empty() { <p id="publicity-feedback">{ &words.feedback }</p> }
                if !words.phone.trim().is_empty() {
                    <p id="publicity-phone">{ fill(t.notice_phone(), &[&words.phone]) }</p>
                }
                <p class="signed" id="publicity-signed">
                    if !words.committee.trim().is_empty() { <span>{ &words.committee }</span> }
                    <span>{ signed_on }</span>
                </p>
            </footer>
        </article>
    }
}
