//! The list as a spreadsheet: one row per organization, its entries as cells, its results beside
//! them. Only the rows in view are in the DOM (10,000 rows scroll as 30); two spacer rows, sized
//! through the CSSOM (the Content-Security-Policy forbids style attributes), stand for the rest;
//! a list taller than a browser lays out scrolls through a shorter box ([`in_view`]).
//! Keys: arrows and Enter move between cells, Tab as usual; a block pasted from Excel or WPS
//! fills from the cell it is pasted into.

use dingji_rules::fmt::num;
use dingji_rules::{Lang, Scheme};
use yew::prelude::*;

use crate::list::derive::{Graded, RowResult, to_next};
use crate::list::state::{Action, ListState};
use crate::shared::i18n::{field_error_message, list_strings};
use crate::shared::tier_tone;
use crate::wire::columns::Col;

/// The height of a row, in CSS pixels (style/list.css sets the same).
pub const ROW_HEIGHT: usize = 38;

/// Rows rendered beyond the visible ones, above and below.
pub const OVERSCAN: usize = 10;

/// The tallest the grid's scrolling box is made, in CSS pixels. Browsers lay out no box taller
/// than about 33.5 million pixels (Chromium, Safari; Firefox 17.8 million): a million rows at
/// 38 px are 38 million, and the last 117,000 could not be scrolled to. A list taller than this
/// scrolls through a box of this height, a pixel of scrolling moving more than a pixel of rows.
pub const MAX_SCROLL: usize = 15_000_000;

/// The rows in the DOM for a box scrolled to `scroll_top`, `height` tall, over `total` rows:
/// `first..last`, and the heights of the spacers above and below them (pixels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InView {
    pub first: usize,
    pub last: usize,
    pub above: usize,
    pub below: usize,
}

/// The box's height for `total` rows, and what a pixel of its scrolling stands for: the rows'
/// own height where they fit, else [`MAX_SCROLL`].
fn heights(total: usize, height: usize) -> (usize, usize, usize) {
    let natural = total.saturating_mul(ROW_HEIGHT);
    let tall = natural.min(MAX_SCROLL);
    (natural, tall, height.min(tall))
}

/// The rows in view at `scroll_top` (see [`InView`]). Where the rows fit, the box is as tall as
/// they are and the spacers stand for the rows above and below; where they do not, the scroll's
/// share of its range is laid over the rows' range, and the rows are placed at the box's top.
pub fn in_view(scroll_top: usize, height: usize, total: usize) -> InView {
    let (natural, tall, page) = heights(total, height);
    let scroll_top = scroll_top.min(tall - page);
    // Where the box's top falls in the rows, in pixels of their own height.
    let at = if natural == tall {
        scroll_top
    } else {
        // Within u64: 15 million × a million rows' pixels.
        let (range, over) = ((tall - page) as u64, (natural - page) as u64);
        usize::try_from(scroll_top as u64 * over / range.max(1)).unwrap_or(0)
    };
    let (row, into) = (at / ROW_HEIGHT, at % ROW_HEIGHT);
    // Rows above the box's top: as many as there are pixels for above it; below, as many as
    // there are pixels for before the box ends.
    let room = scroll_top.saturating_sub(into) / ROW_HEIGHT;
    let first = row.saturating_sub(OVERSCAN.min(room)).min(total);
    let above = scroll_top.saturating_sub(into + (row - first.min(row)) * ROW_HEIGHT);
    let fit = first + tall.saturating_sub(above) / ROW_HEIGHT;
    let last = (first + height / ROW_HEIGHT + 2 * OVERSCAN)
        .min(total)
        .min(fit);
    let below = tall.saturating_sub(above + (last - first) * ROW_HEIGHT);
    InView {
        first,
        last,
        above,
        below,
    }
}

/// The scroll that puts row `row` in the middle of a box `height` tall over `total` rows.
pub fn scroll_to(row: usize, height: usize, total: usize) -> usize {
    let (natural, tall, page) = heights(total, height);
    let target = row.saturating_mul(ROW_HEIGHT).saturating_sub(height / 2);
    if natural == tall {
        return target;
    }
    let (range, over) = ((tall - page) as u64, (natural - page) as u64);
    usize::try_from(target.min(natural - page) as u64 * range / over.max(1)).unwrap_or(0)
}

pub struct GridProps<'a> {
    pub state: &'a ListState,
    pub graded: &'a Graded,
    pub columns: &'a [Col],
    /// The rows in view, as positions in `graded.order`.
    pub first: usize,
    pub last: usize,
    pub top: NodeRef,
    pub bottom: NodeRef,
    pub dispatch: &'a Callback<Action>,
    /// The text being typed into a cell (row id, column, text) before it is committed: a render
    /// meanwhile (the list scrolled, a notice) shows it rather than resetting the cell.
    pub editing: &'a Editing,
    /// The rows the last edit moved (tier or stars), by id: marked for a moment.
    pub moved: &'a [(u64, String)],
}

/// The cell being typed into, if any: row id, column index, the text so far.
pub type Editing = std::rc::Rc<std::cell::RefCell<Option<(u64, usize, String)>>>;

/// The id of a cell's input.
pub fn cell_id(position: usize, col: usize) -> String {
    format!("c{position}-{col}")
}

/// How many result columns the grid shows: rank, composite, tier, (stars, who confirms them,)
/// points to the next tier, flags. A scheme without stars shows no star columns.
fn result_width(scheme: &Scheme) -> usize {
    if scheme.stars.is_some() { 7 } else { 5 }
}

/// `pending`: what an override being typed on the row still lacks (the row is graded without it
/// until it is complete, and its flags say so first).
fn result_cells(
    scheme: &Scheme,
    graded: &Graded,
    row: usize,
    pending: Option<dingji_rules::Error>,
    lang: Lang,
) -> Html {
    let s = list_strings(lang);
    let span = result_width(scheme).to_string();
    match graded.result(row) {
        RowResult::Ok(r) => {
            let stars = r
                .stars
                .map(|n| scheme.star_name(n, lang))
                .unwrap_or_default();
            let confirmer = r
                .stars
                .and_then(|n| scheme.star_level(n))
                .map(|l| l.confirmer.get(lang).to_owned())
                .unwrap_or_default();
            let next = to_next(scheme, r).map(num).unwrap_or_default();
            let mut flags = graded.flags(scheme, row, r, lang);
            if let Some(lacks) = pending {
                let note = crate::shared::i18n::fill(
                    s.override_pending(),
                    &[&crate::shared::i18n::error_message(&lacks, lang)],
                );
                flags = if flags.is_empty() {
                    note
                } else {
                    format!("{note}{}{flags}", s.sentence_sep())
                };
            }
            html! {
                <>
                    <td class="num rank">{ r.rank }</td>
                    <td class="num composite r-composite">{ r.rounded.to_string() }</td>
                    <td class="r-tier"><span class={classes!("tier-chip", tier_tone(r.tier, scheme.tiers.len()))}>{ scheme.tier_name(r.tier, lang) }</span></td>
                    if scheme.stars.is_some() {
                        <td class="r-stars">{ stars }</td>
                        <td>{ confirmer }</td>
                    }
                    <td class="num">{ next }</td>
                    <td class="flags" title={flags.clone()}>{ flags }</td>
                </>
            }
        }
        RowResult::Failed(why) => {
            html! { <td class="row-error" colspan={span} title={why.clone()}>{ why }</td> }
        }
        RowResult::Unread => html! { <td class="row-error" colspan={span}>{ s.unread() }</td> },
    }
}

pub fn grid(props: &GridProps) -> Html {
    let state = props.state;
    let lang = state.lang;
    let s = list_strings(lang);
    let scheme = &state.scheme;
    let width = props.columns.len() + result_width(scheme) + 2;
    let headers = props
        .columns
        .iter()
        .map(|c| html! { <th scope="col">{ c.header(scheme, lang) }</th> });
    let rows = (props.first..props.last).filter_map(|position| {
        let &row = props.graded.order.get(position)?;
        let r = state.rows.get(row)?;
        let errors = r.parsed.as_ref().err();
        let id = r.id;
        let typed = props.editing.borrow().as_ref().filter(|(i, _, _)| *i == id).map(|(_, c, t)| (*c, t.clone()));
        let cells = props.columns.iter().enumerate().map(|(c, col)| {
            let error = errors.and_then(|e| e.iter().find(|e| col.owns(&e.field))).map(|e| field_error_message(&e.error, &e.field, scheme, state.lang));
            let dispatch = props.dispatch.clone();
            let col_for_change = col.clone();
            let editing = props.editing.clone();
            let onchange = Callback::from(move |e: Event| {
                editing.borrow_mut().take();
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                dispatch.emit(Action::SetCell { row, col: col_for_change.clone(), text });
            });
            let editing = props.editing.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                *editing.borrow_mut() = Some((id, c, text));
            });
            let value = match &typed {
                Some((tc, text)) if *tc == c => text.clone(),
                _ => col.get(&r.draft, scheme).into_owned(),
            };
            let saved = col.get(&r.draft, scheme).into_owned();
            let editing = props.editing.clone();
            let dispatch = props.dispatch.clone();
            let onfocus = Callback::from(move |_: FocusEvent| dispatch.emit(Action::Move { row: position, col: c }));
            let dispatch = props.dispatch.clone();
            let width = props.columns.len();
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                let len = input.value().chars().count() as u32;
                let at_start = input.selection_start().ok().flatten() == Some(0) && input.selection_end().ok().flatten() == Some(0);
                let at_end = input.selection_start().ok().flatten() == Some(len);
                if e.key() == "Escape" {
                    // Back to what the cell holds, uncommitted.
                    editing.borrow_mut().take();
                    input.set_value(&saved);
                    return;
                }
                let to = match e.key().as_str() {
                    "ArrowDown" | "Enter" => Some((position + 1, c)),
                    "ArrowUp" => position.checked_sub(1).map(|p| (p, c)),
                    "ArrowLeft" if at_start => c.checked_sub(1).map(|c| (position, c)),
                    "ArrowRight" if at_end && c + 1 < width => Some((position, c + 1)),
                    _ => None,
                };
                if let Some((row, col)) = to {
                    e.prevent_default();
                    // Leaving the cell commits it (its change event), then the cursor moves.
                    let _ = input.blur();
                    dispatch.emit(Action::Move { row, col });
                }
            });
            // A long formal name shows in full on hover; an error says what is wrong.
            let title = error.clone().or_else(|| (*col == Col::Name).then(|| value.clone()));
            html! {
                <td class={classes!(error.is_some().then_some("invalid"))}>
                    <input
                        class="cell"
                        id={cell_id(position, c)}
                        {value}
                        {title}
                        aria-label={format!("{} · {}", position + 1, col.header(scheme, lang))}
                        aria-invalid={error.is_some().to_string()}
                        autocomplete="off"
                        {onchange}
                        {oninput}
                        {onfocus}
                        {onkeydown}
                    />
                </td>
            }
        });
        let dispatch = props.dispatch.clone();
        let open = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Open(Some(id))));
        let duplicate = props.dispatch.reform(move |_: MouseEvent| Action::DuplicateRow(row));
        let delete = props.dispatch.reform(move |_: MouseEvent| Action::DeleteRow(row));
        Some(html! {
            <tr key={r.id} class={classes!(errors.is_some().then_some("unread"), (state.open == Some(r.id)).then_some("open"),
                props.moved.iter().any(|(id, _)| *id == r.id).then_some("consequence"))}>
                <th scope="row" class="num">{ row + 1 }</th>
                { for cells }
                { result_cells(scheme, props.graded, row, r.draft.override_pending(scheme), lang) }
                <td class="row-actions">
                    <button type="button" class="small" onclick={open}>{ s.explain() }</button>
                    <button type="button" class="small" onclick={duplicate}>{ s.duplicate() }</button>
                    <button type="button" class="small" onclick={delete} aria-label={format!("{} {}", s.delete(), row + 1)}>{ "×" }</button>
                </td>
            </tr>
        })
    });
    html! {
        <table class="grid">
            <thead>
                <tr>
                    <th scope="col" class="num">{ "#" }</th>
                    { for headers }
                    <th scope="col">{ s.rank() }</th>
                    <th scope="col" class="r-composite">{ s.composite() }</th>
                    <th scope="col" class="r-tier">{ s.tier() }</th>
                    if scheme.stars.is_some() {
                        <th scope="col" class="r-stars">{ s.stars() }</th>
                        <th scope="col">{ s.confirmer() }</th>
                    }
                    <th scope="col">{ s.to_next() }</th>
                    <th scope="col">{ s.flags() }</th>
                    <th scope="col">{ s.actions() }</th>
                </tr>
            </thead>
            // The spacers in bodies of their own: the rows' body holds keyed rows only, so that
            // a render never makes a spacer anew (without its height: the scroll would jump).
            <tbody class="spacer-body">
                <tr class="spacer" aria-hidden="true"><td ref={props.top.clone()} colspan={width.to_string()}></td></tr>
            </tbody>
            <tbody>{ for rows }</tbody>
            <tbody class="spacer-body">
                <tr class="spacer" aria-hidden="true"><td ref={props.bottom.clone()} colspan={width.to_string()}></td></tr>
            </tbody>
        </table>
    }
}
