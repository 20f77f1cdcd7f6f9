//! The list page's views: one per file; each takes what it shows as props and reports changes
//! as [`super::state::Action`]s.

pub mod charts;
pub mod grid;
pub mod laggards;
pub mod panel;
pub mod summary;
pub mod toolbar;
