//! The calculator's views, one per file. Those that change the state take a `dispatch` callback
//! of [`super::state::Action`]s; everything they show comes in as props.

pub mod choose;
pub mod contribution_bar;
pub mod decimal_field;
pub mod explanation;
pub mod goal_list;
pub mod header;
pub mod indicator_entry;
pub mod notice;
pub mod number_line;
pub mod result_panel;
pub mod scheme_editor;
pub mod select_field;
pub mod share_dialog;
pub mod slider_field;
pub mod source_card;
pub mod unused;
pub mod veto_list;
pub mod vote_entry;
pub mod why;
