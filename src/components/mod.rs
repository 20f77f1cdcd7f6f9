//! One component per file.

pub mod app;
pub mod decimal_field;
pub mod scheme_picker;
pub mod tier_result;
pub mod tier_table;

/// The colour class of tier `index` of `count` tiers: the best is green, the lowest always red,
/// whatever the number of tiers (`tone-0` … `tone-4`).
pub fn tier_tone(index: usize, count: usize) -> String {
    let tone = if index + 1 >= count {
        4
    } else {
        (index + 5usize.saturating_sub(count)).min(3)
    };
    format!("tone-{tone}")
}
