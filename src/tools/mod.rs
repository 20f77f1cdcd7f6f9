//! The tools: what loads on first use over either page, as a bundle of its own
//! (`src/bin/tools.rs`, run by `assets/tools-loader.js`), so that neither page's first load
//! carries it. No page imports this module: a page opens a tool through `wire::tools` and reads
//! its answer (saved-list text, a scheme's saved form). The tools read the list page's model
//! (`list::state`, `list::derive`, `list::persist`) to grade what they show as the page does.
//!
//! - [`import`]: a clerk's file planned (its header found, its columns and category words
//!   matched to the scheme's names) and read into drafts; the dialog.
//! - [`workshop`]: a scheme tried against the list (or the calculator's one organization) and
//!   compared; last year's list; my schemes; scheme links; the view.
//! - [`editor`]: the scheme editor's changes of shape, and its view.
//! - [`paste`]: a block copied from Excel or WPS read into the list.
//! - [`export`]: the list written as CSV or Excel.
//! - [`tally`]: 计票, one organization's paper ballots counted by key into its row.
//! - [`print`]: what the list page prints: the 公示 as posted and the meeting's forms (测评票,
//!   党委评定表, 自评表), previewed.

pub mod editor;
pub mod export;
pub mod import;
pub mod paste;
pub mod print;
pub mod sheet_said;
pub mod strings;
pub mod tally;
pub mod workshop;
